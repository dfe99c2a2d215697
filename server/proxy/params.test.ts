import { describe, expect, it } from 'vitest';
import {
  normalisedParams,
  parseDurationParam,
  parseTimeParam,
  rangeCacheable,
  requestKey,
  withTimeout,
} from './params.ts';

describe('normalisedParams', () => {
  it('is the same for any key order, encoding, and GET query or POST form', () => {
    const a = normalisedParams('query=sum(up)&start=1&end=2&step=15');
    const b = normalisedParams('step=15&end=2&start=1&query=sum%28up%29');
    const c = normalisedParams('', 'end=2&query=sum(up)&step=15&start=1');
    const d = normalisedParams('step=15', 'query=sum(up)&end=2&start=1');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).toBe(a);
    expect(a).toBe('end=2&query=sum(up)&start=1&step=15');
  });

  it('reads + as a space, as Prometheus does', () => {
    expect(normalisedParams('query=a+b')).toBe(normalisedParams('query=a%20b'));
  });

  it('keeps the order of a repeated key and tells different values apart', () => {
    expect(normalisedParams('match[]=b&x=1&match[]=a')).toBe('match%5B%5D=b&match%5B%5D=a&x=1');
    expect(normalisedParams('query=up&step=15')).not.toBe(normalisedParams('query=up&step=30'));
  });

  it('makes keys per datasource and endpoint', () => {
    const p = normalisedParams('query=up');
    expect(requestKey('a', 'query', p)).not.toBe(requestKey('b', 'query', p));
    expect(requestKey('a', 'query', p)).not.toBe(requestKey('a', 'query_range', p));
  });
});

describe('parameter values', () => {
  it.each([
    ['15', 15],
    ['0.5', 0.5],
    ['1m30s', 90],
    ['500ms', 0.5],
    ['2h', 7200],
    ['1d', 86400],
  ])('duration %s → %s s', (text, seconds) => {
    expect(parseDurationParam(text)).toBe(seconds);
  });

  it.each(['', 'abc', '-1', '1x', null])('duration %s → undefined', (text) => {
    expect(parseDurationParam(text)).toBeUndefined();
  });

  it('reads unix seconds and RFC 3339 times', () => {
    expect(parseTimeParam('1700000000')).toBe(1700000000);
    expect(parseTimeParam('1700000000.5')).toBe(1700000000.5);
    expect(parseTimeParam('2023-11-14T22:13:20Z')).toBe(1700000000);
    expect(parseTimeParam('now')).toBeUndefined();
  });
});

describe('rangeCacheable', () => {
  const now = 1_699_999_200; // s, a whole hour
  const range = (start: number, end: number, step: number | string) =>
    new URLSearchParams({
      query: 'up',
      start: String(start),
      end: String(end),
      step: String(step),
    });

  it('takes an aligned range that ended before the fresh horizon', () => {
    expect(rangeCacheable(range(now - 3600, now - 600, 60), now, 300)).toBe(true);
    expect(rangeCacheable(range(now - 3600, now - 600, '1m'), now, 300)).toBe(true);
  });

  it('refuses a range touching the freshest minutes', () => {
    expect(rangeCacheable(range(now - 3600, now - 240, 60), now, 300)).toBe(false);
    expect(rangeCacheable(range(now - 3600, now, 60), now, 300)).toBe(false);
  });

  it('keeps two steps away from now when the step is longer than the horizon', () => {
    const hour = 3600;
    expect(rangeCacheable(range(now - 100 * hour, now - hour, hour), now, 300)).toBe(false);
    expect(rangeCacheable(range(now - 100 * hour, now - 2 * hour, hour), now, 300)).toBe(true);
  });

  it('refuses unaligned, missing or nonsense bounds', () => {
    expect(rangeCacheable(range(now - 3601, now - 600, 60), now, 300)).toBe(false);
    expect(rangeCacheable(range(now - 3600, now - 601, 60), now, 300)).toBe(false);
    expect(rangeCacheable(range(now - 3600, now - 600, 0), now, 300)).toBe(false);
    expect(rangeCacheable(new URLSearchParams({ query: 'up' }), now, 300)).toBe(false);
    expect(rangeCacheable(range(now - 600, now - 3600, 60), now, 300)).toBe(false);
  });
});

describe('withTimeout', () => {
  it('adds timeout to the GET query and keeps the rest byte for byte', () => {
    expect(withTimeout('query=a%20b&x=%2B+y', undefined, 29_000)).toEqual({
      query: 'query=a%20b&x=%2B+y&timeout=29000ms',
      form: undefined,
    });
    expect(withTimeout('', undefined, 29_000).query).toBe('timeout=29000ms');
  });

  it('adds it to the POST form, where it wins over the URL', () => {
    expect(withTimeout('', 'query=up', 5_000)).toEqual({
      query: '',
      form: 'query=up&timeout=5000ms',
    });
  });

  it("keeps the client's smaller timeout", () => {
    expect(withTimeout('query=up&timeout=5s', undefined, 29_000).query).toBe('query=up&timeout=5s');
    expect(withTimeout('timeout=2', 'query=up', 29_000)).toEqual({
      query: 'timeout=2',
      form: 'query=up',
    });
  });

  it("replaces the client's larger timeout wherever it was", () => {
    expect(withTimeout('query=up&timeout=10m&x=1', undefined, 29_000).query).toBe(
      'query=up&x=1&timeout=29000ms',
    );
    expect(withTimeout('timeout=1h', 'query=up&timeout=1h', 29_000)).toEqual({
      query: '',
      form: 'query=up&timeout=29000ms',
    });
  });

  it('leaves an unreadable timeout for Prometheus to refuse', () => {
    expect(withTimeout('timeout=soon', undefined, 29_000).query).toBe('timeout=soon');
  });
});
