import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeep } from './json-body.ts';
import { testApp } from './test-helpers.ts';

const nestArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const nestObjects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('tooDeep', () => {
  it('passes a body as deep as the limit and names where a deeper one goes over', () => {
    expect(tooDeep(JSON.parse(nestArrays(MAX_JSON_DEPTH)))).toBeNull();
    expect(tooDeep(JSON.parse(nestArrays(MAX_JSON_DEPTH + 1)))).toBe('[0]'.repeat(MAX_JSON_DEPTH));
    expect(tooDeep({ dashboard: { panels: [{ x: 1 }, { 'a b': [[1]] }] } }, 4)).toBe(
      'dashboard.panels[1]."a b"',
    );
    expect(tooDeep('text')).toBeNull();
    expect(tooDeep(null)).toBeNull();
  });

  it('walks 100,000 levels of arrays or objects without overflowing the stack', () => {
    for (const text of [nestArrays(100_000), nestObjects(100_000)]) {
      const path = tooDeep(JSON.parse(text));
      expect(path?.length).toBeGreaterThan(MAX_JSON_DEPTH);
    }
  });
});

const HEADERS = {
  'Content-Type': 'application/json',
  Origin: 'http://localhost',
  'Sec-Fetch-Site': 'same-origin',
};

describe('deeply nested bodies on every write route', () => {
  const deep = { arrays: nestArrays(100_000), objects: nestObjects(100_000) };
  const bodies = (d: string): [string, string][] => [
    ['/api/dashboards/db', `{"dashboard":{"title":"T","uid":"ops","version":1,"panels":[${d}]}}`],
    ['/api/dashboards/db', `{"dashboard":{"title":"T","x":${d}}}`],
    ['/api/dashboards/import', `{"dashboard":{"title":"T","panels":[${d}]}}`],
    ['/api/dashboards/import', `{"dashboard":{"title":"T","templating":${d}}}`],
    ['/api/dashboards/import', `{"dashboard":{"title":"T"},"inputs":${d}}`],
    ['/api/dashboards/uid/ops/restore', `{"version":1,"x":${d}}`],
    ['/api/dashboards/uid/ops/restore', `{"version":${d}}`],
    ['/api/datasources', `{"url":${d}}`],
    ['/api/datasources', `{"url":"http://127.0.0.1:9090","name":${d}}`],
  ];

  for (const [kind, d] of Object.entries(deep)) {
    it(`answers 400 naming the nesting to 100,000 levels of ${kind}, and writes nothing`, async () => {
      const t = await testApp();
      const first = await t.request('/api/dashboards/db', {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({ dashboard: { uid: 'ops', title: 'Ops' } }),
      });
      expect(first.status).toBe(200);
      const writes = t.fs.writes.length;
      for (const [path, body] of bodies(d)) {
        const res = await t.request(path, { method: 'POST', headers: HEADERS, body });
        const answer = (await res.json()) as { errorType: string; error: string };
        expect({ path, status: res.status, errorType: answer.errorType }).toEqual({
          path,
          status: 400,
          errorType: 'bad_data',
        });
        expect(answer.error, path).toMatch(
          /^body: JSON nested more than 64 levels deep \(at [^)]{1,80}…\)$/,
        );
      }
      expect(t.fs.writes).toHaveLength(writes);
      expect(t.calls).toEqual([]); // no datasource was probed either
    });
  }

  it('still takes a real dashboard of ordinary depth', async () => {
    const t = await testApp();
    const res = await t.request('/api/dashboards/db', {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({
        dashboard: { title: 'T', panels: [{ fieldConfig: { defaults: { a: [[[[[[[1]]]]]]] } } }] },
      }),
    });
    expect(res.status).toBe(200);
  });
});
