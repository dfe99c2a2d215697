// Where a range query starts and ends on its step's grid. The step itself is Grafana's
// (prom-interval.ts).

import { alignTime } from './prom-interval.ts';

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
  /**
   * The dashboard's offset east of UTC (s), used for steps of a day or more so they start at
   * local midnight, as Grafana's AlignTimeRange does (shorter steps stay UTC-aligned, so the
   * proxy can still cache them).
   */
  utcOffsetS = 0,
): { start: number; end: number } {
  // In whole ms, so sub-second steps (0.5 s) land on exact multiples too.
  const stepMs = Math.round(stepS * 1000);
  const offset = stepMs >= 86_400_000 ? utcOffsetS : 0;
  const endAt = alignTime(endMs, stepMs, offset);
  if (endMs <= startMs) {
    const startAt = alignTime(startMs, stepMs, offset);
    return { start: startAt / 1000, end: Math.max(startAt, endAt) / 1000 };
  }
  const steps = Math.ceil((endMs - startMs) / stepMs);
  return { start: (endAt - steps * stepMs) / 1000, end: endAt / 1000 };
}
