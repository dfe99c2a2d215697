import { describe, expect, it } from 'vitest';
import type { Item } from './grid-layout.ts';
import {
  bottom,
  cellAt,
  clampItem,
  collides,
  compact,
  insertTop,
  moveItem,
  resizeItem,
} from './grid-layout.ts';

const it_ = (id: number, x: number, y: number, w: number, h: number): Item => ({ id, x, y, w, h });
const pos = (items: Item[]) =>
  Object.fromEntries(items.map((i) => [i.id, [i.x, i.y, i.w, i.h]] as const));

/** No two items overlap and all lie inside 24 columns. */
function valid(items: Item[]) {
  for (const a of items) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.x + a.w).toBeLessThanOrEqual(24);
    for (const b of items) expect(collides(a, b)).toBe(false);
  }
}

describe('collides', () => {
  it('overlapping boxes collide, touching ones do not, an item never collides with itself', () => {
    expect(collides(it_(1, 0, 0, 12, 8), it_(2, 11, 7, 4, 4))).toBe(true);
    expect(collides(it_(1, 0, 0, 12, 8), it_(2, 12, 0, 12, 8))).toBe(false);
    expect(collides(it_(1, 0, 0, 12, 8), it_(2, 0, 8, 12, 8))).toBe(false);
    expect(collides(it_(1, 0, 0, 12, 8), it_(1, 0, 0, 12, 8))).toBe(false);
  });
});

describe('compact', () => {
  it('floats every item up to the first thing above it', () => {
    const out = compact([it_(1, 0, 5, 12, 8), it_(2, 12, 20, 12, 4), it_(3, 0, 30, 24, 2)]);
    expect(pos(out)).toEqual({ 1: [0, 0, 12, 8], 2: [12, 0, 12, 4], 3: [0, 8, 24, 2] });
    valid(out);
  });

  it('keeps the top-to-bottom order and leaves a compact layout as it is', () => {
    const tight = [it_(1, 0, 0, 12, 8), it_(2, 12, 0, 12, 8), it_(3, 0, 8, 24, 1)];
    expect(pos(compact(tight))).toEqual(pos(tight));
    expect(compact(tight).map((i) => i.id)).toEqual([1, 2, 3]);
  });

  it('moves an item that starts on top of another below it', () => {
    const out = compact([it_(1, 0, 0, 12, 8), it_(2, 6, 4, 12, 4)]);
    expect(pos(out)[2]).toEqual([6, 8, 12, 4]);
    valid(out);
  });

  it('keeps extra fields (rows stay rows)', () => {
    const out = compact([{ ...it_(1, 0, 3, 24, 1), row: true }]);
    expect(out[0]).toEqual({ id: 1, x: 0, y: 0, w: 24, h: 1, row: true });
  });
});

describe('moveItem', () => {
  const stack = [it_(1, 0, 0, 12, 8), it_(2, 0, 8, 12, 8), it_(3, 12, 0, 12, 8)];

  it('dragging a panel onto the one below, not past its top, changes nothing', () => {
    expect(pos(moveItem(stack, 1, 0, 5))).toEqual(pos(stack));
  });

  it('dragging a panel past the top of the one below swaps them', () => {
    const out = moveItem(stack, 1, 0, 9);
    expect(pos(out)).toEqual({ 1: [0, 8, 12, 8], 2: [0, 0, 12, 8], 3: [12, 0, 12, 8] });
    valid(out);
  });

  it('a panel moved up pushes the panels it lands on down, in a chain', () => {
    const three = [it_(1, 0, 0, 24, 4), it_(2, 0, 4, 24, 4), it_(3, 0, 8, 24, 4)];
    const out = moveItem(three, 3, 0, 1);
    expect(pos(out)).toEqual({ 3: [0, 0, 24, 4], 1: [0, 4, 24, 4], 2: [0, 8, 24, 4] });
    valid(out);
  });

  it('moving sideways into a free column floats the panel up to the top', () => {
    const out = moveItem([it_(1, 0, 0, 12, 8), it_(2, 0, 8, 12, 8)], 2, 12, 8);
    expect(pos(out)).toEqual({ 1: [0, 0, 12, 8], 2: [12, 0, 12, 8] });
  });

  it('fills the gap left behind: what was below the moved panel moves up', () => {
    const out = moveItem(stack, 1, 12, 30);
    expect(pos(out)).toEqual({ 1: [12, 8, 12, 8], 2: [0, 0, 12, 8], 3: [12, 0, 12, 8] });
  });

  it('keeps the panel inside the 24 columns and above row 0', () => {
    const out = moveItem(stack, 3, 20, -5);
    expect(pos(out)[3]).toEqual([12, 0, 12, 8]);
    valid(out);
  });

  it('a full-width row moved between panels splits them', () => {
    const withRow = [it_(1, 0, 0, 24, 4), it_(2, 0, 4, 24, 4), it_(9, 0, 8, 24, 1)];
    const out = moveItem(withRow, 9, 0, 4);
    expect(pos(out)).toEqual({ 1: [0, 0, 24, 4], 9: [0, 4, 24, 1], 2: [0, 5, 24, 4] });
  });

  it('an unknown id only compacts', () => {
    expect(pos(moveItem([it_(1, 0, 3, 4, 4)], 7, 0, 0))).toEqual({ 1: [0, 0, 4, 4] });
  });

  it('never overlaps, whatever the drag (every cell of a small grid)', () => {
    const layout = [
      it_(1, 0, 0, 8, 5),
      it_(2, 8, 0, 16, 3),
      it_(3, 8, 3, 6, 6),
      it_(4, 0, 5, 8, 2),
      it_(5, 0, 9, 24, 1),
      it_(6, 14, 3, 10, 9),
    ];
    for (const id of [1, 3, 5, 6])
      for (let x = 0; x < 24; x += 3)
        for (let y = 0; y < 16; y += 2) {
          const out = moveItem(layout, id, x, y);
          valid(out);
          expect(out).toHaveLength(layout.length);
          // Sizes never change when moving.
          for (const i of out) {
            const was = layout.find((l) => l.id === i.id)!;
            expect([i.w, i.h]).toEqual([was.w, was.h]);
          }
        }
  });
});

