import { describe, expect, it } from 'vitest';
import type { Panel } from '../../model/model.ts';
import type { RowPanel } from './rows.ts';
import { layoutPanels, rowSize } from './rows.ts';

const panel = (id: number, y: number, h = 4, x = 0): Panel => ({
  id,
  type: 'timeseries',
  title: `p${id}`,
  gridPos: { x, y, w: 12, h },
  targets: [],
  fieldConfig: { defaults: {} },
  options: {},
});
const row = (id: number, y: number, extra: Partial<RowPanel> = {}): RowPanel => ({
  ...panel(id, y, 1),
  type: 'row',
  ...extra,
});
const ys = (ps: Panel[]) => ps.map((p) => `${p.id}@${p.gridPos.y}`);

describe('layoutPanels', () => {
  // p1 above any row; row 10 open with p2, p3; row 20 collapsed holding p4 (stored at y 40).
  const dash: Panel[] = [
    panel(1, 0),
    row(10, 4),
    panel(2, 5),
    panel(3, 5, 6, 12),
    row(20, 11, { collapsed: true, panels: [panel(4, 40, 8)] }),
  ];

  it('draws open rows with their panels and closed rows alone', () => {
    expect(ys(layoutPanels(dash, new Set()))).toEqual(['1@0', '10@4', '2@5', '3@5', '20@11']);
  });

  it('opening a closed row places its panels under it and moves nothing above', () => {
    expect(ys(layoutPanels(dash, new Set([20])))).toEqual([
      '1@0',
      '10@4',
      '2@5',
      '3@5',
      '20@11',
      '4@12',
    ]);
  });

  it('closing an open row pulls the rows below up by its height', () => {
    expect(ys(layoutPanels(dash, new Set([10])))).toEqual(['1@0', '10@4', '20@5']);
  });

  it('counts the panels a row holds, open or closed', () => {
    expect(rowSize(dash, 10)).toBe(2);
    expect(rowSize(dash, 20)).toBe(1);
  });

  it('leaves a dashboard without rows as it is', () => {
    const flat = [panel(1, 0), panel(2, 0, 4, 12), panel(3, 4)];
    expect(ys(layoutPanels(flat, new Set()))).toEqual(['1@0', '2@0', '3@4']);
  });
});
