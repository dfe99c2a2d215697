import { describe, expect, it } from 'vitest';
import type { Json } from './dashboard-edit.ts';
import {
  addPanel,
  addRow,
  applyLayout,
  blankDashboard,
  copyOf,
  duplicatePanel,
  findPanel,
  layoutItems,
  movePanel,
  nextPanelId,
  removePanel,
  replacePanel,
  resizePanel,
  rowPanelCount,
  sameJson,
  toggleRow,
  withIds,
} from './dashboard-edit.ts';

const panel = (id: number, x: number, y: number, w = 12, h = 8, extra: Json = {}): Json => ({
  id,
  type: 'timeseries',
  title: `P${id}`,
  gridPos: { x, y, w, h },
  ...extra,
});
const row = (id: number, y: number, extra: Json = {}): Json => ({
  id,
  type: 'row',
  title: `R${id}`,
  gridPos: { x: 0, y, w: 24, h: 1 },
  ...extra,
});
const dash = (panels: Json[], extra: Json = {}): Json => ({
  uid: 'u',
  title: 'T',
  panels,
  ...extra,
});
const ids = (d: Json) => (d.panels as Json[]).map((p) => p.id);
const grid = (d: Json, id: number) => (findPanel(d, id)!.gridPos as Json) ?? {};

describe('layout of the working copy', () => {
  it('rows are full width and one high, whatever the JSON says, and the grid is compacted', () => {
    const d = dash([row(1, 3, { gridPos: { x: 5, y: 3, w: 3, h: 7 } }), panel(2, 0, 10)]);
    expect(layoutItems(d)).toEqual([
      { id: 1, x: 0, y: 0, w: 24, h: 1, row: true },
      { id: 2, x: 0, y: 1, w: 12, h: 8, row: false },
    ]);
  });

  it('moving writes gridPos and sorts the panels by position, keeping unknown fields', () => {
    const d = dash(
      [panel(1, 0, 0, 12, 8, { pluginVersion: '10.1', custom: { a: 1 } }), panel(2, 0, 8)],
      {
        weird: [1, 2],
      },
    );
    const out = movePanel(d, 1, 0, 9);
    expect(ids(out)).toEqual([2, 1]);
    expect(grid(out, 1)).toEqual({ x: 0, y: 8, w: 12, h: 8 });
    expect(grid(out, 2)).toEqual({ x: 0, y: 0, w: 12, h: 8 });
    expect(findPanel(out, 1)).toMatchObject({ pluginVersion: '10.1', custom: { a: 1 } });
    expect(out.weird).toEqual([1, 2]);
    // The loaded copy is untouched.
    expect(grid(d, 1)).toEqual({ x: 0, y: 0, w: 12, h: 8 });
  });

  it('resizing writes w and h and pushes the panel below down', () => {
    const out = resizePanel(dash([panel(1, 0, 0), panel(2, 0, 8, 24, 4)]), 1, 18, 10);
    expect(grid(out, 1)).toEqual({ x: 0, y: 0, w: 18, h: 10 });
    expect(grid(out, 2)).toEqual({ x: 0, y: 10, w: 24, h: 4 });
  });

  it('a panel dragged below a row joins it; dragged above, it leaves it', () => {
    const d = dash([panel(1, 0, 0, 24, 4), row(2, 4), panel(3, 0, 5, 24, 4)]);
    expect(rowPanelCount(d, 2)).toBe(1);
    const into = movePanel(d, 1, 0, 6);
    expect(ids(into)).toEqual([2, 1, 3]);
    expect(rowPanelCount(into, 2)).toBe(2);
    const out = movePanel(d, 3, 0, 0);
    expect(ids(out)).toEqual([3, 1, 2]);
    expect(rowPanelCount(out, 2)).toBe(0);
  });

  it('applyLayout leaves a panel object as it is when its place did not change', () => {
    const d = dash([panel(1, 0, 0), panel(2, 12, 0)]);
    const out = applyLayout(d, layoutItems(d));
    expect((out.panels as Json[])[0]).toBe((d.panels as Json[])[0]);
  });
});

