// One contract, two stores of datasources added from the UI: DATA_DIR/datasources.json
// (FileDatasources) and PostgreSQL (PgDatasources). A known URL comes back instead of a second
// entry, the cap holds, a provisioning file's deleteDatasources takes one out; and on
// PostgreSQL, across replicas: racing adds stop at the cap, and what one replica's registry
// adds or removes is what the other's answers next (the proxy's lookup included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../main.node.ts';
import { fileKind, pgKind, type Replica } from '../test-stores.ts';
import type { AddedDatasources } from './added.ts';
import { FileDatasources } from './added.ts';
import { PgDatasources } from './added-pg.ts';
import { DatasourceRegistry } from './registry.ts';

const ds = (n: number) => ({
  uid: `prom-${n}`,
  name: `P${n}`,
  url: `http://127.0.0.1:${9000 + n}`,
});

for (const kind of [fileKind(), pgKind()]) {
  let dir = '';
  const storeOn = (replica: Replica | null): AddedDatasources =>
    replica ? new PgDatasources(replica.sql, replica.feed) : new FileDatasources(nodeFiles, dir);
  const fresh = async () => {
    const made = await kind.fresh();
    dir = made.dir;
    return storeOn(made.replica);
  };

  describe(`added datasources: ${kind.name}`, () => {
    beforeAll(() => kind.setUp(), 120_000);
    afterAll(() => kind.tearDown(), 60_000);

    it('adds, finds a known URL, keeps the cap, removes, and forgets deleted names', async () => {
      const s = await fresh();
      expect(await s.load([])).toEqual({ items: [] });
      expect(await s.add(ds(1), 2)).toEqual(ds(1));
      // The same URL under another name: the stored one comes back, nothing is added.
      expect(await s.add({ ...ds(1), name: 'again' }, 2)).toEqual(ds(1));
      expect(await s.add(ds(2), 2)).toEqual(ds(2));
      expect(await s.add(ds(3), 2)).toBe('full');
      expect((await s.load([])).items).toEqual([ds(1), ds(2)]);
      expect(await s.remove('prom-1')).toBe(true);
      expect(await s.remove('prom-1')).toBe(false);
      expect((await s.load([])).items).toEqual([ds(2)]);
      expect((await s.load(['P2'])).items).toEqual([]);
    });

    it('racing adds on one or two replicas stop at the cap', async () => {
      const a = await fresh();
      const twin = await kind.twin();
      const b = twin ? storeOn(twin) : a;
      // The file store is one process's, its registry serialises adds: so does this, there.
      const results = twin
        ? await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? b : a).add(ds(i), 3)))
        : await Array.from({ length: 8 }, (_, i) => i).reduce<Promise<unknown[]>>(
            async (acc, i) => [...(await acc), await a.add(ds(i), 3)],
            Promise.resolve([]),
          );
      expect(results.filter((r) => r !== 'full')).toHaveLength(3);
      expect((await b.load([])).items).toHaveLength(3);
    });

    it("a registry sees another replica's add and remove on its next request", async () => {
      const made = await kind.fresh();
      dir = made.dir;
      const twin = await kind.twin();
      const registry = (store: AddedDatasources) => new DatasourceRegistry([], store, 15);
      const a = registry(storeOn(made.replica));
      const b = twin ? registry(storeOn(twin)) : a;
      await a.load();
      if (b !== a) await b.load();
      const added = await a.add('http://127.0.0.1:9101', 'New');
      expect((await b.lookup(added.uid))?.name).toBe('New'); // the proxy's lookup
      await b.current();
      expect(b.list().map((d) => d.uid)).toEqual([added.uid]);
      await a.remove(added.uid);
      await b.current();
      expect(b.list()).toEqual([]);
    });
  });
}
