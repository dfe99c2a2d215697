// One contract, two folder stores: DATA_DIR/folders.json (FolderStore) and PostgreSQL
// (PgFolders). What the folder routes rely on holds for both: uid and title (case aside) are
// unique, the cap holds, a stale rename is 412, a folder holding dashboards is kept; and on
// PostgreSQL, across replicas: racing creates of one title give one folder, a rename on one is
// what the other lists next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../main.node.ts';
import { fileKind, pgKind } from '../test-stores.ts';
import type { FolderStorage } from './folders.ts';
import { FolderError, FolderStore } from './folders.ts';
import { PgFolders } from './folders-pg.ts';

const none = () => false;
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof FolderError ? e.status : 500),
  );

for (const kind of [fileKind(), pgKind()]) {
  const fresh = async (max?: number): Promise<FolderStorage> => {
    const { dir, replica } = await kind.fresh();
    if (replica) return new PgFolders(replica.sql, replica.feed, max);
    const store = new FolderStore(nodeFiles, dir, max);
    await store.load();
    return store;
  };

  describe(`folder store: ${kind.name}`, () => {
    beforeAll(() => kind.setUp(), 120_000);
    afterAll(() => kind.tearDown(), 60_000);

    it('creates, lists, renames with a version check and deletes', async () => {
      const s = await fresh();
      const ops = await s.create('ops', 'Ops', none);
      expect(ops).toMatchObject({ uid: 'ops', title: 'Ops', version: 1 });
      expect(ops.created).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      expect(await s.get('ops')).toEqual(ops);
      expect(await status(s.create('ops', 'Other', none))).toBe(409);
      expect(await status(s.create('x', 'OPS', none))).toBe(409); // titles: case aside
      expect(await status(s.create('y', 'Taken', (_u, t) => t === 'Taken'))).toBe(409);
      const renamed = await s.rename('ops', 'Operations', 1, false, none);
      expect(renamed).toMatchObject({ title: 'Operations', version: 2, created: ops.created });
      expect(await status(s.rename('ops', 'Again', 1, false, none))).toBe(412);
      expect(await s.rename('ops', 'Again', 1, true, none)).toMatchObject({ version: 3 });
      expect(await status(s.rename('nope', 'N', undefined, false, none))).toBe(404);
      await s.create('team', 'Team', none);
      expect(await status(s.rename('team', 'again', undefined, false, none))).toBe(409);
      expect((await s.list()).map((f) => f.uid)).toEqual(['ops', 'team']);
      expect(await status(s.remove('ops', async () => false))).toBe(400);
      expect(await s.remove('ops', async () => true)).toMatchObject({ title: 'Again' });
      expect(await status(s.remove('ops', async () => true))).toBe(404);
      expect((await s.list()).map((f) => f.uid)).toEqual(['team']);
    });

    it('keeps no more than its cap', async () => {
      const s = await fresh(2);
      await s.create('a', 'A', none);
      await s.create('b', 'B', none);
      await expect(s.create('c', 'C', none)).rejects.toThrow(/already has 2 folders/);
    });

    it('of 10 racing creates of one title, on one or two replicas, one wins', async () => {
      const a = await fresh();
      const twin = await kind.twin();
      const b = twin ? new PgFolders(twin.sql, twin.feed) : a;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => status((i % 2 ? b : a).create(`u${i}`, 'Same', none))),
      );
      expect(results.filter((s) => s === 200)).toHaveLength(1);
      expect(results.filter((s) => s === 409)).toHaveLength(9);
      // What one replica changed is what the other lists next (b had listed before).
      expect((await b.list()).map((f) => f.title)).toEqual(['Same']);
      const [only] = await a.list();
      await a.rename(only!.uid, 'Renamed', 1, false, none);
      expect((await b.list()).map((f) => [f.title, f.version])).toEqual([['Renamed', 2]]);
      expect((await b.get(only!.uid))?.title).toBe('Renamed');
    });
  });
}
