// Value formatting for Grafana's unit ids (the `unit` field of a panel), the same text in the
// stat and gauge values, legend, tooltip, table and axis ticks. The catalogue and its
// formatters are in unit-catalogue.ts, loaded lazily to keep it out of the first load; the
// common units (unit-common.ts) format without it. A dashboard waits for the catalogue before
// its first paint only when it names another unit (unitsReady). Grafana's own unit tests,
// transcribed, are in units.grafana.test.ts.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/#unit
import type { UnitContext, UnitFormatter } from './unit-catalogue.ts';
import { COMMON_UNITS, NONE } from './unit-common.ts';
import { type Decimals, fixedUnit, joinFormatted } from './unit-number.ts';

export type { UnitContext } from './unit-catalogue.ts';

let catalogue: ((unit: string) => UnitFormatter) | undefined;
let loading: Promise<void> | undefined;

/** Loads the whole unit catalogue once; later calls share the same promise. */
export function loadUnitCatalogue(): Promise<void> {
  loading ??= import('./unit-catalogue.ts').then((m) => {
    catalogue = m.unitFormatter;
  });
  return loading;
}

/** Whether a unit id formats right now, without the catalogue or with it loaded. */
export function unitReady(unit: string | null | undefined): boolean {
  return !unit || COMMON_UNITS.has(unit) || catalogue !== undefined;
}

/**
 * Undefined when every unit named formats right now (the common case: no waiting, not even a
 * microtask); else the promise of the catalogue, to await before drawing.
 */
export function unitsReady(units: Iterable<string>): Promise<void> | undefined {
  for (const u of units) if (!unitReady(u)) return loadUnitCatalogue();
  return undefined;
}

/**
 * The formatter of a unit id. A rare unit asked for before the catalogue is in (a path that
 * did not await unitsReady) starts loading it and shows as a plain suffix meanwhile, which is
 * what Grafana shows for an id it does not know.
 */
function unitFormatter(unit: string | null | undefined): UnitFormatter {
  if (!unit) return NONE;
  const common = COMMON_UNITS.get(unit);
  if (common) return common;
  if (catalogue) return catalogue(unit);
  void loadUnitCatalogue();
  return fixedUnit(unit);
}

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

/**
 * Every unit id a dashboard (or panel) JSON names: `unit` fields of field configs, and
 * overrides' `{ id: 'unit', value }` properties, at any depth (rows' and library panels' too).
 */
export function unitsIn(json: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(json)) {
    for (const item of json) unitsIn(item, out);
  } else if (json !== null && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (typeof o.unit === 'string' && o.unit !== '') out.add(o.unit);
    if (o.id === 'unit' && typeof o.value === 'string' && o.value !== '') out.add(o.value);
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') unitsIn(v, out);
  }
  return out;
}
