import { describe, expect, it } from 'vitest';
import type { Panel } from '../dashboard/model.ts';
import { interpolatePanel } from './apply.ts';
import type { ScopedVariable } from './format.ts';

const multi: ScopedVariable = { values: ['/a', '/b.c'], text: '/a + /b.c', regex: true };
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
    expect(out.targets[0]?.expr).toBe(
      'sum(rate(x{route=~"(\\\\/a|\\\\/b\\\\.c)"}[$__rate_interval]))',
    );
  });
  it('fills titles, legends, text and the datasource as text', () => {
    expect(out.title).toBe('Rate of {/a,/b.c}');
    expect(out.targets[0]?.legendFormat).toBe('{{route}} on thanos');
    expect(out.datasource).toEqual({ type: 'prometheus', uid: 'thanos' });
    expect((out.options as { content?: string }).content).toBe('# {/a,/b.c}');
  });
  it('does not change the dashboard JSON', () => {
    expect(panel.targets[0]?.expr).toContain('$route');
    expect(panel.title).toBe('Rate of $route');
  });
});
