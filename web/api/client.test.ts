import { describe, expect, it } from 'vitest';
import { promUrl, rangeSearchParams, upstreamDuration } from './client.ts';

describe('upstreamDuration', () => {
  it("reads the proxy's Server-Timing entry", () => {
    expect(upstreamDuration('upstream;dur=12.3')).toBe(12.3);
    expect(upstreamDuration('cache;desc="hit", upstream;desc="prom";dur=4')).toBe(4);
  });

  it('is undefined without one', () => {
    expect(upstreamDuration(null)).toBeUndefined();
    expect(upstreamDuration('db;dur=3')).toBeUndefined();
  });
});

describe('promUrl', () => {
  it('goes through the proxy with the datasource uid escaped and the parameters encoded', () => {
    const url = promUrl(
      'a/b',
      'query_range',
      rangeSearchParams({ query: 'sum(rate(x{a="1"}[5m]))', start: 1, end: 61, step: 15 }),
    );
    expect(url).toBe(
      '/api/datasources/proxy/uid/a%2Fb/api/v1/query_range?query=sum%28rate%28x%7Ba%3D%221%22%7D%5B5m%5D%29%29&start=1&end=61&step=15',
    );
    expect(new URL(url, 'http://x').searchParams.get('query')).toBe('sum(rate(x{a="1"}[5m]))');
  });

  it('has no query string without parameters', () => {
    expect(promUrl('prom', 'metadata', {})).toBe('/api/datasources/proxy/uid/prom/api/v1/metadata');
  });
});
