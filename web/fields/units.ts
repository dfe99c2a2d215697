// Value formatting for Grafana's unit ids (the `unit` field of a panel), the same text in the
// stat and gauge values, legend, tooltip, table and axis ticks. The catalogue and its
// formatters are in unit-catalogue.ts; Grafana's own unit tests, transcribed, are in
// units.grafana.test.ts.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/#unit
import { type UnitContext, unitFormatter } from './unit-catalogue.ts';
import { type Decimals, joinFormatted } from './unit-number.ts';

export type { UnitContext } from './unit-catalogue.ts';

// A panel's decimals as a count from 0 to 20 (what toFixed can show), or auto.
function normalDecimals(decimals: Decimals): number | undefined {
  if (decimals === null || decimals === undefined || !Number.isFinite(decimals)) return undefined;
  return Math.min(20, Math.max(0, Math.round(decimals)));
}

/**
 * Human text for a value; `decimals` fixes the digits after the point. A missing value is an
 * em dash; the infinities are spelt as Prometheus writes them (+Inf, -Inf) whatever the unit.
 */
export function formatValue(
  value: number | null | undefined,
  unit?: string,
  decimals?: Decimals,
  ctx?: UnitContext,
): string {
  if (value === null || value === undefined) return '—';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return joinFormatted(unitFormatter(unit)(value, normalDecimals(decimals), ctx));
}

/** Decimals in a tick step, as uPlot gives it: 0.25 → 2, 5 → 0 (float noise rounded off). */
export function stepDecimals(incr: number): number {
  if (!Number.isFinite(incr)) return 0;
  const rounded = Math.round(incr * 1e6) / 1e6;
  return (String(rounded).split('.')[1] ?? '').length;
}

/**
 * Tick labels, as Grafana draws its axes: the panel's decimals when it has them, else as many
 * as the tick step has (ticks 0.25 apart get 2), else the unit's own auto decimals.
 */
export function axisFormatter(
  unit?: string,
  decimals?: Decimals,
  ctx?: UnitContext,
): (v: number, incr?: number) => string {
  const fixed = normalDecimals(decimals);
  return (v, incr) => {
    const fromStep = incr === undefined ? 0 : stepDecimals(incr);
    return formatValue(v, unit, fixed ?? (fromStep > 0 ? fromStep : undefined), ctx);
  };
}
