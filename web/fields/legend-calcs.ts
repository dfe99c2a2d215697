// A timeseries legend as Grafana's options.legend describes it: list or table, at the bottom
// or on the right, with reducer values per series (`calcs`) and an optional sort by one of
// them (`sortBy` holds the column's shown name, e.g. "Last *", `sortDesc` its direction).
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-legend/
import type { ReducerId } from './reduce.ts';
import { isReducerId, reduce, reducerByName } from './reduce.ts';

export interface LegendOptions {
  displayMode: 'list' | 'table' | 'hidden';
  placement: 'bottom' | 'right';
  calcs: ReducerId[];
  sort: LegendSort | null;
  /** legend.width: px, when placed on the right (Grafana's VizLayout); none: sized by content. */
  width?: number;
}

/** Sorted by a calc column or by name; desc means largest (or Z) first. */
export interface LegendSort {
  by: ReducerId | 'name';
  desc: boolean;
}

export interface LegendRow {
  key: string;
  label: string;
  color: string;
  /** One per calc, in the order of `calcs`. */
  values: (number | null)[];
}

export function legendOptions(raw: unknown): LegendOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hidden = o.showLegend === false || o.displayMode === 'hidden';
  const calcs = Array.isArray(o.calcs)
    ? [...new Set(o.calcs.filter((c): c is ReducerId => typeof c === 'string' && isReducerId(c)))]
    : [];
  const by =
    o.sortBy === 'Name' || o.sortBy === 'name'
      ? 'name'
      : reducerByName(typeof o.sortBy === 'string' ? o.sortBy : undefined);
  const width =
    typeof o.width === 'number' && Number.isFinite(o.width) && o.width > 0 ? o.width : undefined;
  return {
    ...(width !== undefined && { width }),
    displayMode: hidden ? 'hidden' : o.displayMode === 'table' ? 'table' : 'list',
    placement: o.placement === 'right' ? 'right' : 'bottom',
    calcs,
    // A sort by a column that is not shown would look random: Grafana ignores it too.
    sort: by && (by === 'name' || calcs.includes(by)) ? { by, desc: o.sortDesc === true } : null,
  };
}

export function legendRows(
  series: readonly { key: string; label: string; color: string }[],
  ys: readonly (number | null)[][],
  calcs: readonly ReducerId[],
): LegendRow[] {
  return series.map((s, i) => ({
    key: s.key,
    label: s.label,
    color: s.color,
    values: calcs.map((c) => reduce(ys[i] ?? [], c)),
  }));
}

const collator = new Intl.Collator('en', { numeric: true });

/** A sorted copy; series without a value (or NaN) go last either way, ties keep their order. */
export function sortLegendRows(
  rows: readonly LegendRow[],
  calcs: readonly ReducerId[],
  sort: LegendSort | null,
): LegendRow[] {
  if (!sort) return [...rows];
  const sign = sort.desc ? -1 : 1;
  if (sort.by === 'name') {
    return [...rows].sort((a, b) => sign * collator.compare(a.label, b.label));
  }
  const col = calcs.indexOf(sort.by);
  if (col < 0) return [...rows];
  const num = (r: LegendRow) => {
    const v = r.values[col];
    return v === null || v === undefined || Number.isNaN(v) ? null : v;
  };
  return [...rows].sort((ra, rb) => {
    const a = num(ra);
    const b = num(rb);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** A click on a column header: a new column sorts largest first, the same one flips. */
export function nextSort(current: LegendSort | null, by: LegendSort['by']): LegendSort {
  if (current?.by === by) return { by, desc: !current.desc };
  return { by, desc: by !== 'name' };
}
