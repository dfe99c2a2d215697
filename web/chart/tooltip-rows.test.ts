import { describe, expect, it } from 'vitest';
import { nearestRow, tooltipModeOf, tooltipRows, tooltipSortOf } from './tooltip-rows.ts';

const s = (label: string, show = true) => ({ label, color: '#fff', show });

describe('tooltipRows', () => {
  it('sorts by value, largest first, keeping uPlot series indexes', () => {
    const { rows } = tooltipRows([1, 5, 3], [s('a'), s('b'), s('c')]);
    expect(rows.map((r) => [r.label, r.value, r.index])).toEqual([
      ['b', 5, 2],
      ['c', 3, 3],
      ['a', 1, 1],
    ]);
  });

  it('skips hidden series, gaps and non-finite values', () => {
    const { rows } = tooltipRows([1, null, 7, Number.NaN], [s('a'), s('b'), s('c', false), s('d')]);
    expect(rows.map((r) => r.label)).toEqual(['a']);
  });

  it('limits the rows and counts the rest', () => {
    const values = Array.from({ length: 30 }, (_, i) => i);
    const series = values.map((i) => s(`s${i}`));
    const { rows, more } = tooltipRows(values, series, 20);
    expect(rows).toHaveLength(20);
    expect(rows[0]!.value).toBe(29);
    expect(more).toBe(10);
  });

  // Grafana's options.tooltip.sort (SortOrder): none keeps the series' order.
  it('follows the panel sort: none in series order, asc smallest first, desc largest first', () => {
    const order = (sort: 'none' | 'asc' | 'desc') =>
      tooltipRows([3, 5, 1, 5], [s('a'), s('b'), s('c'), s('d')], 20, sort).rows.map(
        (r) => r.label,
      );
    expect(order('none')).toEqual(['a', 'b', 'c', 'd']);
    expect(order('asc')).toEqual(['c', 'a', 'b', 'd']);
    expect(order('desc')).toEqual(['b', 'd', 'a', 'c']);
  });

  it('reads options.tooltip.sort, descending when unset or unknown', () => {
    expect(['none', 'asc', 'desc', undefined, 'sideways', 2].map(tooltipSortOf)).toEqual([
      'none',
      'asc',
      'desc',
      'desc',
      'desc',
      'desc',
    ]);
  });

  // Grafana's options.tooltip.mode single: the series under the cursor only.
  it('single mode keeps the row drawn nearest the cursor, the first of equals', () => {
    const { rows } = tooltipRows([1, 3, 2], [s('a'), s('b'), s('c')], 20, 'none');
    expect(nearestRow(rows, [90, 10, 50], 45).map((r) => r.label)).toEqual(['c']);
    expect(nearestRow(rows, [90, 10, 50], 0).map((r) => r.label)).toEqual(['b']);
    expect(nearestRow(rows, [30, 70, Number.NaN], 50).map((r) => r.label)).toEqual(['a']);
    expect(nearestRow([], [], 10)).toEqual([]);
    expect(['multi', 'single', 'hidden', undefined, 'x'].map(tooltipModeOf)).toEqual([
      'multi',
      'single',
      'hidden',
      'multi',
      'multi',
    ]);
  });
});
