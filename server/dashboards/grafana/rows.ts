// Old `rows[]` layout (schemaVersion < 16) → 24-column grid with `type: 'row'` panels.
// Port of DashboardMigrator.upgradeToGridLayout and RowArea:
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
// Constants from https://github.com/grafana/grafana/blob/main/public/app/core/constants.ts
import { isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import type { Json } from './types.ts';

export const GRID_COLUMN_COUNT = 24;
const GRID_CELL_HEIGHT = 30;
const GRID_CELL_VMARGIN = 8;
const DEFAULT_PANEL_SPAN = 4;
const DEFAULT_ROW_HEIGHT = 250;
const MIN_PANEL_HEIGHT = GRID_CELL_HEIGHT * 3;

/** Pixel height ("250px" or 250) → grid rows of 30 px + 8 px margin, as Grafana's getGridHeight. */
export function gridHeight(height: unknown): number {
  const px =
    typeof height === 'string'
      ? Number.parseInt(height.replace('px', ''), 10)
      : parseFiniteNumber(height);
  const h =
    px === undefined || Number.isNaN(px) ? DEFAULT_ROW_HEIGHT : Math.max(px, MIN_PANEL_HEIGHT);
  return Math.ceil(h / (GRID_CELL_HEIGHT + GRID_CELL_VMARGIN));
}

/** Which columns of the current row band are filled, and how deep (Grafana's RowArea). */
class RowArea {
  private readonly area: number[] = new Array<number>(GRID_COLUMN_COUNT).fill(0);
  constructor(
    private readonly height: number,
    public yPos: number,
  ) {}

  addPanel(g: { x: number; y: number; w: number; h: number }): void {
    for (let i = g.x; i < g.x + g.w && i < GRID_COLUMN_COUNT; i++) {
      const depth = g.y + g.h - this.yPos;
      if (!this.area[i] || depth > (this.area[i] ?? 0)) this.area[i] = depth;
    }
  }

  position(width: number, callOnce = false): { x: number; y: number } | null {
    let start: number | undefined;
    let end: number | undefined;
    for (let i = this.area.length - 1; i >= 0; i--) {
      const here = this.area[i] ?? 0;
      if (this.height - here <= 0) break;
      if (end === undefined) end = i;
      else if (i < this.area.length - 1 && here <= (this.area[i + 1] ?? 0)) start = i;
      else break;
    }
    if (start !== undefined && end !== undefined && end - start >= width - 1) {
      return { x: start, y: Math.max(...this.area.slice(start)) };
    }
    if (callOnce) return null;
    this.yPos += this.height; // wrap to the next band
    this.area.fill(0);
    return this.position(width, true);
  }
}

/** Converts `rows` to panels; `firstId` is one more than the highest panel id in use. */
export function migrateRows(rows: unknown[], firstId: number): Json[] {
  const out: Json[] = [];
  let yPos = 0;
  let nextRowId = firstId;
  const rowObjs = rows.filter(isRecord);
  // Row panels only appear when one row is collapsed, repeated or shows its title.
  const showRows = rowObjs.some((r) => r.collapse || r.showTitle || r.repeat);
  for (const row of rowObjs) {
    if (row.repeatIteration) continue;
    const rowH = gridHeight(row.height ?? DEFAULT_ROW_HEIGHT);
    const collapsed = showRows && row.collapse === true;
    let rowPanel: Json | undefined;
    if (showRows) {
      rowPanel = { id: nextRowId++, type: 'row', title: row.title ?? '', collapsed, panels: [] };
      if (row.repeat) rowPanel.repeat = row.repeat;
      rowPanel.gridPos = { x: 0, y: yPos, w: GRID_COLUMN_COUNT, h: 1 };
      out.push(rowPanel);
      yPos++;
    }
    const area = new RowArea(rowH, yPos);
    const nested: Json[] = [];
    for (const p of Array.isArray(row.panels) ? row.panels.filter(isRecord) : []) {
      const panel: Json = { ...p };
      const span = parseFiniteNumber(panel.span) || DEFAULT_PANEL_SPAN;
      const w = Math.min(GRID_COLUMN_COUNT, Math.floor(span) * (GRID_COLUMN_COUNT / 12));
      const h = panel.height !== undefined ? gridHeight(panel.height) : rowH;
      const pos = area.position(w) ?? { x: 0, y: 0 };
      yPos = area.yPos;
      const gridPos = { x: pos.x, y: yPos + pos.y, w, h };
      area.addPanel(gridPos);
      delete panel.span;
      delete panel.height;
      panel.gridPos = gridPos;
      if (collapsed) nested.push(panel);
      else out.push(panel);
    }
    if (rowPanel) rowPanel.panels = nested;
    if (!collapsed) yPos += rowH;
  }
  return out;
}
