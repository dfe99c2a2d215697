// Provisioned dashboards: Grafana dashboard JSON files in DASHBOARDS_DIR and in the folders of
// PROVISIONING_DIR's dashboard providers, read-only. The directory is looked at on each call, so edited files show up without a restart (a file is
// parsed again only when it changed, ParsedFiles); a broken file is reported with its error
// and never hides the others.
import type { FileSystem } from '../deps.ts';
import type { DashboardProvider } from '../provisioning/providers.ts';
import { unreadable } from '../storage.ts';
import { ProviderScan, type ProvisionedFolder } from './provider-scan.ts';

export interface DashboardEntry {
  uid: string;
  title: string;
  tags: string[];
  slug: string;
  file: string;
  dashboard?: Record<string, unknown>;
  error?: string;
  /** The folder it is in; '' or absent: General. */
  folderUid?: string;
  /** Where a provisioned one comes from, in words: `DASHBOARDS_DIR`, `provider "name"`. */
  origin?: string;
  /** Its provider's allowUiUpdates: saves from the UI are kept in DATA_DIR. */
  allowUiUpdates?: boolean;
}

/** Grafana's URL slug: lower case, runs of anything else than letters and digits become "-". */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'dashboard'
  );
}

/** One dashboard file; a broken one becomes an entry with `error`, named after its file. */
export function parseDashboardFile(file: string, bytes: Uint8Array): DashboardEntry {
  const fallbackUid = file.replace(/\.json$/, '');
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new Error('not a JSON object');
    }
    const d = json as Record<string, unknown>;
    const title = typeof d.title === 'string' && d.title ? d.title : fallbackUid;
    const uid = typeof d.uid === 'string' && d.uid ? d.uid : fallbackUid;
    const tags = Array.isArray(d.tags)
      ? d.tags.filter((t): t is string => typeof t === 'string')
      : [];
    return { uid, title, tags, slug: slugify(title), file, dashboard: { ...d, uid, title } };
  } catch (err) {
    const error = `${file}: ${(err as Error).message}`;
    return { uid: fallbackUid, title: file, tags: [], slug: slugify(fallbackUid), file, error };
  }
}

/**
 * Dashboard files parsed once and kept while the file stays the same (FileSystem.stamp:
 * inode, size, mtime), so listing and opening dashboards reads only what changed instead of
 * every file on every call. The entries handed out are shared: read them, never change them.
 */
export class ParsedFiles {
  private readonly held = new Map<string, { stamp: string; entry: DashboardEntry }>();

  constructor(private readonly files: FileSystem) {}

  /** The parsed file at `path` (named `file` in errors), or null when there is none. */
  async read(path: string, file: string): Promise<DashboardEntry | null> {
    try {
      return await this.readNow(path, file);
    } catch (err) {
      // Listed with what is wrong, in words (the OS's message carries the absolute path), so
      // one file the server cannot read (a folder named x.json, no permission) hides no other.
      this.held.delete(path);
      const uid = file.replace(/\.json$/, '');
      const error = `${file}: ${unreadable(err)}`;
      return { uid, title: file, tags: [], slug: slugify(uid), file, error };
    }
  }

  private async readNow(path: string, file: string): Promise<DashboardEntry | null> {
    const stamp = this.files.stamp ? await this.files.stamp(path) : undefined;
    if (stamp === null) {
      this.held.delete(path);
      return null;
    }
    const held = this.held.get(path);
    if (stamp !== undefined && held?.stamp === stamp) return held.entry;
    const bytes = await this.files.readFile(path);
    if (!bytes) {
      this.held.delete(path);
      return null;
    }
    const entry = parseDashboardFile(file, bytes);
    // Under a stamp taken before the read: a file changed in between is read again next time.
    if (stamp !== undefined) this.held.set(path, { stamp, entry });
    return entry;
  }

  /** Forgets files under `dir` that are not among `paths` (deleted since). */
  keepOnly(dir: string, paths: ReadonlySet<string>): void {
    for (const path of this.held.keys()) {
      if (path.startsWith(`${dir}/`) && !paths.has(path)) this.held.delete(path);
    }
  }
}

/** The DASHBOARDS_DIR provider: flat, looked at on every call, no folder, read-only. */
export function dashboardsDirProvider(dir: string): DashboardProvider {
  return {
    name: 'DASHBOARDS_DIR',
    path: dir,
    foldersFromFilesStructure: false,
    folder: '',
    folderUid: '',
    allowUiUpdates: false,
    disableDeletion: false,
    updateIntervalSeconds: 0,
    source: 'DASHBOARDS_DIR',
    recursive: false,
  };
}

/**
 * Every provider's dashboards (provider-scan.ts), DASHBOARDS_DIR's first; the first provider
 * to hold a uid wins, as Grafana refuses the later ones.
 */
export class ProvisionedDashboards {
  readonly providers: ProviderScan[];

  constructor(files: FileSystem, dir: string, providers: readonly DashboardProvider[] = []) {
    this.providers = [dashboardsDirProvider(dir), ...providers].map(
      (p) => new ProviderScan(files, p),
    );
  }

  async list(): Promise<DashboardEntry[]> {
    const lists = await Promise.all(this.providers.map((p) => p.list()));
    const seen = new Set<string>();
    const out: DashboardEntry[] = [];
    for (const entry of lists.flat()) {
      if (seen.has(entry.uid)) continue;
      seen.add(entry.uid);
      out.push(entry);
    }
    return out;
  }

  async get(uid: string): Promise<DashboardEntry | undefined> {
    return (await this.list()).find((e) => e.uid === uid);
  }

  /** The folders providers give (a `folder`, or one per sub-folder), by uid. */
  async folders(): Promise<ProvisionedFolder[]> {
    const byUid = new Map<string, ProvisionedFolder>();
    for (const p of this.providers) for (const f of await p.folders()) byUid.set(f.uid, f);
    return [...byUid.values()];
  }
}
