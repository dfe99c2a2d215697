import { describe, expect, it } from 'vitest';
import { autoLegend, formatLegend, singleLabelName } from './legend.ts';

const METRIC = { __name__: 'http_requests_total', job: 'api', instance: 'a:9090', code: '200' };

describe('formatLegend with a format', () => {
  it('fills {{label}} and {{ label }}', () => {
    expect(formatLegend('{{job}} {{ instance }}', METRIC)).toBe('api a:9090');
    expect(formatLegend('{{__name__}}', METRIC)).toBe('http_requests_total');
  });

  it('keeps everything else verbatim', () => {
    expect(formatLegend('{{code}} responses / s ($1) {job}', METRIC)).toBe(
      '200 responses / s ($1) {job}',
    );
    expect(formatLegend('total', METRIC)).toBe('total');
  });

  it('renders a missing label as an empty string', () => {
    expect(formatLegend('[{{method}}] {{job}}', METRIC)).toBe('[] api');
    expect(formatLegend('{{constructor}}{{toString}}', METRIC)).toBe('');
  });

  it('replaces every occurrence', () => {
    expect(formatLegend('{{job}}-{{job}}', METRIC)).toBe('api-api');
  });
});

describe('formatLegend in Prometheus style', () => {
  it('prints the name and the sorted labels for __auto, empty or no format', () => {
    const expected = 'http_requests_total{code="200", instance="a:9090", job="api"}';
    expect(formatLegend('__auto', METRIC)).toBe(expected);
    expect(formatLegend('', METRIC)).toBe(expected);
    expect(formatLegend(undefined, METRIC)).toBe(expected);
  });

  it('prints labels alone when there is no name, e.g. after sum by', () => {
    expect(formatLegend(undefined, { job: 'api' })).toBe('{job="api"}');
  });

  it('prints a bare name alone, as Grafana does (metricNameFromLabels)', () => {
    expect(formatLegend(undefined, { __name__: 'up' })).toBe('up');
  });

  it('escapes backslashes, quotes and newlines in values', () => {
    expect(formatLegend(undefined, { path: 'C:\\tmp', q: 'say "hi"', m: 'a\nb' })).toBe(
      '{m="a\\nb", path="C:\\\\tmp", q="say \\"hi\\""}',
    );
  });

  it('quotes UTF-8 names that are not legacy identifiers', () => {
    expect(formatLegend(undefined, { __name__: 'http.requests', 'service.name': 'api' })).toBe(
      '{"http.requests", "service.name"="api"}',
    );
    expect(formatLegend(undefined, { __name__: 'job:up:sum', job: 'x' })).toBe(
      'job:up:sum{job="x"}',
    );
  });

  it('uses the fallback, or {}, for a series without labels', () => {
    expect(formatLegend(undefined, {}, 'sum(rate(x[5m]))')).toBe('sum(rate(x[5m]))');
    expect(formatLegend('__auto', {})).toBe('{}');
    expect(formatLegend(undefined, { job: 'a' }, 'expr')).toBe('{job="a"}');
  });
});

// grafana/grafana packages/grafana-prometheus/src/legend.test.ts (renderLegendFormat), with
// the answer of Grafana's backend getName (pkg/promlib/querydata/response.go), which names
// dashboard series: where the two Grafana implementations disagree (a missing label, nested
// braces), the backend's answer is the one a Grafana panel shows, and the one we give.
describe('legend.test.ts cases (Grafana)', () => {
  const labels = { a: 'AAA', b: 'BBB', 'with space': 'CCC' };
  it.each([
    // [format, labels, renderLegendFormat, backend getName (ours)]
    ['hello', {}, 'hello', 'hello'],
    ['hello', labels, 'hello', 'hello'],
    ['value: {{a}}', labels, 'value: AAA', 'value: AAA'],
    ['{{a}} {{with space}}', labels, 'AAA CCC', 'AAA CCC'],
    ['{{ a }}', labels, 'AAA', 'AAA'],
    ['{{             a                        }}', labels, 'AAA', 'AAA'],
    ['value: {{c}}', labels, 'value: c', 'value: '],
    ['{{{a}}}', labels, '{AAA}', '}'],
    ['{{{{a}}}}', labels, '{{AAA}}', '}}'],
    ['{{ {{ a }} }}', labels, '{{ AAA }}', ' }}'],
    ['value: {{{a}', labels, 'value: {{{a}', 'value: {{{a}'],
    ['value: {{a}', labels, 'value: {{a}', 'value: {{a}'],
    ['value: {a}', labels, 'value: {a}', 'value: {a}'],
    ['value: {a}}}', labels, 'value: {a}}}', 'value: {a}}}'],
    ['value: {a}}', labels, 'value: {a}}', 'value: {a}}'],
    ['value: { {a} }', labels, 'value: { {a} }', 'value: { {a} }'],
    ['value: { {a}}}', labels, 'value: { {a}}}', 'value: { {a}}}'],
    ['{{        }}', labels, '{{        }}', ''],
    ['{{}}', labels, '{{}}', '{{}}'],
    ['{{{}} }', labels, '{{{}} }', ' }'],
    ['{{{}}}', labels, '{{{}}}', '}'],
    ['{{a}d}}', labels, 'a}d', ''],
  ])("%j → %j in Grafana's frontend, %j in its backend", (format, metric, _frontend, backend) => {
    expect(formatLegend(format, metric)).toBe(backend);
  });
});

// grafana/grafana pkg/promlib/querydata/response.go getName and metricNameFromLabels; the
// `__auto` naming of grafana/grafana#45367 (packages/grafana-data/src/field/fieldState.ts).
describe('getName cases (Grafana backend)', () => {
  const expr = 'sum(rate(x[5m]))';
  it.each([
    ['', {}, expr],
    ['__auto', {}, expr],
    // Not `{}`, so not the expression: an empty name (Grafana then shows its field name).
    ['{{job}}', {}, ''],
    ['{{__name__}}', {}, ''],
    ['', { __name__: 'up' }, 'up'],
    ['', { __name__: 'up', job: 'a', instance: 'i' }, 'up{instance="i", job="a"}'],
    ['', { job: 'a' }, '{job="a"}'],
    ['{}', { job: 'a' }, expr],
    ['{{job}}', { job: 'a' }, 'a'],
    ['{{ job }} / {{nope}}', { job: 'a' }, 'a / '],
  ])('legendFormat %j, labels %j → %j', (format, metric, expected) => {
    expect(formatLegend(format, metric, expr)).toBe(expected);
  });

  it('__auto: one label shared by every series shows its value alone', () => {
    const metrics = [{ job: 'api' }, { job: 'db' }];
    const single = singleLabelName(metrics);
    expect(single).toBe('job');
    expect(metrics.map((m) => autoLegend(m, single))).toEqual(['api', 'db']);
    expect(autoLegend({ __name__: 'up' }, singleLabelName([{ __name__: 'up' }]))).toBe('up');
  });

  it('__auto: several label names show the whole series', () => {
    const metrics: Record<string, string>[] = [{ job: 'api', code: '200' }, { job: 'db' }];
    expect(singleLabelName(metrics)).toBe(null);
    expect(autoLegend(metrics[0]!, null)).toBe('{code="200", job="api"}');
  });
});
