// The layout maths of edit mode (pure), after react-grid-layout as Grafana uses it: a grid of
// 24 columns and rows of 30 px, items in whole cells, vertical compaction (everything floats
// up until it meets something), and a moved or resized item pushes what it lands on down.
// https://github.com/react-grid-layout/react-grid-layout/blob/master/lib/utils.js
// Items are never mutated: every function answers a new layout.

export const COLUMNS = 24;

export interface Item {
  id: number;
  x: number; // column, 0-based
  y: number; // row, 0-based
  w: number; // columns
  h: number; // rows
}

export const collides = (a: Item, b: Item): boolean =>
  a.id !== b.id && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The layout's height in rows. */
export const bottom = (items: readonly Item[]): number =>
  items.reduce((m, i) => Math.max(m, i.y + i.h), 0);

/** Top to bottom, then left to right: Grafana's order of panels in the JSON. */
export const byPosition = (a: Item, b: Item): number => a.y - b.y || a.x - b.x;

/** Whole cells inside the grid: at least 1×1, no wider than the grid, never left of column 0. */
export function clampItem<T extends Item>(item: T, cols = COLUMNS): T {
  const w = Math.min(cols, Math.max(1, Math.round(item.w)));
  const h = Math.max(1, Math.round(item.h));
  const x = Math.min(cols - w, Math.max(0, Math.round(item.x)));
  const y = Math.max(0, Math.round(item.y));
  return { ...item, x, y, w, h };
}

/** Every item floats up as far as it can, in top-to-bottom order; the order never changes. */
export function compact<T extends Item>(items: readonly T[]): T[] {
  const placed: T[] = [];
  for (const item of [...items].sort(byPosition)) {
    let y = Math.min(item.y, bottom(placed));
    while (y > 0 && !placed.some((p) => collides(p, { ...item, y: y - 1 }))) y--;
    // Still on something (it started lower than a taller item above it): go below it.
    for (let hit = placed.find((p) => collides(p, { ...item, y })); hit; ) {
      y = hit.y + hit.h;
      hit = placed.find((p) => collides(p, { ...item, y }));
    }
    placed.push({ ...item, y });
  }
  return placed;
}

/**
 * Puts `fixed` where it is and moves every item it lands on out of its way: one that starts
 * above the fixed item's top goes up, over it, when there is room (dragging a panel down past
 * the top of the next one swaps them, as in Grafana); anything else goes down below it,
 * pushing what it lands on in turn.
 */
function makeRoom<T extends Item>(items: readonly T[], fixed: T, allowSwap: boolean): T[] {
  let layout = items.map((i) => (i.id === fixed.id ? fixed : i));
  const push = (mover: T, swap: boolean) => {
    const hits = layout.filter((i) => collides(i, mover)).sort(byPosition);
    for (const hit of hits) {
      const current = layout.find((i) => i.id === hit.id)!;
      if (!collides(current, mover)) continue; // an earlier push moved it already
      if (swap && current.y < mover.y) {
        const up = { ...current, y: Math.max(0, mover.y - current.h) };
        if (!layout.some((i) => collides(i, up))) {
          layout = layout.map((i) => (i.id === up.id ? up : i));
          continue;
        }
      }
      const down = { ...current, y: mover.y + mover.h };
      layout = layout.map((i) => (i.id === down.id ? down : i));
      push(down, false);
    }
  };
  push(fixed, allowSwap);
  return layout;
}

/** Moves item `id` to column `x`, row `y` (clamped to the grid), then compacts. */
export function moveItem<T extends Item>(items: readonly T[], id: number, x: number, y: number) {
  const item = items.find((i) => i.id === id);
  if (!item) return compact(items);
  const moved = clampItem({ ...item, x, y });
  return compact(makeRoom(items, moved, moved.y > item.y));
}

/** Gives item `id` a new size in cells (clamped to the grid), then compacts. */
export function resizeItem<T extends Item>(items: readonly T[], id: number, w: number, h: number) {
  const item = items.find((i) => i.id === id);
  if (!item) return compact(items);
  const sized = clampItem({ ...item, w: Math.min(w, COLUMNS - item.x), h });
  return compact(makeRoom(items, sized, false));
}

/** A new item goes to the top left corner and pushes the rest down, as Grafana's "Add panel". */
export function insertTop<T extends Item>(items: readonly T[], item: T): T[] {
  const top = clampItem({ ...item, x: 0, y: 0 });
  return compact([top, ...items.map((i) => ({ ...i, y: i.y + top.h }))]);
}

/** Grid cell under a point, from the grid's box: columns share the width, rows are 30 px. */
export function cellAt(
  px: number, // px from the grid's left edge
  py: number, // px from the grid's top edge
  gridWidth: number, // px
  gap: number, // px between cells
  rowHeight = 30, // px
  cols = COLUMNS,
): { x: number; y: number } {
  const colWidth = (gridWidth - gap * (cols - 1)) / cols;
  return { x: Math.round(px / (colWidth + gap)), y: Math.round(py / (rowHeight + gap)) };
}
