// What the tooltip lists at the cursor: visible series with a value, largest first
// (the Prometheus UI and Grafana's "sort descending").

export interface TooltipRow {
  index: number; // uPlot series index (1-based)
  label: string;
  color: string;
  value: number;
}

export function tooltipRows(
  values: readonly (number | null | undefined)[],
  series: readonly { label: string; color: string; show: boolean }[],
  limit = 20,
): { rows: TooltipRow[]; more: number } {
  const rows: TooltipRow[] = [];
  series.forEach((s, i) => {
    const v = values[i];
    if (s.show && v != null && Number.isFinite(v)) {
      rows.push({ index: i + 1, label: s.label, color: s.color, value: v });
    }
  });
  rows.sort((a, b) => b.value - a.value);
  return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}
