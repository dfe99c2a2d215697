// The PostgreSQL connection of DATABASE_URL and its schema. Migrations are numbered SQL, run
// at start-up in order, each recorded in schema_migrations; the whole run holds an advisory
// lock, so two replicas starting together apply each migration once (the second waits, then
// finds them recorded). The `postgres` client (porsager) is pure JS: the same import runs on
// Node and on Deno (npm package from node_modules, deno.json nodeModulesDir).
import postgres from 'postgres';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;

/** Any number, the same in every replica: the key of the migration lock. */
const MIGRATION_LOCK = 7_170_017;

/** Append only: a migration, once released, is never edited (replicas compare by number). */
export const MIGRATIONS: readonly { id: number; sql: string }[] = [
  {
    id: 1,
    sql: `
      CREATE TABLE dashboards (
        uid text PRIMARY KEY,
        version integer NOT NULL,
        folder_uid text NOT NULL DEFAULT '',
        body text NOT NULL,
        created timestamptz NOT NULL,
        updated timestamptz NOT NULL
      );
      CREATE INDEX dashboards_folder ON dashboards (folder_uid);
      CREATE TABLE dashboard_versions (
        uid text NOT NULL REFERENCES dashboards (uid) ON DELETE CASCADE,
        version integer NOT NULL,
        created timestamptz NOT NULL,
        message text NOT NULL DEFAULT '',
        record text NOT NULL,
        PRIMARY KEY (uid, version)
      );`,
  },
  {
    id: 2,
    sql: `
      CREATE TABLE folders (
        uid text PRIMARY KEY,
        title text NOT NULL,
        version integer NOT NULL,
        created timestamptz NOT NULL,
        updated timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX folders_title ON folders (lower(title));
      CREATE TABLE datasources (
        uid text PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL UNIQUE,
        added timestamptz NOT NULL DEFAULT now()
      );`,
  },
];

/**
 * Connects; `max` connections in the pool, each given up after `connectTimeoutS` without an
 * answer. Nothing is sent until the first query.
 */
export function connect(url: string, max = 10, connectTimeoutS = 30): Sql {
  // onnotice: PostgreSQL's NOTICEs ("relation exists, skipping") are not the operator's concern.
  return postgres(url, {
    max,
    connect_timeout: connectTimeoutS,
    onnotice: () => undefined,
    connection: { application_name: 'promscope' },
  });
}

/** Applies the migrations not yet recorded; the ids applied by this call. */
export async function migrate(sql: Sql): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())`;
    const done = new Set(
      (await tx<{ id: number }[]>`SELECT id FROM schema_migrations`).map((r) => r.id),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.unsafe(m.sql);
      await tx`INSERT INTO schema_migrations (id) VALUES (${m.id})`;
      applied.push(m.id);
    }
    return applied;
  });
}