describe('adding, duplicating and removing', () => {
  it('a new panel is a timeseries with query A at the top left; the rest move down', () => {
    const { dashboard, id } = addPanel(dash([panel(4, 0, 0, 24, 6)]));
    expect(id).toBe(5);
    expect(findPanel(dashboard, 5)).toMatchObject({
      type: 'timeseries',
      targets: [{ refId: 'A', expr: '' }],
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
    });
    expect(grid(dashboard, 4)).toEqual({ x: 0, y: 8, w: 24, h: 6 });
    expect(ids(dashboard)).toEqual([5, 4]);
  });

  it('a given panel keeps its queries and gets a fresh id', () => {
    const given = {
      type: 'timeseries',
      id: 1,
      targets: [{ refId: 'A', expr: 'up' }],
      gridPos: { w: 24, h: 9 },
    };
    const { dashboard, id } = addPanel(dash([panel(1, 0, 0)]), given);
    expect(id).toBe(2);
    expect(findPanel(dashboard, 2)).toMatchObject({
      targets: [{ expr: 'up' }],
      gridPos: { x: 0, y: 0, w: 24, h: 9 },
    });
    expect(grid(dashboard, 1)).toMatchObject({ y: 9 });
  });

  it('ids count the panels inside collapsed rows', () => {
    const d = dash([row(1, 0, { collapsed: true, panels: [panel(9, 0, 1)] })]);
    expect(nextPanelId(d)).toBe(10);
  });

  it('a new row goes at the bottom, open and empty', () => {
    const { dashboard, id } = addRow(dash([panel(1, 0, 0, 12, 5)]));
    expect(findPanel(dashboard, id)).toMatchObject({
      type: 'row',
      collapsed: false,
      panels: [],
      gridPos: { x: 0, y: 5, w: 24, h: 1 },
    });
  });

  it('duplicating puts the copy beside the original when it fits, else below', () => {
    const d = dash([
      panel(1, 0, 0, 8, 6, { targets: [{ refId: 'A', expr: 'up' }] }),
      panel(2, 0, 6, 24, 3),
    ]);
    const beside = duplicatePanel(d, 1);
    expect(beside.id).toBe(3);
    expect(grid(beside.dashboard, 3)).toEqual({ x: 8, y: 0, w: 8, h: 6 });
    expect(findPanel(beside.dashboard, 3)!.targets).toEqual([{ refId: 'A', expr: 'up' }]);
    // A deep copy: editing the copy's queries does not touch the original's.
    expect(findPanel(beside.dashboard, 3)!.targets).not.toBe(findPanel(d, 1)!.targets);

    const wide = duplicatePanel(dash([panel(1, 0, 0, 16, 6), panel(2, 0, 6, 24, 3)]), 1);
    expect(grid(wide.dashboard, 3)).toEqual({ x: 0, y: 6, w: 16, h: 6 });
    expect(grid(wide.dashboard, 2)).toEqual({ x: 0, y: 12, w: 24, h: 3 });
  });

  it('removing a panel lets the ones below float up', () => {
    const out = removePanel(dash([panel(1, 0, 0), panel(2, 0, 8)]), 1);
    expect(ids(out)).toEqual([2]);
    expect(grid(out, 2)).toMatchObject({ y: 0 });
  });

  it('removing an open row removes its panels too, or only the row', () => {
    const d = dash([panel(1, 0, 0, 24, 2), row(2, 2), panel(3, 0, 3), row(4, 11), panel(5, 0, 12)]);
    expect(ids(removePanel(d, 2))).toEqual([1, 4, 5]);
    expect(ids(removePanel(d, 2, true))).toEqual([1, 3, 4, 5]);
  });

  it('removing a collapsed row keeping its panels puts them back on the grid', () => {
    const d = dash([
      row(1, 0, { collapsed: true, panels: [panel(2, 0, 1)] }),
      panel(3, 0, 1, 24, 2),
    ]);
    expect(ids(removePanel(d, 1))).toEqual([3]);
    expect(ids(removePanel(d, 1, true)).sort()).toEqual([2, 3]);
  });
});

describe('toggleRow', () => {
  const d = dash([
    row(1, 0),
    panel(2, 0, 1, 12, 4),
    panel(3, 12, 1, 12, 6),
    row(4, 7),
    panel(5, 0, 8, 24, 3),
  ]);

  it('closing a row moves its panels into it and pulls what is below up', () => {
    const closed = toggleRow(d, 1);
    expect(ids(closed)).toEqual([1, 4, 5]);
    expect(findPanel(closed, 1)).toMatchObject({ collapsed: true });
    expect(((findPanel(closed, 1)!.panels as Json[]) ?? []).map((p) => p.id)).toEqual([2, 3]);
    expect(grid(closed, 4)).toMatchObject({ y: 1 });
    expect(grid(closed, 5)).toMatchObject({ y: 2 });
  });

  it('opening it again gives back the same layout', () => {
    const again = toggleRow(toggleRow(d, 1), 1);
    expect(ids(again)).toEqual([1, 2, 3, 4, 5]);
    for (const id of [2, 3, 4, 5]) expect(grid(again, id)).toEqual(grid(d, id));
    expect(findPanel(again, 1)).toMatchObject({ collapsed: false, panels: [] });
  });

  it('a row moved while closed opens with its panels right under it', () => {
    const closed = toggleRow(d, 1);
    const moved = movePanel(closed, 1, 0, 5); // below row 4 and its panel
    expect(ids(moved)).toEqual([4, 5, 1]);
    const opened = toggleRow(moved, 1);
    const rowY = (grid(opened, 1).y as number) + 1;
    expect(grid(opened, 2)).toMatchObject({ y: rowY });
    expect(grid(opened, 3)).toMatchObject({ y: rowY });
  });
});

describe('replacePanel, withIds, copies', () => {
  it('an edited panel replaces the one with its id, keeping its place, even inside a row', () => {
    const d = dash([row(1, 0, { collapsed: true, panels: [panel(2, 0, 1)] }), panel(3, 0, 1)]);
    const out = replacePanel(d, {
      ...panel(2, 5, 5),
      title: 'Edited',
      gridPos: { x: 9, y: 9, w: 1, h: 1 },
    });
    expect(findPanel(out, 2)).toMatchObject({
      title: 'Edited',
      gridPos: { x: 0, y: 1, w: 12, h: 8 },
    });
    expect(findPanel(out, 3)).toBe(findPanel(d, 3));
  });

  it('panels without an id get fresh ones; a dashboard where all have one is left as is', () => {
    const d = dash([
      { type: 'text', gridPos: {} },
      panel(7, 0, 0),
      row(8, 9, { panels: [{ type: 'stat' }] }),
    ]);
    const out = withIds(d);
    expect(ids(out)).toEqual([9, 7, 8]);
    expect((findPanel(out, 8)!.panels as Json[])[0]!.id).toBe(10);
    const all = dash([panel(1, 0, 0)]);
    expect(withIds(all)).toBe(all);
  });

  it('a copy has a new title and no uid, id or version', () => {
    expect(copyOf({ id: 3, uid: 'a', version: 4, title: 'A', tags: ['x'] }, 'B')).toEqual({
      title: 'B',
      tags: ['x'],
    });
  });

  it('a blank dashboard has a title, no uid and no panels', () => {
    expect(blankDashboard()).toMatchObject({ title: 'New dashboard', uid: '', panels: [] });
  });

  it('sameJson compares content', () => {
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });
});
