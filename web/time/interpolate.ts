// Grafana's template variable syntax, `$name`, `${name}` and `[[name]]`:
// https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/
// and its global built-ins:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables

import { formatDuration } from './duration.ts';

// `\w+` is greedy, so `$__interval_ms` is read as one name and never as `$__interval`
// followed by `_ms`. Forms with a format (`${x:csv}`) or a field path are not matched.
const VARIABLE_RE = /\$(\w+)|\$\{(\w+)\}|\[\[(\w+)\]\]/g;

/**
 * Replaces every variable whose name is in `values`. Anything else, including PromQL's
 * own `$1` and `${1}` in label_replace(), is left byte for byte as written.
 */
export function interpolate(expr: string, values: ReadonlyMap<string, string>): string {
  return expr.replace(VARIABLE_RE, (match, plain?: string, braced?: string, bracketed?: string) => {
    const name = plain ?? braced ?? bracketed ?? '';
    return values.get(name) ?? match;
  });
}

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

export function interpolateBuiltins(expr: string, vars: BuiltinVars): string {
  return interpolate(expr, builtinValues(vars));
}
