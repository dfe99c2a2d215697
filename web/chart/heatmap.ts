// Heatmap cells from Prometheus histogram series (pure). Each `_bucket` series counts the
// observations ≤ its `le` label, so bucket i holds cum[i] − cum[i−1] and spans
// (le[i−1], le[i]]; Grafana's Prometheus `format: heatmap` does the same de-cumulation.
// https://prometheus.io/docs/concepts/metric_types/#histogram
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/heatmap/
// Raw time series (Grafana's "calculate" mode, the old `dataFormat: timeseries`) are counted
// into equal-width value buckets instead.
import type { Metric } from '../api/types.ts';

export interface BucketSeries {
  metric: Metric;
  /** The series' legend, read as the bucket bound when there is no `le` label. */
  label: string;
  ys: readonly (number | null)[];
}

export interface Heatmap {
  xs: number[]; // unix seconds, the end of each column's interval
  step: number; // seconds, the width of a column
  /** Bucket i spans (lower[i], upper[i]]; ascending, the last upper may be +Infinity. */
  lower: number[];
  upper: number[];
  /** counts[bucket][column]; null where Prometheus had no sample. */
  counts: (number | null)[][];
  /** Cells with a count above zero. */
  cells: number;
  minCount: number; // over every non-null cell; 0 when there is none
  maxCount: number;
  /** Series left out because their bound was not a number. */
  skipped: number;
}

/** A bucket bound as Prometheus prints it: "0.25", "1e-05", "+Inf". NaN when it is not one. */
export function parseBound(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  const t = text.trim();
  if (t === '+Inf' || t === 'Inf' || t === '+inf' || t === 'inf') return Number.POSITIVE_INFINITY;
  if (t === '') return Number.NaN;
  const n = Number(t);
  return Number.isNaN(n) ? Number.NaN : n;
}

/** Every series has an `le` label: a histogram even when the target did not say so. */
export function allHaveLe(series: readonly { metric: Metric }[]): boolean {
  return series.length > 0 && series.every((s) => s.metric.le !== undefined);
}

const add = (a: number | null, b: number | null | undefined): number | null =>
  b === null || b === undefined ? a : (a ?? 0) + b;

/**
 * Buckets from series with an `le` label (or, failing that, a numeric legend as Grafana's
 * old `tsbuckets` read it). Series with the same bound are summed (several instances of one
 * histogram). `cumulative` de-cumulates: a negative difference (a counter reset inside the
 * window, float noise) becomes 0, and a missing lower bucket counts from the nearest lower
 * bucket that has a sample in that column.
 */
export function bucketHeatmap(
  xs: number[],
  step: number,
  series: readonly BucketSeries[],
  cumulative: boolean,
): Heatmap {
  const byBound = new Map<number, (number | null)[]>();
  let skipped = 0;
  for (const s of series) {
    const bound = parseBound(s.metric.le ?? s.label);
    if (Number.isNaN(bound)) {
      skipped++;
      continue;
    }
    let column = byBound.get(bound);
    if (!column) {
      column = new Array<number | null>(xs.length).fill(null);
      byBound.set(bound, column);
    }
    for (let j = 0; j < xs.length; j++) column[j] = add(column[j]!, s.ys[j]);
  }
  const upper = [...byBound.keys()].sort((a, b) => a - b);
  const sums = upper.map((b) => byBound.get(b)!);
  const counts = cumulative ? decumulate(sums) : sums;
  const lower = upper.map((_, i) => (i > 0 ? upper[i - 1]! : upper[0]! > 0 ? 0 : -Infinity));
  return finish(xs, step, lower, upper, counts, skipped);
}

