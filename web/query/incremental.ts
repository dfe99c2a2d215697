// Incremental live refresh (pure): when a live range only slid towards now, the next answer is
// the last one with what slid out trimmed and a short fetch of [last end − overlap, now]
// merged in, instead of the whole window again. The overlap re-asks the newest stretch, where
// late scrapes and rate windows still change values (Grafana's incrementalQueryOverlapWindow,
// default 10 m). Series are matched by their labels; ones that appear or vanish mid-window
// are handled, and the merged series come in Prometheus' own order (sorted by labels), so a
// merged answer reads exactly like a full one.
//
// A tick also says what it holds (digest of its overlap points, contract/known.ts); when
// the proxy finds those unchanged it sends only the later points, so a tick's bytes follow
// the refresh interval, not the overlap. Either way the merge comes out the same.
import { digestUpTo, type Known } from '../../contract/known.ts';
import type { PromResult } from '../api/client.ts';
import type { MatrixData, Metric, RangeSeries, SamplePair } from '../api/types.ts';
import type { Grid } from './matrix.ts';
import { seriesKey } from './matrix.ts';

export const DEFAULT_OVERLAP_S = 600; // s

// Per datasource, from its jsonData.incrementalQueryOverlapWindow (Grafana's setting), set
// when the datasource list loads.
const overlaps = new Map<string, number>();

export function setLiveOverlap(dsUid: string, seconds: number): void {
  overlaps.set(dsUid, seconds);
}

/** The overlap a live tick re-asks for this datasource (s). */
export function liveOverlapS(dsUid: string): number {
  return overlaps.get(dsUid) ?? DEFAULT_OVERLAP_S;
}

/**
 * The range to fetch for `next` given the last answer's grid, or null when a full load is
 * needed: another step, a window that did not slide forward, or a slide past the overlap's
 * reach. Start is a multiple of the step, so fetched points land on the same grid.
 */
export function deltaRange(
  prev: Grid,
  next: Grid,
  overlapS: number = DEFAULT_OVERLAP_S,
): { start: number; end: number } | null {
  if (prev.step !== next.step || next.step <= 0) return null;
  if (next.end <= prev.end || next.start < prev.start) return null;
  if (next.end - next.start !== prev.end - prev.start) return null;
  const overlap = Math.min(Math.max(0, overlapS), next.end - next.start);
  const start = Math.floor((prev.end - overlap) / next.step) * next.step;
  // Nothing of the last answer would be kept: a full load is as cheap.
  if (start <= next.start) return null;
  return { start, end: next.end };
}

/** Prometheus' order for a matrix: labels compared pair by pair, names sorted. */
export function compareMetrics(a: Metric, b: Metric): number {
  const an = Object.keys(a).sort();
  const bn = Object.keys(b).sort();
  for (let i = 0; i < Math.min(an.length, bn.length); i++) {
    const na = an[i]!;
    const nb = bn[i]!;
    if (na !== nb) return na < nb ? -1 : 1;
    const va = a[na]!;
    const vb = b[nb]!;
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return an.length - bn.length;
}

/**
 * The last answer's series trimmed to `grid` and cut at `deltaStart`, with the delta's
 * samples from `deltaStart` on. A series left with no sample in the window is dropped, as a
 * full query would not return it. Samples come sorted by time (Prometheus' order), so each
 * series is cut by binary search and copied once, not filtered and concatenated.
 */
export function mergeSlid(
  prev: readonly RangeSeries[],
  delta: readonly RangeSeries[],
  deltaStart: number, // unix seconds
  grid: Grid,
): RangeSeries[] {
  const merged = new Map<string, { metric: Metric; values: SamplePair[] }>();
  for (const s of prev) {
    const values = samplesBetween(s.values ?? [], grid.start, deltaStart, false);
    merged.set(seriesKey(s.metric), { metric: s.metric, values });
  }
  for (const s of delta) {
    const values = s.values ?? [];
    const from = firstAfter(values, deltaStart, false);
    const to = firstAfter(values, grid.end, true);
    const key = seriesKey(s.metric);
    const have = merged.get(key);
    if (!have) merged.set(key, { metric: s.metric, values: values.slice(from, to) });
    else for (let i = from; i < to; i++) have.values.push(values[i]!);
  }
  return [...merged.values()]
    .filter((s) => s.values.length > 0)
    .sort((a, b) => compareMetrics(a.metric, b.metric));
}

/** A copy of the samples with from ≤ t < to (t ≤ to when `toIncluded`), of samples sorted by time. */
export function samplesBetween(
  values: readonly SamplePair[],
  from: number, // unix seconds
  to: number, // unix seconds
  toIncluded: boolean,
): SamplePair[] {
  return values.slice(firstAfter(values, from, false), firstAfter(values, to, toIncluded));
}

/** Index of the first sample at or after `t` (after `t` when `strict`), by binary search. */
function firstAfter(values: readonly SamplePair[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = values[mid]![0];
    if (at < t || (strict && at === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last merged answer of each live query, by everything but its position in time. */
export class LiveBases {
  private readonly bases = new Map<string, { grid: Grid; result: RangeSeries[] }>();
  constructor(private readonly max = 500) {}

  static key(dsUid: string, expr: string, grid: Grid, rev: number): string {
    return JSON.stringify([dsUid, expr, grid.step, grid.end - grid.start, rev]);
  }

  get(key: string) {
    return this.bases.get(key);
  }

  set(key: string, grid: Grid, result: RangeSeries[]): void {
    this.bases.delete(key);
    this.bases.set(key, { grid, result });
    // Oldest first out: a Map iterates in insertion order.
    while (this.bases.size > this.max) this.bases.delete(this.bases.keys().next().value!);
  }
}

export type RangeFetch = (
  grid: Grid,
  signal?: AbortSignal,
  known?: Known,
) => Promise<PromResult<MatrixData>>;

/**
 * One tick of a range query: the delta merged into the last answer when the window only slid,
 * the whole window otherwise. `fetched` says which range was really asked.
 */
export async function fetchSliding(
  bases: LiveBases,
  key: string,
  grid: Grid,
  fetchRange: RangeFetch,
  overlapS: number,
  signal?: AbortSignal,
): Promise<PromResult<MatrixData> & { fetched: { start: number; end: number } }> {
  const base = bases.get(key);
  const delta = base ? deltaRange(base.grid, grid, overlapS) : null;
  if (base && delta) {
    const held = base.grid.end;
    const known = { t: held, digest: digestUpTo(base.result, held, delta.start) };
    const part = await fetchRange({ ...delta, step: grid.step }, signal, known);
    // Applied: the answer has only points after `held`, and ours up to it are Prometheus'
    // current ones. Otherwise it is the whole overlap, merged from its start.
    const cut = part.delta === 'applied' ? held + grid.step / 2 : delta.start;
    const result = mergeSlid(base.result, part.data.result, cut, grid);
    bases.set(key, grid, result);
    return { ...part, data: { resultType: 'matrix', result }, fetched: delta };
  }
  const full = await fetchRange(grid, signal);
  bases.set(key, grid, full.data.result);
  return { ...full, fetched: { start: grid.start, end: grid.end } };
}
