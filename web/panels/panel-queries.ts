// From a panel and the dashboard's time to the exact range queries to send (pure): one step
// for the whole panel so all its targets share one x grid, start and end aligned to it so
// every viewer of a dashboard asks the same question, and Grafana's built-ins filled in.
import type { Panel } from '../dashboard/model.ts';
import { parseDuration } from '../time/duration.ts';
import { interpolateBuiltins } from '../time/interpolate.ts';
import { alignRange, computeStep, rateInterval } from '../time/step.ts';

/** Prometheus refuses a range query of more points per series than this. */
const MAX_POINTS = 11_000;

export interface PanelTime {
  start: number; // ms
  end: number; // ms
  /** Bumped by "Refresh now": re-runs queries whose aligned range has not moved yet. */
  rev: number;
}

export interface PlannedQuery {
  refId: string;
  expr: string;
  legendFormat?: string;
  start: number; // unix seconds
  end: number; // unix seconds
  step: number; // seconds
}

export function planQueries(
  panel: Pick<Panel, 'targets' | 'interval'>,
  time: Pick<PanelTime, 'start' | 'end'>,
  widthPx: number,
  scrapeIntervalS: number,
  /** An explicit step (Explore's step field), kept unless it would pass 11,000 points. */
  stepS?: number, // seconds
): PlannedQuery[] {
  const scrapeMs = scrapeIntervalS * 1000;
  const minIntervals = [panel.interval, ...panel.targets.map((t) => t.interval)]
    .map((d) => (d ? (parseDuration(d) ?? 0) : 0))
    .concat(scrapeMs);
  const rangeMs = time.end - time.start;
  const step = stepS
    ? Math.max(Math.ceil(stepS), Math.ceil(rangeMs / 1000 / MAX_POINTS))
    : computeStep({ rangeMs, widthPx, minIntervalMs: Math.max(...minIntervals) });
  const { start, end } = alignRange(time.start, time.end, step);
  const intervalMs = step * 1000;
  const vars = { intervalMs, rateIntervalMs: rateInterval(intervalMs, scrapeMs), rangeMs };
  return panel.targets
    .filter((t) => !t.hide && t.expr.trim() !== '')
    .map((t) => ({
      refId: t.refId,
      expr: interpolateBuiltins(t.expr, vars),
      legendFormat: t.legendFormat,
      start,
      end,
      step,
    }));
}
