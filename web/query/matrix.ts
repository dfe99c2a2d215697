// Turns a Prometheus range query result into uPlot's columnar data: one shared x column and
// one y column per series, null marking a gap.
// https://github.com/leeoniya/uPlot/tree/master/docs#data-format
// https://prometheus.io/docs/prometheus/latest/querying/api/#range-vectors

import type { Metric, RangeSeries } from '../api/types.ts';

/** The grid a range query was asked for, all in unix seconds. */
export interface Grid {
  start: number;
  end: number;
  step: number;
}

export interface Columns {
  xs: number[]; // unix seconds
  ys: (number | null)[][];
}

/**
 * O(points) and allocation-free per sample; it runs once per answer, when it arrives. A sample off
 * the grid lands on the nearest grid slot; one outside the grid is dropped; when two land on
 * the same slot the later one wins.
 */
export function matrixToColumns(result: RangeSeries[], grid: Grid): Columns {
  const { start, end, step } = grid;
  const n = step > 0 && end >= start ? Math.floor((end - start) / step) + 1 : 0;
  const xs = new Array<number>(n);
  // start + i * step rather than a running sum, so float steps do not drift.
  for (let i = 0; i < n; i++) xs[i] = start + i * step;
  return { xs, ys: result.map((series) => seriesColumn(series, grid, n)) };
}

/** Samples converted between yields in matrixToColumnsSliced: a few ms of work each. */
export const SLICE_SAMPLES = 100_000;

/**
 * matrixToColumns for answers of any size, yielding to the page between slices of about
 * SLICE_SAMPLES samples, so a million-sample answer never freezes the page in one long task.
 * Only the first `maxSeries` series are converted (the rest are not drawn).
 */
export async function matrixToColumnsSliced(
  result: RangeSeries[],
  grid: Grid,
  maxSeries: number,
  yieldToPage: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<Columns> {
  const { xs } = matrixToColumns([], grid);
  const ys: (number | null)[][] = [];
  let done = 0; // samples since the last yield
  for (const series of result.slice(0, maxSeries)) {
    if (done >= SLICE_SAMPLES) {
      await yieldToPage();
      done = 0;
    }
    ys.push(seriesColumn(series, grid, xs.length));
    done += series.values?.length ?? 0;
  }
  return { xs, ys };
}

/** One series' y column on the grid of `n` slots. */
function seriesColumn(series: RangeSeries, grid: Grid, n: number): (number | null)[] {
  const { start, step } = grid;
  const column = new Array<number | null>(n).fill(null);
  const values = series.values ?? [];
  for (let j = 0; j < values.length; j++) {
    const sample = values[j]!;
    const i = Math.round((sample[0] - start) / step);
    if (!(i >= 0 && i < n)) continue; // also catches NaN from a zero step
    // Number() reads "NaN", "+Inf" and "-Inf" all as NaN (JS spells it "Infinity"); any
    // non-finite value becomes a gap.
    const v = Number(sample[1]);
    column[i] = Number.isFinite(v) ? v : null;
  }
  return column;
}

/** Stable identity of a series across ticks: its label pairs sorted by name. */
export function seriesKey(metric: Metric): string {
  const names = Object.keys(metric).sort();
  // JSON keeps it unambiguous even for UTF-8 label names containing `=` or `,`.
  return JSON.stringify(names.map((name) => [name, metric[name]]));
}
