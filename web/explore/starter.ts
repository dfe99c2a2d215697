// Starter queries for a metric picked in the metrics explorer, chosen by its type from
// Prometheus' metadata (https://prometheus.io/docs/prometheus/latest/querying/api/#querying-metric-metadata):
// a rate for counters, quantiles for histograms, the raw series for everything else.

export interface StarterQuery {
  expr: string;
  legendFormat?: string;
}

export interface MetricMetadata {
  type: string;
  help: string;
  unit?: string;
}

export interface MetricRow {
  name: string;
  type: string;
  help: string;
}

// Names outside this set are legal since Prometheus 3 but must be quoted inside the braces:
// https://prometheus.io/docs/guides/utf8/
const LEGACY_METRIC_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** `name`, or `{"my.metric"}` for a UTF-8 name the legacy syntax cannot spell. */
export function selector(name: string): string {
  if (LEGACY_METRIC_RE.test(name)) return name;
  return `{${JSON.stringify(name)}}`; // JSON and PromQL escape `"` and `\` alike
}

// A classic histogram's metadata names the family `x`; its series are x_bucket, x_count and
// x_sum (summaries have the last two), and a picker may hand us any of them.
// https://prometheus.io/docs/concepts/metric_types/#histogram
function family(metric: string, suffixes: RegExp): string {
  return metric.replace(suffixes, '');
}

const QUANTILES: readonly [q: string, legend: string][] = [
  ['0.5', 'p50'],
  ['0.9', 'p90'],
  ['0.99', 'p99'],
];

export function starterQueries(metric: string, type: string | undefined): StarterQuery[] {
  const kind = type?.toLowerCase();
  switch (kind) {
    case 'counter':
      return [
        {
          expr: `sum by (job) (rate(${selector(metric)}[$__rate_interval]))`,
          legendFormat: '{{job}}',
        },
      ];
    case 'histogram':
    case 'gaugehistogram': {
      const buckets = selector(`${family(metric, /_(bucket|count|sum)$/)}_bucket`);
      // A gauge histogram's buckets go up and down, so they are read as they are, not rated:
      // https://github.com/prometheus/OpenMetrics/blob/main/specification/OpenMetrics.md#gaugehistogram
      const input = kind === 'histogram' ? `rate(${buckets}[$__rate_interval])` : buckets;
      return QUANTILES.map(([q, legend]) => ({
        expr: `histogram_quantile(${q}, sum by (le) (${input}))`,
        legendFormat: legend,
      }));
    }
    case 'summary':
      return [{ expr: selector(family(metric, /_(count|sum)$/)), legendFormat: '{{quantile}}' }];
    default:
      // gauge, info, stateset, unknown, untyped: the series themselves are the best start.
      return [{ expr: selector(metric) }];
  }
}

/**
 * The explorer's list: one row per metric, sorted by name. Targets may disagree on a metric's
 * metadata; the first entry with help text wins. Every word of `filter` must appear in the
 * name or the help, ignoring case.
 */
export function metricRows(
  metadata: Record<string, MetricMetadata[]>,
  filter: string,
): MetricRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: MetricRow[] = [];
  for (const [name, entries] of Object.entries(metadata)) {
    const list = Array.isArray(entries) ? entries : [];
    const meta = list.find((e) => e?.help) ?? list[0];
    const row = { name, type: meta?.type ?? 'unknown', help: meta?.help ?? '' };
    const text = `${name}\n${row.help}`.toLowerCase();
    if (words.every((w) => text.includes(w))) rows.push(row);
  }
  // Code-unit order, not locale order, so the list reads the same in every browser.
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
