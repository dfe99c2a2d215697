import { describe, expect, it } from 'vitest';
import { withLimit } from './limit.ts';

const BASE = '/api/datasources/proxy/uid/prom/api/v1';

describe('withLimit', () => {
  it('adds limit to series, labels and label values calls', () => {
    expect(withLimit(`${BASE}/labels?start=1`, undefined, 500).url).toBe(
      `${BASE}/labels?start=1&limit=500`,
    );
    expect(withLimit(`${BASE}/label/job/values`, undefined, 500).url).toBe(
      `${BASE}/label/job/values?limit=500`,
    );
    expect(withLimit(`http://x${BASE}/series?match%5B%5D=up`, undefined, 9).url).toBe(
      `http://x${BASE}/series?match%5B%5D=up&limit=9`,
    );
  });

  it('puts it in the form of a POST', () => {
    const { init } = withLimit(
      `${BASE}/series`,
      { method: 'POST', body: new URLSearchParams({ 'match[]': 'up' }) },
      7,
    );
    expect(String(init?.body)).toBe('match%5B%5D=up&limit=7');
  });

  it('leaves queries, metadata and a limit already set alone', () => {
    expect(withLimit(`${BASE}/query_range?query=up`, undefined, 5).url).toBe(
      `${BASE}/query_range?query=up`,
    );
    expect(withLimit(`${BASE}/metadata`, undefined, 5).url).toBe(`${BASE}/metadata`);
    expect(withLimit(`${BASE}/labels?limit=3`, undefined, 5).url).toBe(`${BASE}/labels?limit=3`);
  });
});
