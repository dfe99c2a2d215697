// Grafana's template variable syntax, `$name`, `${name}` and `[[name]]`:
// https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/
// and its global built-ins:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables

import type { Scope } from '../variables/format.ts';
import { interpolateVariables } from '../variables/format.ts';
import { formatDuration } from './duration.ts';

export interface BuiltinVars {
  intervalMs: number;
  rateIntervalMs: number;
  rangeMs: number;
}

/** The values Grafana gives its built-ins; `_ms`/`_s` forms are bare integers. */
export function builtinValues(vars: BuiltinVars): Map<string, string> {
  return new Map([
    ['__interval', formatDuration(vars.intervalMs)],
    ['__interval_ms', String(Math.round(vars.intervalMs))],
    ['__rate_interval', formatDuration(vars.rateIntervalMs)],
    ['__range', formatDuration(vars.rangeMs)],
    ['__range_s', String(Math.round(vars.rangeMs / 1000))],
    ['__range_ms', String(Math.round(vars.rangeMs))],
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
