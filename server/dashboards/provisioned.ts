// Provisioned dashboards: Grafana dashboard JSON files in DASHBOARDS_DIR, read-only. The
// directory is looked at on each call, so edited files show up without a restart (a file is
// parsed again only when it changed, ParsedFiles); a broken file is reported with its error
// and never hides the others.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { unreadable } from '../storage.ts';

export interface DashboardEntry {
  uid: string;
  title: string;
  tags: string[];
  slug: string;
  file: string;
  dashboard?: Record<string, unknown>;
  error?: string;
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

export class ProvisionedDashboards {
  private readonly parsed: ParsedFiles;

  constructor(
    private readonly files: FileSystem,
    private readonly dir: string,
  ) {
    this.parsed = new ParsedFiles(files);
  }

  async list(): Promise<DashboardEntry[]> {
    const names = ((await this.files.readDir(this.dir)) ?? []).filter((n) => n.endsWith('.json'));
    const paths = new Map(names.map((n) => [joinPath(this.dir, n), n]));
    this.parsed.keepOnly(this.dir.replace(/\/+$/, ''), new Set(paths.keys()));
    const entries = await Promise.all(
      [...paths]
        .sort((a, b) => (a[1] < b[1] ? -1 : 1))
        .map(([path, file]) => this.parsed.read(path, file)),
    );
    return entries.filter((e): e is DashboardEntry => e !== null);
  }

  async get(uid: string): Promise<DashboardEntry | undefined> {
    return (await this.list()).find((e) => e.uid === uid);
  }
}