describe('resizeItem', () => {
  it('growing a panel pushes the one below it down', () => {
    const out = resizeItem([it_(1, 0, 0, 12, 8), it_(2, 0, 8, 24, 4)], 1, 12, 12);
    expect(pos(out)).toEqual({ 1: [0, 0, 12, 12], 2: [0, 12, 24, 4] });
  });

  it('shrinking a panel lets the one below float up', () => {
    const out = resizeItem([it_(1, 0, 0, 12, 8), it_(2, 0, 8, 24, 4)], 1, 6, 3);
    expect(pos(out)).toEqual({ 1: [0, 0, 6, 3], 2: [0, 3, 24, 4] });
  });

  it('growing sideways into a neighbour pushes it down', () => {
    const out = resizeItem([it_(1, 0, 0, 12, 8), it_(2, 12, 0, 12, 8)], 1, 16, 8);
    expect(pos(out)).toEqual({ 1: [0, 0, 16, 8], 2: [12, 8, 12, 8] });
    valid(out);
  });

  it('keeps at least one cell and never passes the right edge', () => {
    const out = resizeItem([it_(1, 10, 0, 4, 4)], 1, 40, 0);
    expect(pos(out)).toEqual({ 1: [10, 0, 14, 1] });
  });
});

describe('insertTop', () => {
  it('puts the new item top left and pushes the rest down', () => {
    const out = insertTop([it_(1, 0, 0, 24, 4), it_(2, 0, 4, 12, 4)], it_(3, 5, 5, 12, 8));
    expect(pos(out)).toEqual({ 3: [0, 0, 12, 8], 1: [0, 8, 24, 4], 2: [0, 12, 12, 4] });
    valid(out);
  });
});

describe('clampItem, bottom and cellAt', () => {
  it('rounds to whole cells', () => {
    expect(clampItem(it_(1, 2.6, 3.4, 5.5, 0.2))).toEqual(it_(1, 3, 3, 6, 1));
  });

  it('bottom is the lowest edge in rows', () => {
    expect(bottom([it_(1, 0, 0, 4, 4), it_(2, 0, 10, 4, 3)])).toBe(13);
    expect(bottom([])).toBe(0);
  });

  it('maps pixels to the nearest cell: 24 columns sharing the width, 30 px rows, 8 px gaps', () => {
    // 1144 px wide with 8 px gaps: columns of 40 px, so a cell every 48 px; rows every 38 px.
    expect(cellAt(0, 0, 1144, 8)).toEqual({ x: 0, y: 0 });
    expect(cellAt(48 * 12, 38 * 8, 1144, 8)).toEqual({ x: 12, y: 8 });
    expect(cellAt(48 * 3 + 20, 38 * 2 + 20, 1144, 8)).toEqual({ x: 3, y: 3 });
  });
});
