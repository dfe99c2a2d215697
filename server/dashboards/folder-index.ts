// Every folder the server knows: those of dashboard providers (read-only, from the files) and
// those created from the UI (folders.ts: DATA_DIR or PostgreSQL), in Grafana's answer shapes. A stored
// folder whose uid a provider now gives too is shown as the provider's.
import type { FolderAnswer } from '../../contract/api.ts';
import type { FolderStorage } from './folders.ts';
import type { ProvisionedDashboards } from './provisioned.ts';
import { slugify } from './provisioned.ts';

export interface FolderView {
  uid: string;
  title: string;
  provisioned: boolean;
  version: number;
  created: string | null;
  updated: string | null;
}

export const folderUrl = (uid: string, title: string) => `/dashboards/f/${uid}/${slugify(title)}`;

export class FolderIndex {
  constructor(
    readonly store: FolderStorage,
    private readonly provisioned: ProvisionedDashboards,
  ) {}

  async all(): Promise<FolderView[]> {
    const fromFiles = (await this.provisioned.folders()).map(
      (f): FolderView => ({
        uid: f.uid,
        title: f.title,
        provisioned: true,
        version: 1,
        created: null,
        updated: null,
      }),
    );
    const taken = new Set(fromFiles.map((f) => f.uid));
    const stored = (await this.store.list())
      .filter((f) => !taken.has(f.uid))
      .map((f): FolderView => ({ ...f, provisioned: false }));
    return [...fromFiles, ...stored].sort((a, b) =>
      a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
    );
  }

  async get(uid: string): Promise<FolderView | undefined> {
    return (await this.all()).find((f) => f.uid === uid);
  }

  /** Whether a uid or a title (case aside) is a provisioned folder's: for create and rename. */
  async provisionedTaken(): Promise<(uid: string, title: string) => boolean> {
    const fromFiles = await this.provisioned.folders();
    return (uid, title) =>
      fromFiles.some(
        (f) => (uid && f.uid === uid) || (title && f.title.toLowerCase() === title.toLowerCase()),
      );
  }

  static answer(f: FolderView, readOnly: boolean): FolderAnswer {
    const writable = !readOnly && !f.provisioned;
    return {
      id: null,
      uid: f.uid,
      title: f.title,
      url: folderUrl(f.uid, f.title),
      hasAcl: false,
      canSave: writable,
      canEdit: writable,
      canAdmin: false,
      canDelete: writable,
      provisioned: f.provisioned,
      created: f.created,
      updated: f.updated,
      version: f.version,
    };
  }
}
