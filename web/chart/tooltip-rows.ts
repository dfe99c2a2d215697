// What the tooltip lists at the cursor: visible series with a value, in the panel's order
// (Grafana's options.tooltip.sort: none keeps the series' order, asc smallest first, desc
// largest first). Without a sort set, largest first, as the Prometheus UI lists them.

export interface TooltipRow {
  index: number; // uPlot series index (1-based)
  label: string;
  color: string;
  value: number;
}

export type TooltipSort = 'none' | 'asc' | 'desc';
/** Grafana's options.tooltip.mode: every series, the one under the cursor, or none. */
export type TooltipMode = 'multi' | 'single' | 'hidden';

/** Grafana's TooltipDisplayMode from options.tooltip.mode; all series when unset or unknown. */
export function tooltipModeOf(raw: unknown): TooltipMode {
  return raw === 'single' || raw === 'hidden' ? raw : 'multi';
}

/**
 * Single mode shows the series drawn nearest the cursor (its y in px), as Grafana's tooltip
 * does; the first of equals. `ys[k]` is where row k's value is drawn, NaN when not drawn.
 */
export function nearestRow(
  rows: readonly TooltipRow[],
  ys: readonly number[],
  top: number,
): TooltipRow[] {
  let best = -1;
  let gap = Number.POSITIVE_INFINITY;
  rows.forEach((_, k) => {
    const d = Math.abs((ys[k] ?? Number.NaN) - top);
    if (d < gap) {
      gap = d;
      best = k;
    }
  });
  return best < 0 ? [] : [rows[best]!];
}

/** Grafana's SortOrder from a panel's options.tooltip.sort; desc when unset or unknown. */
export function tooltipSortOf(raw: unknown): TooltipSort {
  return raw === 'none' || raw === 'asc' ? raw : 'desc';
}

export function tooltipRows(
  values: readonly (number | null | undefined)[],
  series: readonly { label: string; color: string; show: boolean }[],
  limit = 20,
  sort: TooltipSort = 'desc',
): { rows: TooltipRow[]; more: number } {
  const rows: TooltipRow[] = [];
  series.forEach((s, i) => {
    const v = values[i];
    if (s.show && v != null && Number.isFinite(v)) {
      rows.push({ index: i + 1, label: s.label, color: s.color, value: v });
    }
  });
  // Array.prototype.sort is stable: equal values keep the series' order.
  if (sort === 'desc') rows.sort((a, b) => b.value - a.value);
  else if (sort === 'asc') rows.sort((a, b) => a.value - b.value);
  return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}
