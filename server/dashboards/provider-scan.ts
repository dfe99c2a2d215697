// One dashboard provider's folder of JSON files (a Grafana `type: file` provider, or
// DASHBOARDS_DIR): walked for *.json, each parsed only when it changed (ParsedFiles), the walk
// done again at most every updateIntervalSeconds. Folders as Grafana's file reader makes them:
// the provider's `folder`/`folderUid`, or with foldersFromFilesStructure one per directory,
// named after it (files at the top stay in General). With disableDeletion a file that goes
// away leaves its dashboard in place until restart; without, it goes with the file.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import type { DashboardProvider } from '../provisioning/providers.ts';
import { folderUidFor } from './folder-uid.ts';
import { type DashboardEntry, ParsedFiles } from './provisioned.ts';

export interface ProvisionedFolder {
  uid: string;
  title: string;
  /** The provider it comes from. */
  provider: string;
}

const MAX_DEPTH = 8; // directory levels under a provider's path
const MAX_FILES = 10_000; // dashboard files per provider

export class ProviderScan {
  private readonly parsed: ParsedFiles;
  private last: { at: number; entries: DashboardEntry[]; folders: ProvisionedFolder[] } | null =
    null;
  private scanning: Promise<void> | null = null;
  /** disableDeletion: every entry seen, by file path. */
  private readonly kept = new Map<string, DashboardEntry>();

  constructor(
    private readonly files: FileSystem,
    readonly provider: DashboardProvider,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.parsed = new ParsedFiles(files);
  }

  private origin(): string {
    const p = this.provider;
    return p.name === 'DASHBOARDS_DIR' ? 'DASHBOARDS_DIR' : `provider "${p.name}" (${p.source})`;
  }

  /** The top folder for files at the provider's root, or null for General. */
  private rootFolder(): ProvisionedFolder | null {
    const { folder, folderUid, name } = this.provider;
    if (!folder && !folderUid) return null;
    const title = folder || folderUid;
    return { uid: folderUid || folderUidFor(title), title, provider: name };
  }

  /** Relative paths of the JSON files, depth first, sorted. */
  private async walk(rel: string, depth: number, out: string[]): Promise<void> {
    const names =
      (await this.files.readDir(joinPath(this.provider.path, rel)).catch(() => null)) ?? [];
    for (const name of names.sort()) {
      if (out.length >= MAX_FILES || name.startsWith('.')) continue;
      const child = rel ? `${rel}/${name}` : name;
      if (name.endsWith('.json')) out.push(child);
      else if (this.provider.recursive && depth < MAX_DEPTH) await this.walk(child, depth + 1, out);
    }
  }

  private async scan(): Promise<void> {
    const rels: string[] = [];
    await this.walk('', 0, rels);
    const root = this.provider.path.replace(/\/+$/, '');
    const paths = new Map(rels.map((rel) => [joinPath(root, rel), rel]));
    this.parsed.keepOnly(root, new Set(paths.keys()));
    const folders = new Map<string, ProvisionedFolder>();
    const top = this.rootFolder();
    if (top) folders.set(top.uid, top);
    const entries: DashboardEntry[] = [];
    for (const [path, rel] of paths) {
      const parsed = await this.parsed.read(path, rel);
      if (!parsed) continue;
      let folderUid = top?.uid ?? '';
      const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      if (this.provider.foldersFromFilesStructure && dir) {
        const title = dir.slice(dir.lastIndexOf('/') + 1);
        folderUid = folderUidFor(title);
        folders.set(folderUid, { uid: folderUid, title, provider: this.provider.name });
      }
      const entry: DashboardEntry = {
        ...parsed,
        folderUid,
        origin: this.origin(),
        allowUiUpdates: this.provider.allowUiUpdates,
      };
      entries.push(entry);
      if (this.provider.disableDeletion) this.kept.set(path, entry);
    }
    if (this.provider.disableDeletion) {
      for (const [path, entry] of this.kept) {
        if (paths.has(path)) continue;
        entries.push(entry);
        if (entry.folderUid && !folders.has(entry.folderUid)) {
          const title = entry.file.includes('/') ? entry.file.split('/').at(-2)! : entry.folderUid;
          folders.set(entry.folderUid, {
            uid: entry.folderUid,
            title,
            provider: this.provider.name,
          });
        }
      }
    }
    this.last = { at: this.now(), entries, folders: [...folders.values()] };
  }

  private async fresh(): Promise<NonNullable<ProviderScan['last']>> {
    const interval = this.provider.updateIntervalSeconds * 1000; // ms
    if (!this.last || this.now() - this.last.at >= interval) {
      // One walk at a time: callers arriving during it share it.
      this.scanning ??= this.scan().finally(() => {
        this.scanning = null;
      });
      await this.scanning;
    }
    return this.last!;
  }

  async list(): Promise<DashboardEntry[]> {
    return (await this.fresh()).entries;
  }

  async folders(): Promise<ProvisionedFolder[]> {
    return (await this.fresh()).folders;
  }
}
