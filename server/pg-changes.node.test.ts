// The change feed against a real PostgreSQL (test-postgres.ts): a replica's cache is really
// used (a change made behind its back is not seen), a NOTIFY drops it, and a LISTEN
// connection that drops — the case where notifications are missed — clears every cache, so
// what was changed meanwhile is read, never the old copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDashboards } from './dashboards/store-pg.ts';
import { connect, migrate, type Sql } from './pg.ts';
import { PgChangeFeed } from './pg-changes.ts';
import { startPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let sql: Sql;
let feed: PgChangeFeed;
let store: PgDashboards;

/** Waits for a state (not a time): the test's own timeout bounds it. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

/** Changes a dashboard's title as another writer would, without telling anyone. */
async function behindItsBack(uid: string, title: string) {
  const body = JSON.stringify({ uid, title, version: 1 }, null, 2);
  await sql`UPDATE dashboards SET body = ${body} WHERE uid = ${uid}`;
}

beforeAll(async () => {
  server = await startPostgres();
  sql = connect(server.url, 4);
  await migrate(sql);
  feed = new PgChangeFeed(server.url);
  await feed.start();
  store = new PgDashboards(sql, feed);
}, 120_000);

afterAll(async () => {
  await feed?.close();
  await sql?.end({ timeout: 1 });
  await server?.stop();
}, 60_000);

describe('PostgreSQL change feed and caches', () => {
  it('serves search and open from its cache until a NOTIFY names the uid', async () => {
    await store.save('c1', { overwrite: false, dashboard: { title: 'One' }, message: '' });
    await feed.fence(); // the save's own NOTIFY is in: it would drop what is read next
    expect((await store.get('c1'))?.title).toBe('One');
    expect((await store.list()).map((e) => e.title)).toEqual(['One']);
    await behindItsBack('c1', 'Hidden');
    expect((await store.get('c1'))?.title).toBe('One'); // the cache, not the database
    expect((await store.list()).map((e) => e.title)).toEqual(['One']);
    expect(store.byUid.hits).toBeGreaterThan(0);
    // Another replica's NOTIFY: the very next read sees it (the fence), no waiting.
    await sql`SELECT pg_notify('promscope_dashboards', 'c1')`;
    expect((await store.get('c1'))?.title).toBe('Hidden');
    expect((await store.list()).map((e) => e.title)).toEqual(['Hidden']);
  });

  it('clears its caches when the LISTEN connection drops, and reads through until it is back', async () => {
    await store.save('c2', { overwrite: false, dashboard: { title: 'Before' }, message: '' });
    await feed.fence();
    expect((await store.get('c2'))?.title).toBe('Before');
    // A change whose NOTIFY this replica will never hear: it happens while the feed is down.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'promscope-listen'`;
    await until(() => !feed.live);
    await behindItsBack('c2', 'Missed');
    expect((await store.get('c2'))?.title).toBe('Missed'); // read through: no cache while down
    await until(() => feed.live);
    expect(feed.connects).toBe(2);
    await behindItsBack('c2', 'Missed again');
    expect((await store.get('c2'))?.title).toBe('Missed again'); // nothing stale kept
    // And the cache works again once the feed is back.
    await behindItsBack('c2', 'Unseen');
    expect((await store.get('c2'))?.title).toBe('Missed again');
  });
});
