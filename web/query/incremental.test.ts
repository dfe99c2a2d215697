import { describe, expect, it } from 'vitest';
import type { RangeSeries } from '../api/types.ts';
import {
  compareMetrics,
  deltaRange,
  fetchSliding,
  LiveBases,
  mergeSlid,
  samplesBetween,
} from './incremental.ts';

const series = (
  metric: Record<string, string>,
  from: number,
  to: number,
  step: number,
  v = (t: number) => t,
): RangeSeries => {
  const values: [number, string][] = [];
  for (let t = from; t <= to; t += step) values.push([t, String(v(t))]);
  return { metric, values };
};

describe('deltaRange', () => {
  const prev = { start: 1000, end: 4600, step: 10 };
  it('asks from the last end minus the overlap, aligned to the step', () => {
    expect(deltaRange(prev, { start: 1010, end: 4610, step: 10 }, 600)).toEqual({
      start: 4000,
      end: 4610,
    });
    expect(deltaRange(prev, { start: 1010, end: 4610, step: 10 }, 605)).toEqual({
      start: 3990,
      end: 4610,
    });
  });
  it('clamps the overlap to the window', () => {
    expect(deltaRange(prev, { start: 1010, end: 4610, step: 10 }, 99_999)).toBeNull();
  });
  it('needs a full load for anything that is not a slide to now', () => {
    expect(deltaRange(prev, { start: 1000, end: 4600, step: 10 })).toBeNull(); // no movement
    expect(deltaRange(prev, { start: 1010, end: 4610, step: 20 })).toBeNull(); // new step
    expect(deltaRange(prev, { start: 990, end: 4590, step: 10 })).toBeNull(); // went back
    expect(deltaRange(prev, { start: 1000, end: 4700, step: 10 })).toBeNull(); // wider
    expect(deltaRange(prev, { start: 5000, end: 8600, step: 10 }, 600)).toBeNull(); // slid past
  });
});

describe('mergeSlid', () => {
  const grid = { start: 1010, end: 4610, step: 10 };
  it('equals a full answer on the new grid', () => {
    const a = { __name__: 'x', job: 'a' };
    const b = { __name__: 'x', job: 'b' };
    const prev = [series(a, 1000, 4600, 10), series(b, 1000, 4600, 10, (t) => t * 2)];
    const delta = [series(a, 4000, 4610, 10), series(b, 4000, 4610, 10, (t) => t * 2)];
    const full = [series(a, 1010, 4610, 10), series(b, 1010, 4610, 10, (t) => t * 2)];
    expect(mergeSlid(prev, delta, 4000, grid)).toEqual(full);
  });

  it('takes the overlap from the delta, so late values replace stale ones', () => {
    const a = { job: 'a' };
    const prev = [series(a, 1000, 4600, 10, () => 1)];
    const delta = [series(a, 4000, 4610, 10, () => 2)];
    const merged = mergeSlid(prev, delta, 4000, grid)[0]!.values!;
    expect(merged.find((v) => v[0] === 3990)?.[1]).toBe('1');
    expect(merged.find((v) => v[0] === 4000)?.[1]).toBe('2');
    expect(merged.find((v) => v[0] === 4600)?.[1]).toBe('2');
  });

  it('adds a series that appears, keeps one that vanished while it has samples, drops an empty one', () => {
    const old = { job: 'old' };
    const gone = { job: 'gone' };
    const born = { job: 'born' };
    const prev = [series(old, 1000, 4600, 10), series(gone, 1000, 1005, 10)];
    const delta = [series(old, 4000, 4610, 10), series(born, 4500, 4610, 10)];
    const merged = mergeSlid(prev, delta, 4000, grid);
    expect(merged.map((s) => s.metric.job)).toEqual(['born', 'old']);
    expect(merged[0]!.values![0]![0]).toBe(4500);
  });

  it('a series that stopped mid-window keeps its older samples', () => {
    const a = { job: 'a' };
    const prev = [series(a, 1000, 3000, 10)];
    const merged = mergeSlid(prev, [], 4000, grid);
    expect(merged[0]!.values!.length).toBe((3000 - 1010) / 10 + 1);
  });
});

describe('compareMetrics', () => {
  it('orders as Prometheus does', () => {
    const ms: Record<string, string>[] = [
      { a: '2' },
      { a: '1', b: 'x' },
      { a: '1' },
      { __name__: 'z' },
    ];
    expect([...ms].sort(compareMetrics)).toEqual([
      { __name__: 'z' },
      { a: '1' },
      { a: '1', b: 'x' },
      { a: '2' },
    ]);
  });
});

describe('fetchSliding', () => {
  const a = { job: 'a' };
  // Stands in for Prometheus: the value at t is t, on the asked grid.
  const asked: { start: number; end: number }[] = [];
  const fetchRange = async (g: { start: number; end: number; step: number }) => {
    asked.push({ start: g.start, end: g.end });
    return {
      data: { resultType: 'matrix' as const, result: [series(a, g.start, g.end, g.step)] },
      warnings: [],
      infos: [],
      totalMs: 0,
    };
  };

  it('loads the window, then only the newest stretch, and merges to what a full load gives', async () => {
    const bases = new LiveBases();
    const g1 = { start: 1000, end: 4600, step: 10 };
    const g2 = { start: 1010, end: 4610, step: 10 };
    const first = await fetchSliding(bases, 'k', g1, fetchRange, 600);
    expect(first.fetched).toEqual({ start: 1000, end: 4600 });
    const second = await fetchSliding(bases, 'k', g2, fetchRange, 600);
    expect(second.fetched).toEqual({ start: 4000, end: 4610 });
    expect(asked.at(-1)).toEqual({ start: 4000, end: 4610 });
    expect(second.data.result).toEqual([series(a, 1010, 4610, 10)]);
  });

  it('a new key (another query, step or refresh) loads in full', async () => {
    const bases = new LiveBases();
    await fetchSliding(bases, 'k', { start: 1000, end: 4600, step: 10 }, fetchRange, 600);
    const other = await fetchSliding(
      bases,
      'k2',
      { start: 1010, end: 4610, step: 10 },
      fetchRange,
      600,
    );
    expect(other.fetched).toEqual({ start: 1010, end: 4610 });
  });

  it('keeps at most `max` bases, dropping the oldest', () => {
    const bases = new LiveBases(2);
    const g = { start: 0, end: 10, step: 1 };
    bases.set('a', g, []);
    bases.set('b', g, []);
    bases.set('c', g, []);
    expect(bases.get('a')).toBeUndefined();
    expect(bases.get('c')).toBeDefined();
  });
});

describe('samplesBetween', () => {
  const values: [number, string][] = [
    [10, 'a'],
    [20, 'b'],
    [30, 'c'],
    [40, 'd'],
  ];
  it('cuts a time-sorted series by time, the end in or out', () => {
    expect(samplesBetween(values, 20, 40, false).map((v) => v[1])).toEqual(['b', 'c']);
    expect(samplesBetween(values, 20, 40, true).map((v) => v[1])).toEqual(['b', 'c', 'd']);
    expect(samplesBetween(values, 15, 35, true).map((v) => v[1])).toEqual(['b', 'c']);
    expect(samplesBetween(values, 50, 60, true)).toEqual([]);
    expect(samplesBetween(values, 0, 10, false)).toEqual([]);
  });
  it('copies: pushing to the cut leaves the series as it was', () => {
    samplesBetween(values, 0, 100, true).push([50, 'e']);
    expect(values).toHaveLength(4);
  });
});
