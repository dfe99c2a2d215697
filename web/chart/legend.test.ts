import { describe, expect, it } from 'vitest';
import { formatLegend } from './legend.ts';

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

  it('prints a bare name with empty braces, as the Prometheus UI does', () => {
    expect(formatLegend(undefined, { __name__: 'up' })).toBe('up{}');
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
