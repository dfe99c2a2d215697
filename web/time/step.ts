// How finely to ask Prometheus for a range: one point per pixel at most, never finer than
// the panel's min interval, and within the API's limit of 11,000 points per series:
// https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries

const MAX_POINTS = 11_000;
const DEFAULT_WIDTH = 1000; // px, until the panel has been measured

export interface StepInput {
  rangeMs: number;
  widthPx: number;
  minIntervalMs: number;
}

/** Query step in whole seconds (≥ 1). */
export function computeStep({ rangeMs, widthPx, minIntervalMs }: StepInput): number {
  const width = widthPx > 0 ? widthPx : DEFAULT_WIDTH;
  const stepMs = Math.max(
    Math.ceil(rangeMs / width),
    Math.ceil(minIntervalMs),
    Math.ceil(rangeMs / MAX_POINTS),
  ); // ms
  return Math.max(1, Math.ceil(stepMs / 1000));
}

/**
 * Snaps a range (ms) to multiples of the step, in unix seconds, so every viewer of a
 * dashboard sends byte-identical queries that caches and Prometheus can share. The end is
 * floored and the start is a whole number of steps before it, enough to cover the range: the
 * same range always spans the same number of steps, so a live window keeps its length as it
 * slides and incremental refresh can reuse it (flooring both ends independently would make a
 * 24 h window at a 123 s step 702 steps long on one tick and 703 on the next).
 */
export function alignRange(
  startMs: number,
  endMs: number,
  stepS: number,
): { start: number; end: number } {
  const stepMs = stepS * 1000;
  const end = Math.floor(endMs / stepMs) * stepS;
  if (endMs <= startMs) {
    const start = Math.floor(startMs / stepMs) * stepS;
    return { start, end: Math.max(start, end) };
  }
  const steps = Math.ceil((endMs - startMs) / stepMs);
  return { start: end - steps * stepS, end };
}

/**
 * Grafana's $__rate_interval (ms): long enough that rate() always sees at least 4 scrapes.
 * https://grafana.com/blog/2020/09/28/new-in-grafana-7.2-__rate_interval-for-prometheus-rate-queries-that-just-work/
 */
export function rateInterval(intervalMs: number, scrapeIntervalMs: number): number {
  return Math.max(intervalMs + scrapeIntervalMs, 4 * scrapeIntervalMs);
}
