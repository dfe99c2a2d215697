// Series names for legends and tooltips, as Grafana's Prometheus backend names them
// (pkg/promlib/querydata/response.go, getName): a legendFormat such as `{{job}}` filled from
// the labels (a missing one is empty); none prints the series as Prometheus does (`up` for a
// bare name); `__auto` leaves series with labels to the panel's own naming (autoLegend); a
// name that comes out as `{}` falls back to the query's expression.

import type { Metric } from '../api/types.ts';

// Grafana's legendFormatRegexp. The label is the match without its first `{{` and first `}}`,
// trimmed, as getName cuts it (so `{{{a}}}` asks for the label `{a`).
const TEMPLATE_RE = /\{\{\s*(.+?)\s*\}\}/g;

export const AUTO = '__auto';

// Names outside this set are legal since Prometheus 3 but must be quoted:
// https://prometheus.io/docs/guides/utf8/
const LEGACY_METRIC_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * A series' name from its target's legendFormat. For `__auto` and a series with labels this
 * is the Prometheus form; the panel then names such series with autoLegend.
 */
export function formatLegend(
  format: string | undefined,
  metric: Metric,
  fallback?: string,
): string {
  let legend = formatSeries(metric);
  if (format !== undefined && format !== '' && format !== AUTO) {
    legend = format.replace(TEMPLATE_RE, (match: string) => {
      const name = match.replace('{{', '').replace('}}', '').trim();
      // Own properties only, so `{{constructor}}` does not reach Object.prototype.
      return Object.hasOwn(metric, name) ? (metric[name] ?? '') : '';
    });
  }
  return legend === '{}' && fallback !== undefined ? fallback : legend;
}

/**
 * The one label name every labelled series of a panel has, and no other (Grafana's
 * getSingleLabelName, fieldState.ts); null when there are several or none.
 */
export function singleLabelName(metrics: readonly Metric[]): string | null {
  let single: string | null = null;
  for (const m of metrics) {
    for (const name of Object.keys(m)) {
      if (single === null) single = name;
      else if (name !== single) return null;
    }
  }
  return single;
}

/**
 * `__auto` for a series with labels (Grafana's frontend naming, fieldState.ts): when every
 * series of the panel has one and the same label, its value alone (`up`, `api`); otherwise
 * the series in the Prometheus form.
 */
export function autoLegend(metric: Metric, single: string | null): string {
  const value = single !== null && Object.hasOwn(metric, single) ? metric[single] : undefined;
  return value ? value : formatSeries(metric);
}

// `up{instance="a", job="b"}`, `up` for a bare name (Grafana's metricNameFromLabels), `{}` for
// no labels, or `{"my.metric", job="b"}` when the name needs quoting.
function formatSeries(metric: Metric): string {
  const names = Object.keys(metric).sort();
  if (names.length === 0) return '{}';
  const { __name__: name = '' } = metric;
  if (names.length === 1 && name !== '' && LEGACY_METRIC_RE.test(name)) return name;
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
