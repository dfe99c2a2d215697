// Where the datasources added from the UI are kept: DATA_DIR/datasources.json (FileDatasources,
// the default: the whole list written atomically after each change) or PostgreSQL
// (PgDatasources, added-pg.ts). Only uid, name and URL are kept: a datasource added from the
// UI has no credentials (those come from configuration or provisioning, and stay files).
// Both keep one contract (added-contract.node.test.ts); the registry (registry.ts) holds the
// list in memory for the proxy and asks the store only to change it or to read it again.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';

export interface StoredDatasource {
  uid: string;
  name: string;
  url: string;
}

export interface AddedDatasources {
  /** What to name in a storage error: DATA_DIR's path, or `DATABASE_URL`. */
  readonly dataDir: string;
  /**
   * The added datasources, oldest first, less those a provisioning file's deleteDatasources
   * names (removed from storage too); `error` says why the storage cannot be read, in words for
   * whoever adds one next (adds are refused until it is fixed).
   */
  load(deleted: readonly string[]): Promise<{ items: StoredDatasource[]; error?: string }>;
  /** Adds, unless the URL is known (the known one comes back) or `max` are there already. */
  add(ds: StoredDatasource, max: number): Promise<StoredDatasource | 'full'>;
  /** Removes by uid; whether there was one. */
  remove(uid: string): Promise<boolean>;
  /**
   * Puts a datasource copied from another store (migrate-storage) in place of the one with its
   * uid, or last; the caller has checked no other uid holds its URL. Call `load` first.
   */
  put(ds: StoredDatasource): Promise<void>;
  /** Called when another replica changed the list (never for the files: one process owns them). */
  onChange?(fn: () => void): void;
  /** Resolves once changes committed before the call have been announced (see pg-changes.ts). */
  fresh?(): Promise<void>;
}

interface StoredFile {
  datasources: StoredDatasource[];
}

export class FileDatasources implements AddedDatasources {
  private readonly file: string;
  private items: StoredDatasource[] = [];

  constructor(
    private readonly files: FileSystem,
    readonly dataDir: string,
  ) {
    this.file = joinPath(dataDir, 'datasources.json');
  }

  async load(deleted: readonly string[]) {
    const bytes = await this.files.readFile(this.file);
    if (!bytes) return { items: [] };
    try {
      const stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredFile;
      // A provisioning file's deleteDatasources: gone from the file at the next write.
      this.items = stored.datasources
        .filter((d) => !deleted.includes(d.name))
        .map(({ uid, name, url }) => ({ uid, name, url }));
      return { items: this.items };
    } catch (err) {
      // Said to whoever adds a datasource: the file's name, not its path; no OS message.
      const why = err instanceof SyntaxError ? 'not valid JSON' : 'not a list of datasources';
      return {
        items: [],
        error: `datasources.json in DATA_DIR is unreadable (${why}); fix or remove it`,
      };
    }
  }

  async add(ds: StoredDatasource, max: number) {
    const known = this.items.find((d) => d.url === ds.url);
    if (known) return known;
    if (this.items.length >= max) return 'full' as const;
    await this.write([...this.items, ds]);
    return ds;
  }

  async remove(uid: string) {
    if (!this.items.some((d) => d.uid === uid)) return false;
    await this.write(this.items.filter((d) => d.uid !== uid));
    return true;
  }

  async put(ds: StoredDatasource): Promise<void> {
    const copy = { uid: ds.uid, name: ds.name, url: ds.url };
    const known = this.items.some((d) => d.uid === ds.uid);
    await this.write(
      known ? this.items.map((d) => (d.uid === ds.uid ? copy : d)) : [...this.items, copy],
    );
  }

  private async write(next: StoredDatasource[]): Promise<void> {
    const body: StoredFile = {
      datasources: next.map(({ uid, name, url }) => ({ uid, name, url })),
    };
    await this.files.writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`);
    this.items = next;
  }
}
