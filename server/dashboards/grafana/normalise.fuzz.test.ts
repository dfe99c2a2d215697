// Property tests (fast-check) for Grafana import: arbitrary JSON and dashboard-shaped
// structures with wrong types and hostile strings. The import either succeeds with a valid
// dashboard or refuses with a 400 naming the bad field; it never crashes with a 5xx.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test-helpers.ts';
import { normaliseDashboard } from './normalise.ts';
import { ImportError } from './types.ts';

const HOSTILE = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '</script>',
  'javascript:alert(1)',
  '${DS_X}',
  '$__all',
  '../../etc/passwd',
  '',
  '\u0000',
  '__proto__',
  'constructor',
);
const anyValue = fc.oneof(HOSTILE, fc.jsonValue({ maxDepth: 1 }));
const panel = fc.record(
  {
    id: fc.oneof(fc.integer(), anyValue),
    type: fc.oneof(
      fc.constantFrom(
        'graph',
        'singlestat',
        'timeseries',
        'stat',
        'row',
        'table-old',
        'heatmap',
        'text',
        'weird-plugin',
      ),
      anyValue,
    ),
    title: anyValue,
    gridPos: fc.oneof(
      fc.record({ x: fc.integer(), y: fc.integer(), w: fc.integer(), h: fc.integer() }),
      anyValue,
    ),
    targets: fc.oneof(
      fc.array(
        fc.record(
          { expr: anyValue, refId: anyValue, legendFormat: anyValue },
          { requiredKeys: [] },
        ),
      ),
      anyValue,
    ),
    datasource: anyValue,
    fieldConfig: anyValue,
    options: anyValue,
    panels: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.record({ type: anyValue, title: anyValue }, { requiredKeys: [] })),
    ),
    yaxes: anyValue,
    thresholds: anyValue,
  },
  { requiredKeys: [] },
);
const dashboard = fc.record(
  {
    title: anyValue,
    uid: anyValue,
    schemaVersion: fc.oneof(fc.integer({ min: 0, max: 45 }), anyValue),
    panels: fc.oneof(fc.array(panel, { maxLength: 4 }), anyValue),
    rows: fc.oneof(
      fc.array(
        fc.record(
          { panels: fc.oneof(fc.array(panel, { maxLength: 2 }), anyValue), title: anyValue },
          { requiredKeys: [] },
        ),
      ),
      anyValue,
    ),
    templating: fc.oneof(
      fc.record({
        list: fc.oneof(
          fc.array(
            fc.dictionary(
              fc.constantFrom('name', 'type', 'query', 'current', 'options', 'datasource'),
              anyValue,
            ),
          ),
          anyValue,
        ),
      }),
      anyValue,
    ),
    __inputs: anyValue,
    time: anyValue,
    tags: anyValue,
  },
  { requiredKeys: [] },
);

describe('Grafana import, fuzzed', () => {
  it('normaliseDashboard throws only ImportError, naming a field', () => {
    fc.assert(
      fc.property(fc.oneof(dashboard, fc.jsonValue({ maxDepth: 3 })), (input) => {
        try {
          const out = normaliseDashboard(input);
          expect(Array.isArray(out.dashboard.panels)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
          expect((err as Error).message).toMatch(/^[\w.[\]]+: /);
        }
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it('POST /api/dashboards/import answers 200 or a 4xx, never a 5xx', async () => {
    const t = await testApp();
    await fc.assert(
      fc.asyncProperty(fc.oneof(dashboard, fc.jsonValue({ maxDepth: 3 })), async (input) => {
        const res = await t.request('/api/dashboards/import', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
          body: JSON.stringify({ dashboard: input, overwrite: true }),
        });
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { message?: string; error?: string };
        if (res.status >= 400) expect(body.message ?? body.error).toBeTruthy();
      }),
      { numRuns: 200, seed: 22 },
    );
  });
});
