// Grafana's template variable syntax, `$name`, `${name}` and `[[name]]`:
// https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/
// and its global built-ins:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables

import type { Scope } from '../variables/format.ts';
import { interpolateVariables } from '../variables/format.ts';
import { formatInterval, goDuration } from './prom-interval.ts';

export interface BuiltinVars {
  /** The step sent to Prometheus (ms). */
  intervalMs: number;
  rateIntervalMs: number;
  rangeMs: number;
}

/**
 * The texts Grafana's Prometheus backend gives its built-ins (pkg/promlib/models/query.go,
 * InterpolateVariables): $__interval as gtime.FormatInterval (`2m`), $__rate_interval as a Go
 * duration (`2m15s`, `1m0s`), $__range in whole seconds (`172800s`); `_ms`/`_s` forms are bare
 * integers, whole units cut off, except the range's seconds, which are rounded.
 */
export function builtinValues(vars: BuiltinVars): Map<string, string> {
  const rangeS = Math.round(Math.floor(vars.rangeMs) / 1000);
  return new Map([
    ['__interval', formatInterval(vars.intervalMs)],
    ['__interval_ms', String(Math.floor(vars.intervalMs))],
    ['__interval_s', String(Math.floor(vars.intervalMs / 1000))],
    ['__rate_interval', goDuration(vars.rateIntervalMs)],
    ['__rate_interval_ms', String(Math.floor(vars.rateIntervalMs))],
    ['__rate_interval_s', String(Math.floor(vars.rateIntervalMs / 1000))],
    ['__range', `${rangeS}s`],
    ['__range_s', String(rangeS)],
    ['__range_ms', String(Math.floor(vars.rangeMs))],
  ]);
}

/** The built-ins as variables, in every form and format dashboard variables take. */
export function builtinScope(vars: BuiltinVars): Scope {
  const scope = new Map();
  for (const [name, value] of builtinValues(vars)) {
    scope.set(name, { values: [value], text: value, regex: false });
  }
  return scope;
}

export function interpolateBuiltins(expr: string, vars: BuiltinVars): string {
  return interpolateVariables(expr, builtinScope(vars), 'promql');
}
