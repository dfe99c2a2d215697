// One contract, two stores: the files of DATA_DIR (SavedDashboards on a real temp folder) and
// PostgreSQL (PgDashboards on a throwaway server, test-postgres.ts). What a route may rely on
// holds for both: versions count up, a stale version is refused, exactly one of N racing saves
// at one version wins, history is newest first and capped, delete takes the history with it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../main.node.ts';
import { connect, migrate, type Sql } from '../pg.ts';
import { PgChangeFeed } from '../pg-changes.ts';
import { startPostgres, type TestPostgres } from '../test-postgres.ts';
import type { DashboardStore } from './store.ts';
import { SavedDashboards } from './store.ts';
import { PgDashboards } from './store-pg.ts';
import { KEEP_VERSIONS } from './versions.ts';

interface Kind {
  name: string;
  setUp(): Promise<void>;
  fresh(): Promise<DashboardStore>;
  /** A second store on the same storage (another replica; for files, the same folder). */
  twin?(): Promise<DashboardStore>;
  tearDown(): Promise<void>;
}

const files = (): Kind => {
  let dir = '';
  let n = 0;
  return {
    name: 'files',
    async setUp() {
      dir = await mkdtemp(join(tmpdir(), 'promscope-store-'));
    },
    async fresh() {
      return new SavedDashboards(nodeFiles, join(dir, String(n++)));
    },
    async tearDown() {
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const pg = (): Kind => {
  let server: TestPostgres | null = null;
  const pools: Sql[] = [];
  const feeds: PgChangeFeed[] = [];
  let db = 0;
  let current = '';
  // Each replica caches, as in the server: the contract holds with the caches on.
  const feed = async (url: string) => {
    const f = new PgChangeFeed(url);
    feeds.push(f);
    await f.start();
    return f;
  };
  const pool = (url: string) => {
    const sql = connect(url, 30);
    pools.push(sql);
    return sql;
  };
  return {
    name: 'postgres',
    async setUp() {
      server = await startPostgres();
    },
    async fresh() {
      // A database per test: no state leaks from one to the next.
      const admin = pool(server!.url);
      const name = `t${db++}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      current = server!.url.replace(/\/postgres$/, `/${name}`);
      const sql = pool(current);
      await migrate(sql);
      return new PgDashboards(sql, await feed(current));
    },
    async twin() {
      const sql = pool(current);
      expect(await migrate(sql)).toEqual([]); // already applied by the first replica
      return new PgDashboards(sql, await feed(current));
    },
    async tearDown() {
      await Promise.all(feeds.map((f) => f.close()));
      await Promise.all(pools.map((p) => p.end({ timeout: 1 })));
      await server?.stop();
    },
  };
};

const board = (extra: Record<string, unknown> = {}) => ({
  uid: 'ops',
  title: 'Ops Board',
  panels: [{ id: 1, type: 'stat' }],
  ...extra,
});

for (const kind of [files(), pg()]) {
  describe(`dashboard store: ${kind.name}`, () => {
    beforeAll(() => kind.setUp(), 120_000);
    afterAll(() => kind.tearDown(), 60_000);

    it('saves version 1, then 2 on the version it read, keeping the JSON as posted', async () => {
      const s = await kind.fresh();
      const first = await s.save('ops', {
        overwrite: false,
        dashboard: board(),
        message: 'first',
      });
      expect(first).toEqual({
        ok: true,
        uid: 'ops',
        version: 1,
        title: 'Ops Board',
        slug: 'ops-board',
        folderUid: '',
      });
      const second = await s.save('ops', {
        overwrite: false,
        dashboard: board({ version: 1, title: 'Ops 2' }),
        message: 'second',
        folderUid: 'team',
      });
      expect(second).toMatchObject({ ok: true, version: 2, folderUid: 'team' });
      const got = await s.get('ops');
      expect(got?.dashboard).toEqual(board({ version: 2, title: 'Ops 2' }));
      expect(got).toMatchObject({ version: 2, folderUid: 'team', title: 'Ops 2' });
      expect(got?.created).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(Date.parse(got!.updated!)).toBeGreaterThanOrEqual(Date.parse(got!.created!));
      expect((await s.versions('ops')).map((v) => [v.version, v.message])).toEqual([
        [2, 'second'],
        [1, 'first'],
      ]);
      expect((await s.version('ops', 1))?.dashboard).toEqual(board({ version: 1 }));
      expect(await s.countIn('team')).toBe(1);
      expect((await s.list()).map((e) => [e.uid, e.title, e.folderUid])).toEqual([
        ['ops', 'Ops 2', 'team'],
      ]);
    });

    it('refuses a stale or guessed version and a new save over an existing uid', async () => {
      const s = await kind.fresh();
      await s.save('ops', {
        overwrite: false,
        dashboard: board(),
        message: '',
      });
      await s.save('ops', {
        overwrite: false,
        dashboard: board({ version: 1 }),
        message: '',
      });
      for (const version of [undefined, 1, 3]) {
        const res = await s.save('ops', {
          overwrite: false,
          dashboard: board({ version }),
          message: '',
        });
        expect(res).toEqual({ ok: false, reason: 'version-mismatch' });
      }
      const forced = await s.save('ops', {
        dashboard: board(),
        message: '',
        overwrite: true,
      });
      expect(forced).toMatchObject({ ok: true, version: 3 });
      expect((await s.versions('ops')).length).toBe(3);
    });

    it('of 20 racing saves at one version exactly one wins, on one or two replicas', async () => {
      const a = await kind.fresh();
      const b = (await kind.twin?.()) ?? a;
      await a.save('race', {
        overwrite: false,
        dashboard: board({ uid: 'race' }),
        message: '',
      });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? b : a).save('race', {
            overwrite: false,
            dashboard: board({ uid: 'race', version: 1, title: `t${i}` }),
            message: `racer ${i}`,
          }),
        ),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toHaveLength(19);
      const versions = await b.versions('race');
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      expect((await a.get('race'))?.title).toBe(won[0]!.ok ? won[0]!.title : '');
    });

    it('a save on one replica is what the other sees next: open, search, versions', async () => {
      const a = await kind.fresh();
      const b = (await kind.twin?.()) ?? a;
      await a.save('seen', {
        overwrite: false,
        dashboard: board({ uid: 'seen' }),
        message: 'one',
      });
      await b.get('seen'); // b has read it once: a cache would now hold version 1
      await a.save('seen', {
        overwrite: false,
        dashboard: board({ uid: 'seen', version: 1, title: 'New' }),
        message: 'two',
      });
      expect((await b.get('seen'))?.title).toBe('New');
      expect((await b.list()).map((e) => e.title)).toEqual(['New']);
      expect((await b.versions('seen')).map((v) => v.message)).toEqual(['two', 'one']);
    });

    it(`keeps the newest ${KEEP_VERSIONS} versions and restores one as a new version`, async () => {
      const s = await kind.fresh();
      for (let v = 0; v < KEEP_VERSIONS + 3; v++) {
        const res = await s.save('ops', {
          overwrite: false,
          dashboard: board({ version: v, n: v }),
          message: `m${v}`,
        });
        expect(res.ok).toBe(true);
      }
      const versions = (await s.versions('ops')).map((v) => v.version);
      expect(versions).toHaveLength(KEEP_VERSIONS);
      expect(versions[0]).toBe(KEEP_VERSIONS + 3);
      expect(versions.at(-1)).toBe(4);
      expect(await s.version('ops', 3)).toBeNull();
      const restored = await s.restore('ops', 5);
      expect(restored).toMatchObject({ ok: true, version: KEEP_VERSIONS + 4 });
      expect((await s.get('ops'))?.dashboard).toMatchObject({ n: 4, version: KEEP_VERSIONS + 4 });
      expect((await s.versions('ops'))[0]?.message).toBe('Restored from version 5');
      expect(await s.restore('ops', 1)).toBeNull();
    });

    it('deletes a dashboard with its history; a new one under the uid starts at 1', async () => {
      const s = await kind.fresh();
      await s.save('ops', {
        overwrite: false,
        dashboard: board(),
        message: '',
      });
      await s.save('ops', {
        overwrite: false,
        dashboard: board({ version: 1 }),
        message: '',
      });
      expect(await s.delete('ops')).toBe('Ops Board');
      expect(await s.delete('ops')).toBeNull();
      expect(await s.exists('ops')).toBe(false);
      expect(await s.get('ops')).toBeUndefined();
      expect(await s.versions('ops')).toEqual([]);
      expect(
        await s.save('ops', {
          overwrite: false,
          dashboard: board({ version: 2 }),
          message: '',
        }),
      ).toMatchObject({
        ok: true,
        version: 1,
      });
      expect((await s.versions('ops')).map((v) => v.version)).toEqual([1]);
    });
  });
}
