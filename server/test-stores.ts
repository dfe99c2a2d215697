// Test helper for the storage contract tests (folders, added datasources): one kind per
// implementation, files on a real temp folder or PostgreSQL on a throwaway server
// (test-postgres.ts), a database per test and, for PostgreSQL, a second replica on the same
// database with its own pool and change feed. Node only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrate, type Sql } from './pg.ts';
import { PgChangeFeed } from './pg-changes.ts';
import { startPostgres, type TestPostgres } from './test-postgres.ts';

export interface Replica {
  sql: Sql;
  feed: PgChangeFeed;
}

export interface StorageKind {
  name: 'files' | 'postgres';
  setUp(): Promise<void>;
  /** A fresh, empty storage: a temp folder, or a new migrated database and its first replica. */
  fresh(): Promise<{ dir: string; replica: Replica | null }>;
  /** Another replica on the last fresh database (null for files: one process owns a folder). */
  twin(): Promise<Replica | null>;
  tearDown(): Promise<void>;
}

export function fileKind(): StorageKind {
  let root = '';
  let n = 0;
  return {
    name: 'files',
    async setUp() {
      root = await mkdtemp(join(tmpdir(), 'promscope-contract-'));
    },
    async fresh() {
      return { dir: join(root, String(n++)), replica: null };
    },
    async twin() {
      return null;
    },
    async tearDown() {
      await rm(root, { recursive: true, force: true });
    },
  };
}

export function pgKind(): StorageKind {
  let server: TestPostgres | null = null;
  const pools: Sql[] = [];
  const feeds: PgChangeFeed[] = [];
  let db = 0;
  let current = '';
  const replica = async (url: string): Promise<Replica> => {
    const sql = connect(url, 20);
    pools.push(sql);
    await migrate(sql);
    const feed = new PgChangeFeed(url);
    feeds.push(feed);
    await feed.start();
    return { sql, feed };
  };
  return {
    name: 'postgres',
    async setUp() {
      server = await startPostgres();
    },
    async fresh() {
      const admin = connect(server!.url, 1);
      pools.push(admin);
      const name = `c${db++}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      current = server!.url.replace(/\/postgres$/, `/${name}`);
      return { dir: '', replica: await replica(current) };
    },
    twin: () => replica(current),
    async tearDown() {
      await Promise.all(feeds.map((f) => f.close()));
      await Promise.all(pools.map((p) => p.end({ timeout: 1 })));
      await server?.stop();
    },
  };
}
