// Geometry and numbers of Grafana's pie chart (pure): one slice per series, its angle its share
// of the total, sorted as the panel's `sort` asks (largest first by default), with the legend's
// percent text and the labels drawn on the slices.
// public/app/plugins/panel/piechart/PieChart.tsx (getPieLayout, PieLabel, getLabelPos),
// PieChartPanel.tsx (getLegend, comparePieChartItemsByValue), utils.ts.

export interface PieItem {
  key: string;
  name: string;
  /** The reduced value; null (no value) draws no slice and counts for nothing. */
  value: number | null;
  color: string;
  /** The value as the field shows it (unit, decimals, value mapping). */
  text: string;
  /** custom.hideFrom.viz (or a click in the legend): in the legend, not in the pie. */
  hidden?: boolean;
}

export interface Slice extends PieItem {
  value: number;
  /** Radians clockwise from 12 o'clock. */
  start: number;
  end: number;
  /** Share of the total, 0–1. */
  fraction: number;
}

export type PieSort = 'desc' | 'asc' | 'none';

/** Grafana's comparePieChartItemsByValue: no value last, then by value; 'none' keeps order. */
export function compareByValue(sort: PieSort) {
  return (a: { value: number | null }, b: { value: number | null }): number => {
    const an = a.value === null || Number.isNaN(a.value);
    const bn = b.value === null || Number.isNaN(b.value);
    if (an || bn) return an === bn ? 0 : an ? 1 : -1;
    if (sort === 'desc') return b.value! - a.value!;
    if (sort === 'asc') return a.value! - b.value!;
    return 0;
  };
}

export function pieSort(v: unknown): PieSort {
  return v === 'asc' || v === 'none' ? v : 'desc';
}

/** The total a slice is a share of: every value drawn (utils.ts sumDisplayItemsReducer). */
export function pieTotal(items: readonly PieItem[]): number {
  let total = 0;
  for (const i of items)
    if (!i.hidden && i.value !== null && Number.isFinite(i.value)) total += i.value;
  return total;
}

/**
 * The slices in drawing order, clockwise from 12 o'clock as d3's pie lays them out: a value at
 * or below zero takes no angle (d3 sums only positive values for the angles).
 */
export function pieSlices(items: readonly PieItem[], sort: PieSort): Slice[] {
  const drawn = items
    .filter(
      (i): i is PieItem & { value: number } =>
        !i.hidden && i.value !== null && Number.isFinite(i.value),
    )
    .sort(compareByValue(sort));
  const positive = drawn.reduce((s, i) => s + (i.value > 0 ? i.value : 0), 0);
  const total = pieTotal(drawn);
  let angle = 0;
  return drawn.map((i) => {
    const sweep = positive > 0 && i.value > 0 ? (i.value / positive) * 2 * Math.PI : 0;
    const slice = { ...i, start: angle, end: angle + sweep, fraction: total ? i.value / total : 0 };
    angle += sweep;
    return slice;
  });
}

/**
 * The legend's percent: the value's share of the total, with the field's decimals (0 unless
 * set); '-' for a slice not drawn or no total, as PieChartPanel's getLegend.
 */
export function percentText(value: number | null, total: number, decimals?: number): string {
  if (value === null || !Number.isFinite(value) || total === 0) return '-';
  return `${((value / total) * 100).toFixed(decimals ?? 0)}%`;
}

export interface PieLayout {
  size: number;
  outer: number;
  inner: number;
}

/** Grafana's getPieLayout: a 16 px margin; a donut's ring is a third of the radius, ≥ 20 px. */
export function pieLayout(width: number, height: number, donut: boolean, margin = 16): PieLayout {
  const size = Math.max(0, Math.min(width, height));
  const outer = Math.max(0, (size - margin * 2) / 2);
  const thickness = donut ? Math.max(outer / 3, 20) : outer;
  return { size, outer, inner: Math.max(0, outer - thickness) };
}

const at = (cx: number, cy: number, r: number, a: number): [number, number] => [
  cx + r * Math.sin(a),
  cy - r * Math.cos(a),
];
const f = (n: number) => n.toFixed(2);

/** SVG path of one slice (a ring segment when inner > 0); a whole turn as two half arcs. */
export function slicePath(
  cx: number,
  cy: number,
  outer: number,
  inner: number,
  start: number,
  end: number,
): string {
  const sweep = end - start;
  if (!(sweep > 0) || outer <= 0) return '';
  if (sweep >= 2 * Math.PI - 1e-9) {
    const mid = start + Math.PI;
    const ring = (r: number, dir: 0 | 1) => {
      const [x0, y0] = at(cx, cy, r, start);
      const [x1, y1] = at(cx, cy, r, mid);
      return `M ${f(x0)} ${f(y0)} A ${f(r)} ${f(r)} 0 1 ${dir} ${f(x1)} ${f(y1)} A ${f(r)} ${f(r)} 0 1 ${dir} ${f(x0)} ${f(y0)} Z`;
    };
    return inner > 0 ? `${ring(outer, 1)} ${ring(inner, 0)}` : ring(outer, 1);
  }
  const large = sweep > Math.PI ? 1 : 0;
  const [ox0, oy0] = at(cx, cy, outer, start);
  const [ox1, oy1] = at(cx, cy, outer, end);
  const arc = `M ${f(ox0)} ${f(oy0)} A ${f(outer)} ${f(outer)} 0 ${large} 1 ${f(ox1)} ${f(oy1)}`;
  if (inner <= 0) return `${arc} L ${f(cx)} ${f(cy)} Z`;
  const [ix1, iy1] = at(cx, cy, inner, end);
  const [ix0, iy0] = at(cx, cy, inner, start);
  return `${arc} L ${f(ix1)} ${f(iy1)} A ${f(inner)} ${f(inner)} 0 ${large} 0 ${f(ix0)} ${f(iy0)} Z`;
}

/**
 * Where a slice's label sits (PieLabel, getLabelPos): halfway between the outer edge and the
 * hole (a pie: a sixth of the radius); none for a slice under 0.3 rad.
 */
export function labelPosition(
  s: Pick<Slice, 'start' | 'end'>,
  cx: number,
  cy: number,
  outer: number,
  inner: number,
): [number, number] | null {
  if (s.end - s.start < 0.3) return null;
  const r = (outer + (inner === 0 ? outer / 6 : inner)) / 2;
  return at(cx, cy, r, (s.start + s.end) / 2);
}

/** The label's font size: 14 px per 150 px of radius with the name, per 100 px without. */
export function labelFontSize(outer: number, withName: boolean): number {
  return withName
    ? Math.min(Math.max((outer / 150) * 14, 12), 30)
    : Math.min(Math.max((outer / 100) * 14, 12), 36);
}
