// Grafana's template variable syntax, `$name`, `${name}` and `[[name]]`:
// https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/
// and its global built-ins:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables

import { formatDate } from '../time/date-format.ts';
import { formatInterval, goDuration } from '../time/prom-interval.ts';
import type { Scope, ScopedVariable } from './format.ts';
import { interpolateVariables } from './format.ts';

export interface BuiltinVars {
  /** The step sent to Prometheus (ms). */
  intervalMs: number;
  rateIntervalMs: number;
  rangeMs: number;
  /** The range itself (ms), for $__from and $__to. */
  range?: { start: number; end: number };
}

/**
 * $__from and $__to (Grafana's TimeFromAndToMacro): epoch ms as the value, so
 * `${__from:date:seconds}` and the other date formats work from it; as text (a title) the
 * local time, `2020-07-13 20:19:09`, as Grafana's text format gives them.
 */
export function timeScope(range: { start: number; end: number }): Map<string, ScopedVariable> {
  const at = (ms: number): ScopedVariable => {
    const value = String(Math.floor(ms));
    return { values: [value], text: formatDate(ms, 'YYYY-MM-DD HH:mm:ss'), regex: false };
  };
  return new Map([
    ['__from', at(range.start)],
    ['__to', at(range.end)],
  ]);
}

/**
 * $__dashboard: the dashboard's title (Grafana 7.1+), with `${__dashboard.name}` and
 * `${__dashboard.uid}` as its field paths.
 */
export function dashboardScope(d: { title: string; uid: string }): Map<string, ScopedVariable> {
  return new Map([
    [
      '__dashboard',
      {
        values: [d.title],
        text: d.title,
        regex: false,
        fields: { name: d.title, uid: d.uid },
      },
    ],
  ]);
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
  const scope = new Map<string, ScopedVariable>(vars.range ? timeScope(vars.range) : []);
  for (const [name, value] of builtinValues(vars)) {
    scope.set(name, { values: [value], text: value, regex: false });
  }
  return scope;
}

export function interpolateBuiltins(expr: string, vars: BuiltinVars): string {
  return interpolateVariables(expr, builtinScope(vars), 'promql');
}

const TIME_NAMES = /__from|__to/;

/**
 * The scope a dashboard's panels, titles, text and links are filled from: its variables and
 * the page's built-ins, $__dashboard and (only when the dashboard uses them, so other
 * dashboards keep one scope between ticks) $__from and $__to.
 */
export function pageScope(
  scope: Scope,
  dashboard: { title: string; uid: string },
  range: { start: number; end: number } | null,
  usesTime: boolean,
): Scope {
  return new Map([
    ...dashboardScope(dashboard),
    ...(usesTime && range ? timeScope(range) : []),
    ...scope,
  ]);
}

/** Whether a dashboard's JSON names $__from or $__to anywhere. */
export const usesTimeBuiltins = (json: unknown) => TIME_NAMES.test(JSON.stringify(json) ?? '');