/** cum[bucket][column] → per-bucket counts; see bucketHeatmap. */
export function decumulate(cum: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const cols = cum[0]?.length ?? 0;
  const out = cum.map(() => new Array<number | null>(cols).fill(null));
  for (let j = 0; j < cols; j++) {
    let below = 0; // the cumulative count of the nearest lower bucket with a sample
    for (let i = 0; i < cum.length; i++) {
      const v = cum[i]![j];
      if (v === null || v === undefined) continue;
      out[i]![j] = Math.max(0, v - below);
      below = Math.max(below, v);
    }
  }
  return out;
}

/**
 * Grafana's calculate mode: every series value at a time is one observation, counted into
 * `count` equal buckets between the smallest and largest value (or buckets `size` wide).
 */
export function calculateHeatmap(
  xs: number[],
  step: number,
  ys: readonly (readonly (number | null)[])[],
  buckets: { count?: number; size?: number } = {},
): Heatmap {
  let lo = Infinity;
  let hi = -Infinity;
  for (const col of ys)
    for (const v of col) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (lo > hi) return finish(xs, step, [], [], [], 0);
  const count = Math.max(1, Math.round(buckets.count ?? 10));
  const size =
    buckets.size !== undefined && buckets.size > 0 ? buckets.size : hi > lo ? (hi - lo) / count : 1;
  const start = Math.floor(lo / size) * size;
  const n = Math.min(1000, Math.max(1, Math.ceil((hi - start) / size - 1e-9)));
  const lower = Array.from({ length: n }, (_, i) => start + i * size);
  const upper = lower.map((l) => l + size);
  const counts = lower.map(() => new Array<number | null>(xs.length).fill(null));
  for (let j = 0; j < xs.length; j++) {
    let any = false;
    for (const col of ys) {
      const v = col[j];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      const i = Math.min(n - 1, Math.max(0, Math.floor((v - start) / size)));
      counts[i]![j] = (counts[i]![j] ?? 0) + 1;
      any = true;
    }
    if (any) for (const row of counts) row[j] ??= 0;
  }
  return finish(xs, step, lower, upper, counts, 0);
}

function finish(
  xs: number[],
  step: number,
  lower: number[],
  upper: number[],
  counts: (number | null)[][],
  skipped: number,
): Heatmap {
  let cells = 0;
  let minCount = Infinity;
  let maxCount = -Infinity;
  for (const row of counts)
    for (const v of row) {
      if (v === null) continue;
      if (v > 0) cells++;
      if (v < minCount) minCount = v;
      if (v > maxCount) maxCount = v;
    }
  if (minCount > maxCount) minCount = maxCount = 0;
  return { xs, step, lower, upper, counts, cells, minCount, maxCount, skipped };
}

/** The column whose interval (xs[j] − step, xs[j]] holds time `t` (unix s), or −1. */
export function columnAt(h: Pick<Heatmap, 'xs' | 'step'>, t: number): number {
  const n = h.xs.length;
  if (n === 0 || !(h.step > 0)) return -1;
  const j = Math.ceil((t - h.xs[0]!) / h.step - 1e-9);
  return j >= 0 && j < n ? j | 0 : -1; // | 0: never -0
}

/**
 * The y axis puts every bucket in a row of equal height (Grafana does the same for
 * Prometheus buckets, whose bounds are usually exponential); boundary k sits between rows
 * k−1 and k. This is the value there: the lower bound of the first bucket, then each upper.
 */
export function boundaryValue(h: Pick<Heatmap, 'lower' | 'upper'>, k: number): number {
  return k === 0 ? (h.lower[0] ?? 0) : (h.upper[k - 1] ?? Number.NaN);
}

/** Boundaries to label: every one, or every n-th so labels stay `minGapPx` apart. */
export function boundaryTicks(buckets: number, heightPx: number, minGapPx = 16): number[] {
  if (buckets <= 0) return [];
  const every = Math.max(1, Math.ceil(minGapPx / Math.max(1, heightPx / buckets)));
  const ticks: number[] = [];
  for (let k = 0; k <= buckets; k += every) ticks.push(k);
  return ticks;
}
