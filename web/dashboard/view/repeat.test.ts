import { describe, expect, it } from 'vitest';
import type { Panel } from '../../model/model.ts';
import type { Scope, ScopedVariable } from '../../variables/format.ts';
import { interpolateVariables } from '../../variables/format.ts';
import { type RepeatedPanel, repeatPanels } from './repeat.ts';

const panel = (id: number, x: number, y: number, w: number, h: number, extra = {}): Panel =>
  ({
    id,
    type: 'timeseries',
    title: `P${id} $host`,
    gridPos: { x, y, w, h },
    targets: [{ refId: 'A', expr: 'up{instance=~"$host"}' }],
    fieldConfig: { defaults: {} },
    options: {},
    ...extra,
  }) as Panel;

const hosts = (...values: string[]): ScopedVariable => ({
  values,
  text: values.join(' + '),
  regex: true,
});
const scopeWith = (...values: string[]): Scope => new Map([['host', hosts(...values)]]);
const pos = (ps: Panel[]) => ps.map((p) => [p.id, p.gridPos.x, p.gridPos.y, p.gridPos.w]);

describe('repeatPanels', () => {
  it('leaves a dashboard without repeats as it is', () => {
    const panels = [panel(1, 0, 0, 12, 8)];
    expect(repeatPanels(panels, scopeWith('a', 'b'))).toBe(panels);
  });

  it('side by side: as wide as the count allows, at most maxPerRow (4) to a line', () => {
    const three = repeatPanels(
      [panel(1, 0, 0, 8, 5, { repeat: 'host' })],
      scopeWith('a', 'b', 'c'),
    );
    expect(pos(three)).toEqual([
      [1, 0, 0, 8],
      [1001, 8, 0, 8],
      [1002, 16, 0, 8],
    ]);
    const six = repeatPanels([panel(2, 0, 0, 8, 5, { repeat: 'host' })], scopeWith(...'abcdef'));
    expect(pos(six).map(([, x, y, w]) => [x, y, w])).toEqual([
      [0, 0, 6],
      [6, 0, 6],
      [12, 0, 6],
      [18, 0, 6],
      [0, 5, 6],
      [6, 5, 6],
    ]);
    const two = repeatPanels(
      [panel(3, 0, 0, 8, 5, { repeat: 'host', maxPerRow: 2 })],
      scopeWith('a', 'b', 'c'),
    );
    expect(pos(two).map(([, x, y, w]) => [x, y, w])).toEqual([
      [0, 0, 12],
      [12, 0, 12],
      [0, 5, 12],
    ]);
  });

  it('each copy has its own value: its title and query say it', () => {
    const copies = repeatPanels(
      [panel(1, 0, 0, 8, 5, { repeat: 'host' })],
      scopeWith('a.1', 'b'),
    ) as RepeatedPanel[];
    expect(copies.map((c) => interpolateVariables(c.title, c.repeatScope!, 'text'))).toEqual([
      'P1 a.1',
      'P1 b',
    ]);
    expect(
      interpolateVariables(copies[0]!.targets[0]!.expr, copies[0]!.repeatScope!, 'promql'),
    ).toBe('up{instance=~"a\\\\.1"}');
    expect(copies.map((c) => c.repeatOf)).toEqual([1, 1]);
  });

  it('one under the other, and what was below moves down by the room they take', () => {
    const out = repeatPanels(
      [
        panel(1, 0, 0, 12, 4, { repeat: 'host', repeatDirection: 'v' }),
        panel(2, 12, 0, 12, 4),
        panel(3, 0, 4, 24, 6),
      ],
      scopeWith('a', 'b', 'c'),
    );
    expect(pos(out)).toEqual([
      [1, 0, 0, 12],
      [1001, 0, 4, 12],
      [1002, 0, 8, 12],
      [2, 12, 0, 12],
      [3, 0, 12, 24],
    ]);
  });

  it('repeats inside a collapsed row; an unknown or empty variable leaves the panel alone', () => {
    const row = {
      ...panel(10, 0, 0, 24, 1),
      type: 'row',
      collapsed: true,
      panels: [panel(11, 0, 1, 12, 4, { repeat: 'host' })],
    } as Panel;
    const [expandedRow] = repeatPanels([row], scopeWith('a', 'b'));
    expect((expandedRow as unknown as { panels: Panel[] }).panels.map((p) => p.id)).toEqual([
      11, 11001,
    ]);
    const lone = [panel(1, 0, 0, 8, 5, { repeat: 'nope' })];
    expect(pos(repeatPanels(lone, scopeWith('a')))).toEqual([[1, 0, 0, 8]]);
    expect(pos(repeatPanels([panel(1, 0, 0, 8, 5, { repeat: 'host' })], scopeWith()))).toEqual([
      [1, 0, 0, 8],
    ]);
  });
});

describe('repeating rows', () => {
  const row = (id: number, y: number, extra = {}): Panel =>
    ({ ...panel(id, 0, y, 24, 1), type: 'row', title: 'Row $host', ...extra }) as Panel;

  it('copies an open row with its panels once per value; what follows moves down', () => {
    const out = repeatPanels(
      [row(1, 0, { repeat: 'host' }), panel(2, 0, 1, 12, 4), panel(3, 12, 1, 12, 4), row(4, 5)],
      scopeWith('a', 'b'),
    ) as RepeatedPanel[];
    expect(out.map((p) => [p.id, p.gridPos.y])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [1001, 5],
      [2001, 6],
      [3001, 6],
      [4, 10],
    ]);
    const titleOf = (p: RepeatedPanel) => interpolateVariables(p.title, p.repeatScope!, 'text');
    expect(out.slice(0, 6).map(titleOf)).toEqual([
      'Row a',
      'P2 a',
      'P3 a',
      'Row b',
      'P2 b',
      'P3 b',
    ]);
    expect(out[6]!.repeatScope).toBeUndefined();
  });

  it('copies a collapsed row with the panels it carries, each copy with its own value', () => {
    const out = repeatPanels(
      [row(1, 0, { repeat: 'host', collapsed: true, panels: [panel(2, 0, 1, 24, 4)] }), row(3, 1)],
      scopeWith('a', 'b', 'c'),
    ) as (RepeatedPanel & { panels?: RepeatedPanel[] })[];
    expect(out.map((p) => [p.id, p.gridPos.y])).toEqual([
      [1, 0],
      [1001, 1],
      [1002, 2],
      [3, 3],
    ]);
    expect(
      out
        .slice(0, 3)
        .map((r) => interpolateVariables(r.panels![0]!.title, r.panels![0]!.repeatScope!, 'text')),
    ).toEqual(['P2 a', 'P2 b', 'P2 c']);
  });
});
