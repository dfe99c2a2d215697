import { describe, expect, it } from 'vitest';
import { legendOptions, legendRows, nextSort, sortLegendRows } from './legend-calcs.ts';

describe('legendOptions', () => {
  it('reads Grafana’s legend options, sortBy by its shown name', () => {
    expect(
      legendOptions({
        displayMode: 'table',
        placement: 'right',
        calcs: ['lastNotNull', 'mean', 'max', 'bogus', 'mean'],
        sortBy: 'Last *',
        sortDesc: true,
      }),
    ).toEqual({
      displayMode: 'table',
      placement: 'right',
      calcs: ['lastNotNull', 'mean', 'max'],
      sort: { by: 'lastNotNull', desc: true },
    });
  });

  it('defaults to a list at the bottom, and hides on showLegend false', () => {
    expect(legendOptions(undefined)).toEqual({
      displayMode: 'list',
      placement: 'bottom',
      calcs: [],
      sort: null,
    });
    expect(legendOptions({ showLegend: false, displayMode: 'table' }).displayMode).toBe('hidden');
    expect(legendOptions({ displayMode: 'hidden' }).displayMode).toBe('hidden');
  });

  it('reads legend.width (px, for a legend on the right); anything else is no width', () => {
    expect(legendOptions({ placement: 'right', width: 300 }).width).toBe(300);
    for (const width of [0, -5, '300', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(legendOptions({ placement: 'right', width }).width).toBeUndefined();
    }
  });

  it('ignores a sort by a column that is not shown', () => {
    expect(legendOptions({ calcs: ['mean'], sortBy: 'Max' }).sort).toBeNull();
    expect(legendOptions({ calcs: [], sortBy: 'Name' }).sort).toEqual({ by: 'name', desc: false });
  });
});

describe('legendRows and sortLegendRows', () => {
  const series = [
    { key: 'a', label: 'pod-10', color: '#111111' },
    { key: 'b', label: 'pod-2', color: '#222222' },
    { key: 'c', label: 'pod-3', color: '#333333' },
  ];
  const ys = [
    [1, 5, null],
    [7, null, 3],
    [null, null, null],
  ];
  const calcs = ['lastNotNull', 'mean', 'max'] as const;
  const rows = legendRows(series, ys, [...calcs]);

  it('reduces each series per calc', () => {
    expect(rows.map((r) => r.values)).toEqual([
      [5, 3, 5],
      [3, 5, 7],
      [null, null, null],
    ]);
  });

  it('sorts by a calc column, series without a value last both ways', () => {
    const by = (sort: Parameters<typeof sortLegendRows>[2]) =>
      sortLegendRows(rows, [...calcs], sort).map((r) => r.key);
    expect(by({ by: 'max', desc: true })).toEqual(['b', 'a', 'c']);
    expect(by({ by: 'max', desc: false })).toEqual(['a', 'b', 'c']);
    expect(by({ by: 'lastNotNull', desc: true })).toEqual(['a', 'b', 'c']);
    expect(by({ by: 'name', desc: false })).toEqual(['b', 'c', 'a']);
    expect(by(null)).toEqual(['a', 'b', 'c']);
  });

  it('a header click sorts a new column largest first and flips the same one', () => {
    expect(nextSort(null, 'mean')).toEqual({ by: 'mean', desc: true });
    expect(nextSort({ by: 'mean', desc: true }, 'mean')).toEqual({ by: 'mean', desc: false });
    expect(nextSort({ by: 'mean', desc: false }, 'name')).toEqual({ by: 'name', desc: false });
  });
});
