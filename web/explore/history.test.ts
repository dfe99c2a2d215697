import { describe, expect, it } from 'vitest';
import { type KeyValueStore, QueryHistory } from './history.ts';

const KEY = 'promscope.history';

// A Map-backed store that can be told to fail like a full or blocked localStorage.
class FakeStore implements KeyValueStore {
  data = new Map<string, string>();
  failWrites = false;
  failReads = false;
  writes = 0;

  getItem(k: string): string | null {
    if (this.failReads) throw new DOMException('denied', 'SecurityError');
    return this.data.get(k) ?? null;
  }

  setItem(k: string, v: string): void {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.data.set(k, v);
  }
}

const exprs = (h: QueryHistory) => h.list().map((e) => e.expr);

describe('QueryHistory', () => {
  it('lists newest first and persists as JSON under its key', () => {
    const store = new FakeStore();
    const h = new QueryHistory(store);
    h.add('up', 1000);
    h.add('rate(x[5m])', 2000);
    expect(h.list()).toEqual([
      { expr: 'rate(x[5m])', at: 2000 },
      { expr: 'up', at: 1000 },
    ]);
    expect(JSON.parse(store.data.get(KEY)!)).toEqual(h.list());
    expect(exprs(new QueryHistory(store))).toEqual(['rate(x[5m])', 'up']);
  });

  it.each([
    ['storage', () => new FakeStore()],
    ['memory', () => null],
  ])('moves a re-run expression to the top, comparing trimmed text (%s)', (_, store) => {
    const h = new QueryHistory(store());
    h.add('a', 1);
    h.add('b', 2);
    h.add('  a\n', 3);
    expect(h.list()).toEqual([
      { expr: 'a', at: 3 },
      { expr: 'b', at: 2 },
    ]);
  });

  it('ignores empty and whitespace-only expressions', () => {
    const store = new FakeStore();
    const h = new QueryHistory(store);
    h.add('', 1);
    h.add(' \n\t ', 2);
    expect(h.list()).toEqual([]);
    expect(store.writes).toBe(0);
  });

  it('keeps only the newest `limit` entries', () => {
    const h = new QueryHistory(new FakeStore());
    for (let i = 0; i < 60; i++) h.add(`q${i}`, i);
    expect(h.list()).toHaveLength(50);
    expect(exprs(h)[0]).toBe('q59');
    expect(exprs(h).at(-1)).toBe('q10');
    const small = new QueryHistory(new FakeStore(), 'k', 2);
    for (const e of ['a', 'b', 'c']) small.add(e, 0);
    expect(exprs(small)).toEqual(['c', 'b']);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an object', '{"expr":"up","at":1}'],
    ['a string', '"up"'],
    ['null', 'null'],
    ['strings', '["up","down"]'],
  ])('treats %s in storage as empty', (_, stored) => {
    const store = new FakeStore();
    store.data.set(KEY, stored);
    const h = new QueryHistory(store);
    expect(h.list()).toEqual([]);
    h.add('up', 5);
    expect(h.list()).toEqual([{ expr: 'up', at: 5 }]);
  });

  it('keeps only the well-formed entries of a partly foreign array', () => {
    const store = new FakeStore();
    store.data.set(
      KEY,
      JSON.stringify([
        { expr: 'a', at: 3 },
        { expr: 'b' },
        { expr: 42, at: 2 },
        null,
        { expr: ' a ', at: 1 },
        { expr: '  ', at: 1 },
        { expr: 'c', at: 'yesterday' },
        { expr: 'd', at: 0 },
      ]),
    );
    expect(new QueryHistory(store).list()).toEqual([
      { expr: 'a', at: 3 },
      { expr: 'd', at: 0 },
    ]);
  });

  it('keeps working in memory when the store refuses writes', () => {
    const store = new FakeStore();
    store.data.set(KEY, JSON.stringify([{ expr: 'old', at: 1 }]));
    store.failWrites = true;
    const h = new QueryHistory(store);
    expect(() => h.add('new', 2)).not.toThrow();
    h.add('newer', 3);
    expect(exprs(h)).toEqual(['newer', 'new', 'old']);
    expect(() => h.clear()).not.toThrow();
    expect(h.list()).toEqual([]);
  });

  it('works in memory when storage is blocked or absent', () => {
    const store = new FakeStore();
    store.failReads = true;
    const blocked = new QueryHistory(store);
    blocked.add('up', 1);
    expect(exprs(blocked)).toEqual(['up']);
    const none = new QueryHistory(null);
    none.add('up', 1);
    none.add('down', 2);
    expect(exprs(none)).toEqual(['down', 'up']);
  });

  it('sees queries another tab added to the same storage', () => {
    const store = new FakeStore();
    const tab1 = new QueryHistory(store);
    const tab2 = new QueryHistory(store);
    tab1.add('a', 1);
    tab2.add('b', 2);
    expect(exprs(tab1)).toEqual(['b', 'a']);
  });

  it('clears memory and storage', () => {
    const store = new FakeStore();
    const h = new QueryHistory(store);
    h.add('up', 1);
    h.clear();
    expect(h.list()).toEqual([]);
    expect(new QueryHistory(store).list()).toEqual([]);
  });

  it('returns copies that cannot change the history', () => {
    const h = new QueryHistory(null);
    h.add('up', 1);
    h.list()[0]!.expr = 'changed';
    h.list().pop();
    expect(h.list()).toEqual([{ expr: 'up', at: 1 }]);
  });
});

describe('QueryHistory.search', () => {
  const h = new QueryHistory(null);
  h.add('rate(http_requests_total{job="api"}[5m])', 1);
  h.add('sum by (job) (up)', 2);
  h.add('HTTP_Errors / http_requests_total', 3);

  it('needs every word, in any order, ignoring case', () => {
    expect(h.search('HTTP total').map((e) => e.at)).toEqual([3, 1]);
    expect(h.search('  total   rate ').map((e) => e.at)).toEqual([1]);
    expect(h.search('job api').map((e) => e.at)).toEqual([1]);
    expect(h.search('up nothing')).toEqual([]);
  });

  it('lists everything for an empty search', () => {
    expect(h.search('   ').map((e) => e.at)).toEqual([3, 2, 1]);
  });
});
