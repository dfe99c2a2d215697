// Edits of a dashboard's working copy (pure): the Grafana JSON as loaded, changed only where
// the user changed something, so fields this app does not know survive a save untouched.
// Panels at the top level lie on the grid (an open row is followed by its panels, as in
// Grafana's JSON); a collapsed row carries its panels in its own `panels`.
// https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
import { asFiniteNumber, asRecord } from '../../contract/json.ts';
import type { Item } from './grid-layout.ts';
import { byPosition, COLUMNS, compact, insertTop, moveItem, resizeItem } from './grid-layout.ts';

export type Json = Record<string, unknown>;

export interface LayoutItem extends Item {
  row: boolean;
}

export const panelsOf = (d: Json): Json[] =>
  Array.isArray(d.panels) ? d.panels.map(asRecord) : [];
export const isRow = (p: Json) => p.type === 'row';
export const panelId = (p: Json, i: number) => asFiniteNumber(p.id, i + 1);

/** The grid as the user sees it in edit mode: top-level panels, rows full width, compacted. */
export function layoutItems(d: Json): LayoutItem[] {
  const items = panelsOf(d).map((p, i) => {
    const g = asRecord(p.gridPos);
    const row = isRow(p);
    return {
      id: panelId(p, i),
      x: row ? 0 : asFiniteNumber(g.x, 0),
      y: asFiniteNumber(g.y, 0),
      w: row ? COLUMNS : asFiniteNumber(g.w, 12),
      h: row ? 1 : asFiniteNumber(g.h, 8),
      row,
    };
  });
  return compact(items);
}

/** Writes positions back: gridPos of each top-level panel, and the panels in grid order. */
export function applyLayout(d: Json, items: readonly Item[]): Json {
  const at = new Map(items.map((i) => [i.id, i]));
  const panels = panelsOf(d).map((p, i) => {
    const item = at.get(panelId(p, i));
    if (!item) return p;
    const g = asRecord(p.gridPos);
    if (g.x === item.x && g.y === item.y && g.w === item.w && g.h === item.h) return p;
    return { ...p, gridPos: { ...g, x: item.x, y: item.y, w: item.w, h: item.h } };
  });
  // Grafana's sortPanelsByGridPos: the order says which open row a panel belongs to.
  const order = (p: Json, i: number) => at.get(panelId(p, i)) ?? { x: 0, y: 0 };
  const sorted = panels
    .map((p, i) => ({ p, pos: order(p, i) }))
    .sort((a, b) => byPosition(a.pos as Item, b.pos as Item))
    .map(({ p }) => p);
  return { ...d, panels: sorted };
}

export const movePanel = (d: Json, id: number, x: number, y: number) =>
  applyLayout(d, moveItem(layoutItems(d), id, x, y));

export const resizePanel = (d: Json, id: number, w: number, h: number) =>
  applyLayout(d, resizeItem(layoutItems(d), id, w, h));

/** Gives every panel without a numeric id a new one, so edits can name each panel. */
export function withIds(d: Json): Json {
  if (allPanels(d).every((p) => typeof p.id === 'number')) return d;
  let next = nextPanelId(d);
  const fill = (p: Json): Json => {
    const q = typeof p.id === 'number' ? p : { ...p, id: next++ };
    return isRow(q) && Array.isArray(q.panels) ? { ...q, panels: panelsOf(q).map(fill) } : q;
  };
  return { ...d, panels: panelsOf(d).map(fill) };
}

/** Every panel, nested ones of collapsed rows included. */
export function allPanels(d: Json): Json[] {
  return panelsOf(d).flatMap((p) => [p, ...(isRow(p) ? panelsOf(p) : [])]);
}

export function findPanel(d: Json, id: number): Json | undefined {
  return allPanels(d).find((p) => p.id === id);
}

export const nextPanelId = (d: Json): number =>
  allPanels(d).reduce((m, p) => Math.max(m, asFiniteNumber(p.id, 0)), 0) + 1;

/** Grafana's new panel: a timeseries with one empty query A, 12 columns by 8 rows. */
export function newPanel(id: number, targets: Json[] = [{ refId: 'A', expr: '' }]): Json {
  return {
    id,
    type: 'timeseries',
    title: 'New panel',
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    targets,
    fieldConfig: { defaults: {}, overrides: [] },
    options: { legend: { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [] } },
  };
}

/** Adds `panel` (or a new empty timeseries) at the top left, pushing the rest down. */
export function addPanel(d: Json, panel?: Json): { dashboard: Json; id: number } {
  const id = nextPanelId(d);
  const p: Json = { ...(panel ?? newPanel(id)), id };
  const g = asRecord(p.gridPos);
  const item = {
    id,
    x: 0,
    y: 0,
    w: asFiniteNumber(g.w, 12),
    h: asFiniteNumber(g.h, 8),
    row: false,
  };
  const withPanel = { ...d, panels: [...panelsOf(d), p] };
  return { dashboard: applyLayout(withPanel, insertTop(layoutItems(d), item)), id };
}

/** A new open row at the bottom: panels dragged below it join it. */
export function addRow(d: Json): { dashboard: Json; id: number } {
  const id = nextPanelId(d);
  const y = layoutItems(d).reduce((m, i) => Math.max(m, i.y + i.h), 0);
  const row = {
    id,
    type: 'row',
    title: 'Row title',
    collapsed: false,
    panels: [],
    gridPos: { x: 0, y, w: COLUMNS, h: 1 },
  };
  return { dashboard: { ...d, panels: [...panelsOf(d), row] }, id };
}

