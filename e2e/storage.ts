// The storage of a Promscope a spec starts for itself: nothing to add on the file store (its
// DATA_DIR is the spec's own), and on the api-pg project a fresh database of its own in the
// PostgreSQL the global setup started, so that the server starts on an empty store as a fresh
// DATA_DIR would, and no other spec's dashboards show in its answers.
import type { TestInfo } from '@playwright/test';
import { connect } from '../server/pg.ts';
import { onPostgres } from './fixtures.ts';

let made = 0;

/** DATABASE_URL of a new, empty database on the api-pg project; {} elsewhere. */
export async function storageEnv(testInfo: TestInfo): Promise<Record<string, string>> {
  if (!onPostgres(testInfo)) return {};
  const url = process.env.E2E_POSTGRES_URL;
  if (!url) throw new Error('global setup did not start PostgreSQL');
  // Unique across the workers (one process each) and across calls in one.
  const name = `e2e_${process.pid}_${++made}`;
  const sql = connect(url, 1);
  try {
    // An identifier cannot be a bound parameter; the name is made of [a-z0-9_] only.
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { DATABASE_URL: own.href };
}

/**
 * On the api-pg project, the version of `uid` as the shared server's PostgreSQL holds it (null
 * when no row): proof that the project's saves land in the database, not in a DATA_DIR.
 */
export async function versionInPostgres(uid: string): Promise<number | null> {
  const url = process.env.E2E_POSTGRES_URL;
  if (!url) throw new Error('global setup did not start PostgreSQL');
  const sql = connect(url, 1);
  try {
    const rows = await sql<
      { version: number }[]
    >`SELECT version FROM dashboards WHERE uid = ${uid}`;
    return rows[0]?.version ?? null;
  } finally {
    await sql.end();
  }
}
