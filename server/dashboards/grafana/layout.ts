// Grid layout repair: unique panel ids, gridPos for panels without one, and the vertical
// compaction Grafana's grid applies on load (react-grid-layout `compactType: 'vertical'`,
// https://github.com/react-grid-layout/react-grid-layout/blob/master/lib/utils.js), so no two
// panels overlap. Grid model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/#panels
import { isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { GRID_COLUMN_COUNT, gridHeight } from './rows.ts';
import type { Json } from './types.ts';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every panel (nested in collapsed rows too) in document order. */
export function allPanels(panels: Json[]): Json[] {
  const out: Json[] = [];
  for (const p of panels) {
    out.push(p);
    if (p.type === 'row' && Array.isArray(p.panels)) out.push(...p.panels.filter(isRecord));
  }
  return out;
}

/** Keeps the first use of each positive integer id; gives the others max + 1, max + 2, … */
export function assignIds(panels: Json[]): void {
  const all = allPanels(panels);
  const used = new Set<number>();
  let max = 0;
  for (const p of all)
    if (Number.isInteger(p.id) && (p.id as number) > 0) max = Math.max(max, p.id as number);
  for (const p of all) {
    const id = p.id;
    if (typeof id === 'number' && Number.isInteger(id) && id > 0 && !used.has(id)) used.add(id);
    else p.id = ++max;
  }
}

function readBox(g: unknown): Box | undefined {
  if (!isRecord(g)) return undefined;
  const [x, y, w, h] = [
    parseFiniteNumber(g.x),
    parseFiniteNumber(g.y),
    parseFiniteNumber(g.w),
    parseFiniteNumber(g.h),
  ];
  if (x === undefined || y === undefined || w === undefined || h === undefined) return undefined;
  const width = Math.min(GRID_COLUMN_COUNT, Math.max(1, Math.round(w)));
  return {
    x: Math.min(GRID_COLUMN_COUNT - width, Math.max(0, Math.round(x))),
    y: Math.max(0, Math.round(y)),
    w: width,
    h: Math.max(1, Math.round(h)),
  };
}

const collides = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Vertical compaction, as react-grid-layout's compact()/compactItem(). */
function compact(boxes: Box[]): void {
  const order = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const placed: Box[] = [];
  for (const l of order) {
    l.y = Math.min(
      l.y,
      placed.reduce((m, b) => Math.max(m, b.y + b.h), 0),
    );
    while (l.y > 0 && !placed.some((b) => collides(b, l))) l.y--;
    for (
      let hit = placed.find((b) => collides(b, l));
      hit;
      hit = placed.find((b) => collides(b, l))
    ) {
      l.y = hit.y + hit.h;
    }
    placed.push(l);
  }
}

/** Reads (or invents, left to right then top to bottom) a box per panel, compacts, writes back. */
function layoutGroup(panels: Json[], top: number): void {
  const boxes = panels.map((p) => readBox(p.gridPos));
  let cursor = { x: 0, y: boxes.reduce((m, b) => Math.max(m, b ? b.y + b.h : top), top), rowH: 0 };
  const filled = panels.map((p, i): Box => {
    const known = boxes[i];
    if (known) return known;
    const isRow = p.type === 'row';
    const w = isRow
      ? GRID_COLUMN_COUNT
      : Math.min(GRID_COLUMN_COUNT, Math.floor(parseFiniteNumber(p.span) ?? 6) * 2);
    const h = isRow ? 1 : p.height !== undefined ? gridHeight(p.height) : 8;
    if (cursor.x + w > GRID_COLUMN_COUNT || isRow)
      cursor = { x: 0, y: cursor.y + cursor.rowH, rowH: 0 };
    const box = { x: cursor.x, y: cursor.y, w, h };
    cursor = isRow
      ? { x: 0, y: cursor.y + 1, rowH: 0 }
      : { ...cursor, x: cursor.x + w, rowH: Math.max(cursor.rowH, h) };
    delete p.span;
    return box;
  });
  // Row panels always span the full width with height 1 in Grafana's grid (DashboardGrid.tsx).
  panels.forEach((p, i) => {
    const b = filled[i];
    if (b && p.type === 'row') Object.assign(b, { x: 0, w: GRID_COLUMN_COUNT, h: 1 });
  });
  // Like DashboardModel.toggleRow: nested panels keep their relative positions.
  const minY = filled.reduce((m, b) => Math.min(m, b.y), Number.POSITIVE_INFINITY);
  for (const b of filled) b.y -= minY;
  compact(filled);
  panels.forEach((p, i) => {
    const b = filled[i];
    if (!b) return;
    const old = isRecord(p.gridPos) ? p.gridPos : {};
    p.gridPos = { ...old, h: b.h, w: b.w, x: b.x, y: b.y + top };
  });
}

/** Lays out the top level, then each collapsed row's panels starting just below the row. */
export function layoutPanels(panels: Json[]): Json[] {
  layoutGroup(panels, 0);
  const sorted = panels
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const ga = a.p.gridPos as Box;
      const gb = b.p.gridPos as Box;
      return ga.y - gb.y || ga.x - gb.x || a.i - b.i;
    })
    .map((e) => e.p);
  for (const row of sorted) {
    if (row.type !== 'row' || !Array.isArray(row.panels)) continue;
    const nested = row.panels.filter(isRecord);
    const rowY = (row.gridPos as Box).y;
    layoutGroup(nested, rowY + 1);
    row.panels = nested;
  }
  return sorted;
}
