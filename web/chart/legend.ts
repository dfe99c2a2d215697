// Series names for legends and tooltips: Grafana's legendFormat templates
// (https://grafana.com/docs/grafana/latest/datasources/prometheus/query-editor/#options)
// or, by default, the series printed the way the Prometheus UI prints it.

import type { Metric } from '../api/types.ts';

const TEMPLATE_RE = /\{\{\s*(.+?)\s*\}\}/g;

// Names outside this set are legal since Prometheus 3 but must be quoted:
// https://prometheus.io/docs/guides/utf8/
const LEGACY_METRIC_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A legendFormat such as `{{job}} {{ code }}` filled from the labels; `__auto` or none
 * prints the series itself, and a series without labels falls back to its expression. */
export function formatLegend(
  format: string | undefined,
  metric: Metric,
  fallback?: string,
): string {
  if (format === undefined || format === '' || format === '__auto') {
    return formatSeries(metric, fallback);
  }
  // Own properties only, so `{{constructor}}` does not reach Object.prototype.
  return format.replace(TEMPLATE_RE, (_, name: string) =>
    Object.hasOwn(metric, name) ? (metric[name] ?? '') : '',
  );
}

// `up{instance="a", job="b"}`, or `{"my.metric", job="b"}` when the name needs quoting.
function formatSeries(metric: Metric, fallback: string | undefined): string {
  const names = Object.keys(metric).sort();
  if (names.length === 0) return fallback ?? '{}';
  const { __name__: name = '' } = metric;
  const labels = names
    .filter((n) => n !== '__name__')
    .map((n) => `${quoteName(n)}=${quote(metric[n] ?? '')}`);
  if (LEGACY_METRIC_RE.test(name) || name === '') return `${name}{${labels.join(', ')}}`;
  return `{${[quote(name), ...labels].join(', ')}}`;
}

function quoteName(name: string): string {
  return LEGACY_LABEL_RE.test(name) ? name : quote(name);
}

// Prometheus prints strings with Go's strconv.Quote; these are the escapes a label value
// can realistically need.
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
