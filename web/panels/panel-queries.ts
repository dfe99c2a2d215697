// From a panel and the dashboard's time to the exact range queries to send (pure): one step
// for the whole panel so all its targets share one x grid, start and end aligned to it so
// every viewer of a dashboard asks the same question, and Grafana's built-ins filled in.
import type { Panel, Target } from '../model/model.ts';
import { grafanaStep, parseInterval, requestInterval } from '../time/prom-interval.ts';
import { alignRange } from '../time/step.ts';
import { interpolateBuiltins } from '../variables/interpolate.ts';

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
  /** An instant query (/api/v1/query at `end`), or a range query over start…end. */
  instant: boolean;
  start: number; // unix seconds
  end: number; // unix seconds
  step: number; // seconds, sub-second steps included (0.5)
}

const DEFAULT_WIDTH = 1000; // px, until the panel has been measured

/**
 * Grafana runs a target as an instant query when it asks for one and not also for a range
 * (pkg/promlib/models/query.go: neither flag means range, as old dashboards saved neither).
 */
export const isInstant = (t: Pick<Target, 'instant' | 'range'>) =>
  t.instant === true && t.range !== true;

export function planQueries(
  panel: Pick<Panel, 'targets' | 'interval' | 'maxDataPoints'>,
  time: Pick<PanelTime, 'start' | 'end'>,
  widthPx: number,
  scrapeIntervalS: number,
  /** An explicit step (Explore's step field), kept unless it would pass 11,000 points. */
  stepS?: number, // seconds
  /** The dashboard's offset east of UTC, for steps of a day or more (step.ts alignRange). */
  utcOffsetS = 0,
): PlannedQuery[] {
  const scrapeMs = scrapeIntervalS * 1000;
  const rangeMs = time.end - time.start;
  const targets = panel.targets.filter((t) => !t.hide && t.expr.trim() !== '');
  // Grafana's frontend: max data points is the panel's, or its width; the interval is never
  // below the panel's min interval, or the scrape interval when it has none.
  const maxDataPoints =
    typeof panel.maxDataPoints === 'number' && panel.maxDataPoints > 0
      ? panel.maxDataPoints
      : widthPx > 0
        ? widthPx
        : DEFAULT_WIDTH;
  const lowLimitMs = (panel.interval ? parseInterval(panel.interval) : null) ?? scrapeMs;
  const intervalMs = requestInterval(rangeMs, maxDataPoints, lowLimitMs);
  const plans = targets.map((t) =>
    stepS
      ? explicitStep(stepS, rangeMs, scrapeMs)
      : grafanaStep({
          rangeMs,
          maxDataPoints,
          intervalMs,
          queryIntervalMs: intervalMs,
          minStep: t.interval,
          intervalFactor: t.intervalFactor,
          scrapeInterval: `${scrapeIntervalS}s`,
        }),
  );
  // One x grid for the whole panel: the coarsest of its targets' steps.
  const stepMs = Math.max(0, ...plans.map((p) => p.stepMs)) || intervalMs;
  const step = stepMs / 1000;
  const { start, end } = alignRange(time.start, time.end, step, utcOffsetS);
  // An instant query is asked at the range's end itself, not a step before it (as Grafana's
  // QueryInstant does), in whole seconds: a live tick's "now" falls on the same wall-clock
  // moment for every viewer, so they still share one request.
  const instantAt = Math.floor(time.end / 1000);
  return targets.map((t, i) => {
    const vars = {
      intervalMs: stepMs,
      rateIntervalMs: plans[i]!.rateIntervalMs,
      rangeMs,
      range: { start: time.start, end: time.end },
    };
    const instant = isInstant(t);
    return {
      refId: t.refId,
      expr: interpolateBuiltins(t.expr, vars),
      legendFormat: t.legendFormat,
      instant,
      start: instant ? instantAt : start,
      end: instant ? instantAt : end,
      step,
    };
  });
}

/** Explore's typed step (whole seconds), raised only to stay within 11,000 points. */
function explicitStep(stepS: number, rangeMs: number, scrapeMs: number) {
  const stepMs = Math.max(Math.ceil(stepS), Math.ceil(rangeMs / 1000 / MAX_POINTS)) * 1000;
  return { stepMs, rateIntervalMs: Math.max(stepMs + scrapeMs, 4 * scrapeMs) };
}
