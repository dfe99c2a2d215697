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
