// Folders created from the UI in PostgreSQL (DATABASE_URL): the same contract as
// DATA_DIR/folders.json (FolderStorage, folders.ts), shared by every replica. Each change is one
// transaction under a transaction-scoped advisory lock on the folders, so the cap, the uid and
// the title checks see no other change in between, on any replica (the unique index on
// lower(title) stands behind the title check). A rename's 412 is the UPDATE's own
// `version = posted`; a delete's emptiness is checked in its DELETE statement, so a dashboard
// saved into the folder by another replica meanwhile keeps the folder. The list is cached
// while the change feed is up and dropped by NOTIFY promscope_folders (pg-changes.ts).
import type { Sql, TransactionSql } from '../pg.ts';
import type { ChangeFeed } from '../pg-changes.ts';
import { ReadCache } from '../read-cache.ts';
import type { FolderStorage, StoredFolder, Taken } from './folders.ts';
import {
  MAX_FOLDERS,
  noFolder,
  notEmpty,
  staleFolder,
  titleExists,
  tooMany,
  uidExists,
} from './folders.ts';

interface Row {
  uid: string;
  title: string;
  version: number;
  created: Date;
  updated: Date;
}

const LOCK = 'promscope:folders';

const folderOf = (r: Row): StoredFolder => ({
  uid: r.uid,
  title: r.title,
  version: r.version,
  created: new Date(r.created).toISOString(),
  updated: new Date(r.updated).toISOString(),
});

export class PgFolders implements FolderStorage {
  readonly dataDir = 'DATABASE_URL';
  private readonly cache: ReadCache<StoredFolder[]>;

  constructor(
    private readonly sql: Sql,
    feed: ChangeFeed | null = null,
    private readonly max = MAX_FOLDERS,
  ) {
    this.cache = new ReadCache(feed);
    const drop = () => this.cache.clear();
    feed?.subscribe('promscope_folders', { changed: drop, reset: drop });
  }

  list(): Promise<StoredFolder[]> {
    return this.cache.get('', async () => {
      const rows = await this.sql<Row[]>`
        SELECT uid, title, version, created, updated FROM folders ORDER BY created, uid`;
      return rows.map(folderOf);
    });
  }

  async get(uid: string): Promise<StoredFolder | undefined> {
    return (await this.list()).find((f) => f.uid === uid);
  }

  /** Runs `fn` in a transaction holding the folders lock, then announces the change. */
  private async change<T>(uid: string, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
    const result = await this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
      const out = await fn(tx);
      await tx`SELECT pg_notify('promscope_folders', ${uid})`;
      return out;
    });
    this.cache.clear(); // this replica at once; the others by the NOTIFY
    return result as T;
  }

  create(uid: string, title: string, taken: Taken): Promise<StoredFolder> {
    return this.change(uid, async (tx) => {
      const [count] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM folders`;
      if ((count?.n ?? 0) >= this.max) throw tooMany(this.max);
      const [byUid] = await tx`SELECT 1 FROM folders WHERE uid = ${uid}`;
      if (byUid || taken(uid, '')) throw uidExists(uid);
      const [byTitle] = await tx`SELECT 1 FROM folders WHERE lower(title) = lower(${title})`;
      if (byTitle || taken('', title)) throw titleExists(title);
      const [row] = await tx<Row[]>`
        INSERT INTO folders (uid, title, version, created, updated)
        VALUES (${uid}, ${title}, 1, now(), now())
        RETURNING uid, title, version, created, updated`;
      return folderOf(row!);
    });
  }

  rename(
    uid: string,
    title: string,
    version: number | undefined,
    overwrite: boolean,
    taken: Taken,
  ): Promise<StoredFolder> {
    return this.change(uid, async (tx) => {
      const [current] = await tx<Row[]>`SELECT version FROM folders WHERE uid = ${uid}`;
      if (!current) throw noFolder(uid);
      const [clash] = await tx`
        SELECT 1 FROM folders WHERE uid <> ${uid} AND lower(title) = lower(${title})`;
      if (clash || taken('', title)) throw titleExists(title);
      const expected = !overwrite && version !== undefined ? version : current.version;
      const [row] = await tx<Row[]>`
        UPDATE folders SET title = ${title}, version = version + 1, updated = now()
        WHERE uid = ${uid} AND version = ${expected}
        RETURNING uid, title, version, created, updated`;
      if (!row) throw staleFolder();
      return folderOf(row);
    });
  }

  /** Under the folders lock, as every change; the unique title index still stands behind it. */
  async put(folder: StoredFolder): Promise<void> {
    await this.change(folder.uid, async (tx) => {
      await tx`
        INSERT INTO folders (uid, title, version, created, updated)
        VALUES (${folder.uid}, ${folder.title}, ${folder.version}, ${new Date(folder.created)},
          ${new Date(folder.updated)})
        ON CONFLICT (uid) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version,
          created = EXCLUDED.created, updated = EXCLUDED.updated`;
    });
  }

  remove(uid: string, isEmpty: () => Promise<boolean>): Promise<StoredFolder> {
    return this.change(uid, async (tx) => {
      const [current] = await tx<Row[]>`
        SELECT uid, title, version, created, updated FROM folders WHERE uid = ${uid}`;
      if (!current) throw noFolder(uid);
      if (!(await isEmpty())) throw notEmpty(current.title);
      const gone = await tx`
        DELETE FROM folders WHERE uid = ${uid}
          AND NOT EXISTS (SELECT 1 FROM dashboards WHERE folder_uid = ${uid})
        RETURNING uid`;
      if (gone.length === 0) throw notEmpty(current.title);
      return folderOf(current);
    });
  }
}
