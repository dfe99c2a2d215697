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
  /** No metadata described it: the type is read off the name (guessedType). */
  guessed?: true;
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
 * The type of a metric no metadata describes, from the OpenMetrics suffixes
 * (https://github.com/prometheus/OpenMetrics/blob/main/specification/OpenMetrics.md#suffixes):
 * `_total` is a counter, `_bucket` a histogram's buckets; anything else is left unknown (its
 * series are then the starter query). Metadata is missing for recording rules' outputs in
 * Prometheus, and for every metric in stores that keep none (VictoriaMetrics before 1.100
 * answers /api/v1/metadata with `{}`).
 */
export function guessedType(name: string): string {
  if (name.endsWith('_total')) return 'counter';
  if (name.endsWith('_bucket')) return 'histogram';
  return 'unknown';
}

// The series a histogram or summary family `x` adds to its name, as metadata names it `x`.
const FAMILY_SUFFIX = /_(bucket|count|sum|created)$/;

/**
 * Metric names no metadata describes, one row per family as metadata would give: `x_bucket`,
 * `x_count` and `x_sum` are the histogram `x`; names of a family metadata already lists are
 * left out.
 */
function guessedRows(metadata: Record<string, unknown>, names: readonly string[]): MetricRow[] {
  const all = new Set(names.filter((n) => typeof n === 'string' && n));
  const histograms = new Set(
    [...all].filter((n) => n.endsWith('_bucket')).map((n) => n.slice(0, -'_bucket'.length)),
  );
  const out = new Map<string, MetricRow>();
  for (const name of all) {
    if (Object.hasOwn(metadata, name)) continue;
    const family = name.replace(FAMILY_SUFFIX, '');
    if (family !== name && Object.hasOwn(metadata, family)) continue;
    if (family !== name && histograms.has(family)) {
      out.set(family, { name: family, type: 'histogram', help: '', guessed: true });
    } else {
      out.set(name, { name, type: guessedType(name), help: '', guessed: true });
    }
  }
  return [...out.values()];
}

/**
 * The explorer's list: one row per metric, sorted by name. Targets may disagree on a metric's
 * metadata; the first entry with help text wins. `names` (label/__name__/values) adds the
 * metrics metadata does not describe (guessedRows). Every word of `filter` must appear in the
 * name or the help, ignoring case.
 */
export function metricRows(
  metadata: Record<string, MetricMetadata[]>,
  filter: string,
  names: readonly string[] = [],
): MetricRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: MetricRow[] = [];
  const keep = (row: MetricRow) => {
    const text = `${row.name}\n${row.help}`.toLowerCase();
    if (words.every((w) => text.includes(w))) rows.push(row);
  };
  for (const [name, entries] of Object.entries(metadata)) {
    const list = Array.isArray(entries) ? entries : [];
    const meta = list.find((e) => e?.help) ?? list[0];
    keep({ name, type: meta?.type ?? 'unknown', help: meta?.help ?? '' });
  }
  for (const row of guessedRows(metadata, names)) keep(row);
  // Code-unit order, not locale order, so the list reads the same in every browser.
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