/** A copy beside the original when it fits, else below it; other panels make room. */
export function duplicatePanel(d: Json, id: number): { dashboard: Json; id: number } {
  const items = layoutItems(d);
  const src = items.find((i) => i.id === id);
  const panel = panelsOf(d).find((p, i) => panelId(p, i) === id);
  if (!src || !panel || src.row) return { dashboard: d, id };
  const copyId = nextPanelId(d);
  const beside = src.x + 2 * src.w <= COLUMNS;
  const at = {
    ...src,
    id: copyId,
    x: beside ? src.x + src.w : src.x,
    y: beside ? src.y : src.y + src.h,
  };
  const copy = structuredClone(panel);
  const withCopy = { ...d, panels: [...panelsOf(d), { ...copy, id: copyId }] };
  return {
    dashboard: applyLayout(withCopy, moveItem([...items, at], copyId, at.x, at.y)),
    id: copyId,
  };
}

/** Removes a panel; a row goes with the panels it holds unless `keepPanels`. */
export function removePanel(d: Json, id: number, keepPanels = false): Json {
  const panels = panelsOf(d);
  const index = panels.findIndex((p, i) => panelId(p, i) === id);
  if (index < 0) return d;
  let drop = [index];
  const target = panels[index]!;
  if (isRow(target) && !keepPanels && !target.collapsed) {
    const next = panels.findIndex((p, i) => i > index && isRow(p));
    drop = panels.map((_, i) => i).filter((i) => i >= index && (next < 0 || i < next));
  }
  let kept = panels.filter((_, i) => !drop.includes(i));
  if (isRow(target) && keepPanels && target.collapsed) kept = [...kept, ...panelsOf(target)];
  const out = { ...d, panels: kept };
  return applyLayout(out, layoutItems(out));
}

/** How many panels a row holds: nested when collapsed, the ones below it when open. */
export function rowPanelCount(d: Json, id: number): number {
  const panels = panelsOf(d);
  const index = panels.findIndex((p, i) => panelId(p, i) === id);
  const row = panels[index];
  if (!row || !isRow(row)) return 0;
  if (row.collapsed) return panelsOf(row).length;
  const next = panels.findIndex((p, i) => i > index && isRow(p));
  return (next < 0 ? panels.length : next) - index - 1;
}

/**
 * Opens or closes a row as Grafana's DashboardModel.toggleRow: closing moves the panels below
 * it into the row; opening puts them back under it (shifted if the row moved while closed)
 * and pushes what is below down by their height.
 */
export function toggleRow(d: Json, id: number): Json {
  const panels = panelsOf(d);
  const index = panels.findIndex((p, i) => panelId(p, i) === id);
  const row = panels[index];
  if (!row || !isRow(row)) return d;
  const rowY = asFiniteNumber(asRecord(row.gridPos).y, 0);
  if (!row.collapsed) {
    const next = panels.findIndex((p, i) => i > index && isRow(p));
    const end = next < 0 ? panels.length : next;
    const inside = panels.slice(index + 1, end);
    const closed = { ...row, collapsed: true, panels: inside };
    const out = { ...d, panels: [...panels.slice(0, index), closed, ...panels.slice(end)] };
    return applyLayout(out, layoutItems(out));
  }
  const inside = panelsOf(row);
  const firstY = asFiniteNumber(asRecord(inside[0]?.gridPos).y, rowY + 1);
  const shift = firstY - (rowY + 1);
  let bottomY = rowY + 1;
  const placed = inside.map((p) => {
    const g = asRecord(p.gridPos);
    const y = asFiniteNumber(g.y, rowY + 1) - shift;
    bottomY = Math.max(bottomY, y + asFiniteNumber(g.h, 8));
    return { ...p, gridPos: { ...g, y } };
  });
  const push = bottomY - (rowY + 1);
  const below = panels.slice(index + 1).map((p) => {
    const g = asRecord(p.gridPos);
    return { ...p, gridPos: { ...g, y: asFiniteNumber(g.y, 0) + push } };
  });
  const opened = { ...row, collapsed: false, panels: [] };
  const out = { ...d, panels: [...panels.slice(0, index), opened, ...placed, ...below] };
  return applyLayout(out, layoutItems(out));
}

/** Puts an edited panel back where the one with its id was, top level or inside a row. */
export function replacePanel(d: Json, panel: Json): Json {
  const id = asFiniteNumber(panel.id, Number.NaN);
  const swap = (p: Json, i: number): Json => {
    if (panelId(p, i) === id) return { ...panel, gridPos: p.gridPos };
    if (isRow(p) && Array.isArray(p.panels)) return { ...p, panels: panelsOf(p).map(swap) };
    return p;
  };
  return { ...d, panels: panelsOf(d).map(swap) };
}

/** Has the working copy changed from what was loaded or last saved? */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A dashboard that does not exist yet: the first save gives it a uid. */
export function blankDashboard(): Json {
  return {
    title: 'New dashboard',
    uid: '',
    tags: [],
    timezone: 'browser',
    editable: true,
    graphTooltip: 0,
    time: { from: 'now-6h', to: 'now' },
    refresh: '',
    schemaVersion: 39,
    panels: [],
  };
}

/** "Save as copy": the same content under a new title, with no uid, id or version. */
export function copyOf(d: Json, title: string): Json {
  const { id: _id, uid: _uid, version: _version, ...rest } = d;
  return { ...rest, title };
}

/** The JSON a save of `current` sends in `mode`. */
export function saveBody(
  mode: 'save' | 'copy' | 'new',
  current: Json,
  req: { title?: string },
  loadedVersion: number,
): Json {
  if (mode === 'copy') return copyOf(current, req.title ?? '');
  if (mode === 'new') return { ...current, title: req.title ?? current.title };
  return { ...current, version: loadedVersion };
}
