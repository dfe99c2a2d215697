// Folders created from the UI or the API: DATA_DIR/folders.json, written whole and atomically
// (temp file, fsync, rename) after each change, changes one at a time. Provisioned folders
// (from dashboard providers) are not stored: they come from the files on every start.
// A folder is Grafana's: a uid (A-Z, a-z, 0-9, "_", "-"; up to 40), a title, a version.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { PlainError } from '../storage.ts';
import { UID_PATTERN } from './validate.ts';

export interface StoredFolder {
  uid: string;
  title: string;
  version: number;
  created: string; // ISO 8601
  updated: string; // ISO 8601
}

/** The most folders DATA_DIR may hold: far more than a team keeps, a bound on the file. */
export const MAX_FOLDERS = 1000;
const MAX_TITLE = 190; // characters, Grafana's limit on a folder title

/** A refusal in the client's words: 400, 404, 409 or 412. */
export class FolderError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 412,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** A title as stored: trimmed; refused when empty, too long, or holding control characters. */
export function checkTitle(title: unknown): string {
  if (typeof title !== 'string' || !title.trim()) {
    throw new FolderError(400, 'bad_data', 'folder title cannot be empty');
  }
  const t = title.trim();
  if (t.length > MAX_TITLE) {
    throw new FolderError(400, 'bad_data', `folder title is over ${MAX_TITLE} characters`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(t)) {
    throw new FolderError(400, 'bad_data', 'folder title must not hold control characters');
  }
  return t;
}

export function checkFolderUid(uid: unknown): string {
  if (typeof uid !== 'string' || !UID_PATTERN.test(uid)) {
    throw new FolderError(
      400,
      'bad_data',
      'folder uid must be 1–40 characters from A-Z, a-z, 0-9, "_" and "-"',
    );
  }
  return uid;
}

/** Whether a uid or a title is taken by a provisioned folder (they are not stored here). */
export type Taken = (uid: string, title: string) => boolean;

/**
 * Where folders created from the UI are kept: DATA_DIR/folders.json (FolderStore, below) or
 * PostgreSQL (PgFolders, folders-pg.ts). Both keep one contract (folders-contract.node.test.ts).
 */
export interface FolderStorage {
  /** What to name in a storage error: DATA_DIR's path, or `DATABASE_URL`. */
  readonly dataDir: string;
  list(): Promise<readonly StoredFolder[]>;
  get(uid: string): Promise<StoredFolder | undefined>;
  create(uid: string, title: string, taken: Taken): Promise<StoredFolder>;
  /** Renames; a stale `version` is 412 unless `overwrite`, as Grafana's PUT /api/folders/:uid. */
  rename(
    uid: string,
    title: string,
    version: number | undefined,
    overwrite: boolean,
    taken: Taken,
  ): Promise<StoredFolder>;
  /** Deletes; refused (400 not_empty) while `isEmpty` says dashboards are in it. */
  remove(uid: string, isEmpty: () => Promise<boolean>): Promise<StoredFolder>;
  /**
   * Puts a folder copied from another store (migrate-storage) as it is, version and times
   * included, in place of the one with its uid; the caller has checked its title is free.
   */
  put(folder: StoredFolder): Promise<void>;
}

export const tooMany = (max: number) =>
  new FolderError(
    400,
    'too_many',
    `this server already has ${max} folders, the most it keeps; delete one first`,
  );
export const uidExists = (uid: string) =>
  new FolderError(409, 'exists', `a folder with uid "${uid}" already exists`);
export const titleExists = (title: string) =>
  new FolderError(409, 'exists', `a folder named "${title}" already exists`);
export const noFolder = (uid: string) =>
  new FolderError(404, 'not_found', `no folder with uid "${uid}"`);
export const staleFolder = () =>
  new FolderError(412, 'version-mismatch', 'the folder has been changed by someone else');
export const notEmpty = (title: string) =>
  new FolderError(
    400,
    'not_empty',
    `folder "${title}" still holds dashboards; move or delete them first`,
  );

export class FolderStore implements FolderStorage {
  private readonly file: string;
  private items: StoredFolder[] = [];
  private loadError: string | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly files: FileSystem,
    readonly dataDir: string,
    private readonly max = MAX_FOLDERS,
  ) {
    this.file = joinPath(dataDir, 'folders.json');
  }

  /** Reads folders.json; a broken one is left untouched and changes refused until it is fixed. */
  async load(): Promise<void> {
    const bytes = await this.files.readFile(this.file);
    if (!bytes) return;
    try {
      const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { folders?: unknown };
      if (!Array.isArray(parsed.folders)) throw new TypeError('no folders list');
      this.items = parsed.folders.filter(
        (f): f is StoredFolder =>
          typeof f?.uid === 'string' && UID_PATTERN.test(f.uid) && typeof f.title === 'string',
      );
    } catch (err) {
      const why = err instanceof SyntaxError ? 'not valid JSON' : 'not a list of folders';
      this.loadError = `folders.json in DATA_DIR is unreadable (${why}); fix or remove it`;
    }
  }

  /** Why folders.json could not be read at load, or null: changes are refused until fixed. */
  get error(): string | null {
    return this.loadError;
  }

  async list(): Promise<readonly StoredFolder[]> {
    return this.items;
  }

  async get(uid: string): Promise<StoredFolder | undefined> {
    return this.find(uid);
  }

  private find(uid: string): StoredFolder | undefined {
    return this.items.find((f) => f.uid === uid);
  }

  /** Runs one change after the others; `taken` says whether a uid or title is already used elsewhere. */
  private change<T>(fn: () => { next: StoredFolder[]; result: T }): Promise<T> {
    const run = this.writing.then(async () => {
      if (this.loadError) throw new PlainError(this.loadError);
      const { next, result } = fn();
      await this.files.writeFileAtomic(
        this.file,
        `${JSON.stringify({ folders: next }, null, 2)}\n`,
      );
      this.items = next;
      return result;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  create(uid: string, title: string, taken: Taken) {
    return this.change(() => {
      if (this.items.length >= this.max) throw tooMany(this.max);
      if (this.find(uid) || taken(uid, '')) throw uidExists(uid);
      if (
        this.items.some((f) => f.title.toLowerCase() === title.toLowerCase()) ||
        taken('', title)
      ) {
        throw titleExists(title);
      }
      const now = new Date().toISOString();
      const folder: StoredFolder = { uid, title, version: 1, created: now, updated: now };
      return { next: [...this.items, folder], result: folder };
    });
  }

  rename(
    uid: string,
    title: string,
    version: number | undefined,
    overwrite: boolean,
    taken: Taken,
  ) {
    return this.change(() => {
      const current = this.find(uid);
      if (!current) throw noFolder(uid);
      if (!overwrite && version !== undefined && version !== current.version) throw staleFolder();
      const clash = this.items.some(
        (f) => f.uid !== uid && f.title.toLowerCase() === title.toLowerCase(),
      );
      if (clash || taken('', title)) throw titleExists(title);
      const folder = {
        ...current,
        title,
        version: current.version + 1,
        updated: new Date().toISOString(),
      };
      return { next: this.items.map((f) => (f.uid === uid ? folder : f)), result: folder };
    });
  }

  put(folder: StoredFolder): Promise<void> {
    return this.change(() => {
      const copy = { ...folder };
      const next = this.find(folder.uid)
        ? this.items.map((f) => (f.uid === folder.uid ? copy : f))
        : [...this.items, copy];
      return { next, result: undefined };
    });
  }

  /** Deletes; `isEmpty` is asked inside the queue, so a save racing it is seen. */
  remove(uid: string, isEmpty: () => Promise<boolean>) {
    const run = this.writing.then(async () => {
      const current = this.find(uid);
      if (!current) throw noFolder(uid);
      if (!(await isEmpty())) throw notEmpty(current.title);
      return current;
    });
    return run.then((folder) =>
      this.change(() => ({ next: this.items.filter((f) => f.uid !== uid), result: folder })),
    );
  }
}
