// A query variable's text → the Prometheus API call that answers it, and that answer → a list
// of values (pure). Grafana's Prometheus functions:
// https://grafana.com/docs/grafana/latest/datasources/prometheus/template-variables/#use-query-variables
import type { Metric, QueryData } from '../api/types.ts';

export type VariableRequest =
  | { kind: 'label_values'; label: string; match?: string }
  | { kind: 'label_names'; match?: string }
  | { kind: 'metrics'; regex: string }
  | { kind: 'query_result'; expr: string }
  /** A bare selector: the series it matches, written out (Grafana's fallback). */
  | { kind: 'series'; match: string };

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const LABEL_VALUES = /^label_values\(\s*(?:(.+?)\s*,\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/s;
const LABEL_NAMES = /^label_names\(\s*(.*?)\s*\)$/s;
const METRICS = /^metrics\(\s*(.*?)\s*\)$/s;
const QUERY_RESULT = /^query_result\(\s*(.+)\s*\)$/s;

/** Parses an (already interpolated) query; a plain error message when it cannot be asked. */
export function parseVariableQuery(query: string): VariableRequest | { error: string } {
  const q = query.trim();
  if (q === '') return { error: 'the query is empty' };
  let m = LABEL_VALUES.exec(q);
  if (m) {
    return m[1]
      ? { kind: 'label_values', label: m[2]!, match: m[1] }
      : { kind: 'label_values', label: m[2]! };
  }
  if (q.startsWith('label_values(')) {
    return { error: `label_values needs a label name: ${q}` };
  }
  m = LABEL_NAMES.exec(q);
  if (m) return m[1] ? { kind: 'label_names', match: m[1] } : { kind: 'label_names' };
  m = METRICS.exec(q);
  if (m) return { kind: 'metrics', regex: m[1]! };
  m = QUERY_RESULT.exec(q);
  if (m) return { kind: 'query_result', expr: m[1]! };
  return { kind: 'series', match: q };
}

/** Past this many names or values a variable offers the first ones (Prometheus ≥ 2.51). */
export const VARIABLE_LIMIT = 10_000;

/** The API path under /api/v1/ and its parameters for one request over a time range. */
export function variableApiCall(
  req: VariableRequest,
  range: { start: number; end: number }, // unix seconds
): { endpoint: string; params: Record<string, string> } {
  const time = {
    start: String(range.start),
    end: String(range.end),
    limit: String(VARIABLE_LIMIT),
  };
  switch (req.kind) {
    case 'label_values':
      return {
        endpoint: `label/${req.label}/values`,
        params: { ...(req.match ? { 'match[]': req.match } : {}), ...time },
      };
    case 'label_names':
      return {
        endpoint: 'labels',
        params: { ...(req.match ? { 'match[]': req.match } : {}), ...time },
      };
    case 'metrics':
      return { endpoint: 'label/__name__/values', params: time };
    case 'query_result':
      return { endpoint: 'query', params: { query: req.expr, time: time.end } };
    // (an instant query has no limit parameter)
    case 'series':
      return { endpoint: 'series', params: { 'match[]': req.match, ...time } };
  }
}

export function isValidLabel(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** `name{a="1",b="2"}`, Grafana's text for a series, byte for byte (regexes rely on it). */
export function seriesText(metric: Metric): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${pairs.join(',')}}`;
}

/** The values an answer offers, before the variable's regex and sort. */
export function answerValues(req: VariableRequest, data: unknown): string[] {
  switch (req.kind) {
    case 'label_values':
    case 'label_names':
      return Array.isArray(data) ? data.map(String) : [];
    case 'metrics': {
      const names = Array.isArray(data) ? data.map(String) : [];
      if (req.regex === '') return names;
      let re: RegExp;
      try {
        re = new RegExp(req.regex);
      } catch {
        return [];
      }
      return names.filter((n) => re.test(n));
    }
    case 'series':
      return Array.isArray(data) ? (data as Metric[]).map(seriesText) : [];
    case 'query_result': {
      // Grafana writes each result as `name{labels} value timestamp_ms`.
      const d = data as QueryData;
      if (d.resultType === 'scalar' || d.resultType === 'string') {
        return [`${d.resultType} ${d.result[1]} ${d.result[0] * 1000}`];
      }
      if (d.resultType === 'vector') {
        return d.result.map(
          (s) => `${seriesText(s.metric)} ${s.value?.[1] ?? ''} ${(s.value?.[0] ?? 0) * 1000}`,
        );
      }
      return d.result.map((s) => seriesText(s.metric));
    }
  }
}
