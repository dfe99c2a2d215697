import { describe, expect, it } from 'vitest';
import type { Panel } from '../model/model.ts';
import { interpolatePanel } from './apply.ts';
import type { ScopedVariable } from './format.ts';

const multi: ScopedVariable = {
  values: ['/a', '/b.c'],
  text: '/a + /b.c',
  regex: true,
  array: true,
};
const scope = new Map<string, ScopedVariable>([
  ['route', multi],
  ['ds', { values: ['thanos'], text: 'Thanos', regex: false }],
]);

const panel: Panel = {
  id: 1,
  type: 'timeseries',
  title: 'Rate of $route',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  datasource: { type: 'prometheus', uid: '${ds}' },
  targets: [
    {
      refId: 'A',
      expr: 'sum(rate(x{route=~"$route"}[$__rate_interval]))',
      legendFormat: '{{route}} on $ds',
    },
  ],
  fieldConfig: { defaults: {} },
  options: { content: '# $route' } as Panel['options'],
};

describe('interpolatePanel', () => {
  const out = interpolatePanel(panel, scope);
  it('fills queries with an escaped regex and leaves built-ins for the planner', () => {
    // Grafana's prometheusSpecialRegexEscape leaves `/` alone (RE2 needs no escape for it).
    expect(out.targets[0]?.expr).toBe('sum(rate(x{route=~"(/a|/b\\\\.c)"}[$__rate_interval]))');
  });
  it('gives the title the shown text, legends and the datasource the values', () => {
    expect(out.title).toBe('Rate of /a + /b.c');
    expect(out.targets[0]?.legendFormat).toBe('{{route}} on thanos');
    expect(out.datasource).toEqual({ type: 'prometheus', uid: 'thanos' });
  });
  it("gives a text panel's content HTML-escaped values, as Grafana's TextPanel", () => {
    expect((out.options as { content?: string }).content).toBe('# /a, /b.c');
    const html = interpolatePanel(
      { ...panel, options: { content: '$x' } as Panel['options'] },
      new Map([['x', { values: ['<b>'], text: '<b>', regex: false }]]),
    );
    expect((html.options as { content?: string }).content).toBe('&lt;b&gt;');
    const json = interpolatePanel(
      {
        ...panel,
        options: { mode: 'code', code: { language: 'json' }, content: '$route' },
      } as unknown as Panel,
      scope,
    );
    expect((json.options as { content?: string }).content).toBe('["/a","/b.c"]');
  });
  it('does not change the dashboard JSON', () => {
    expect(panel.targets[0]?.expr).toContain('$route');
    expect(panel.title).toBe('Rate of $route');
  });
});
