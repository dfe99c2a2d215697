// Datasources added from the UI in PostgreSQL (DATABASE_URL), shared by every replica: the
// same contract as DATA_DIR/datasources.json (AddedDatasources, added.ts). An add is one
// transaction under an advisory lock, so the MAX_DATASOURCES cap and the "known URL" check see
// no other add in between on any replica (the unique URL column stands behind it). Each change
// sends NOTIFY promscope_datasources; every replica's registry reads the list again
// (pg-changes.ts), and `fresh` lets a request wait for changes committed before it came.
import type { Sql } from '../pg.ts';
import type { ChangeFeed } from '../pg-changes.ts';
import type { AddedDatasources, StoredDatasource } from './added.ts';

const LOCK = 'promscope:datasources';

export class PgDatasources implements AddedDatasources {
  readonly dataDir = 'DATABASE_URL';

  constructor(
    private readonly sql: Sql,
    private readonly feed: ChangeFeed | null = null,
  ) {}

  async load(deleted: readonly string[]) {
    if (deleted.length) {
      const gone = await this.sql`
        DELETE FROM datasources WHERE name = ANY(${deleted as string[]}) RETURNING uid`;
      if (gone.length) await this.sql`SELECT pg_notify('promscope_datasources', '')`;
    }
    const items = await this.sql<StoredDatasource[]>`
      SELECT uid, name, url FROM datasources ORDER BY added, uid`;
    return { items: items.map(({ uid, name, url }) => ({ uid, name, url })) };
  }

  add(ds: StoredDatasource, max: number): Promise<StoredDatasource | 'full'> {
    return this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
      const [known] = await tx<StoredDatasource[]>`
        SELECT uid, name, url FROM datasources WHERE url = ${ds.url}`;
      if (known) return { uid: known.uid, name: known.name, url: known.url };
      const [count] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM datasources`;
      if ((count?.n ?? 0) >= max) return 'full' as const;
      await tx`INSERT INTO datasources (uid, name, url) VALUES (${ds.uid}, ${ds.name}, ${ds.url})`;
      await tx`SELECT pg_notify('promscope_datasources', ${ds.uid})`;
      return ds;
    });
  }

  remove(uid: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const gone = await tx`DELETE FROM datasources WHERE uid = ${uid} RETURNING uid`;
      if (gone.length) await tx`SELECT pg_notify('promscope_datasources', ${uid})`;
      return gone.length > 0;
    });
  }

  /** Dated now (clock_timestamp: one after another), so the list keeps the order of the puts. */
  async put(ds: StoredDatasource): Promise<void> {
    await this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
      await tx`
        INSERT INTO datasources (uid, name, url, added) VALUES (${ds.uid}, ${ds.name}, ${ds.url},
          clock_timestamp())
        ON CONFLICT (uid) DO UPDATE SET name = EXCLUDED.name, url = EXCLUDED.url`;
      await tx`SELECT pg_notify('promscope_datasources', ${ds.uid})`;
    });
  }

  onChange(fn: () => void): void {
    this.feed?.subscribe('promscope_datasources', { changed: fn, reset: fn });
  }

  async fresh(): Promise<void> {
    await this.feed?.fence();
  }
}
