// Grafana rows (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/create-dashboard/#configure-repeating-rows):
// an expanded row's panels follow it in `panels`; a collapsed row carries them in its own
// `panels`. Laying out (pure) flattens that for the grid: a row shows its panels when open,
// and everything below moves up or down by what opened or closed, as Grafana's toggleRow does.
import type { Panel } from '../../model/model.ts';

export interface RowPanel extends Panel {
  collapsed?: boolean;
  panels?: Panel[];
}

const isRow = (p: Panel): p is RowPanel => p.type === 'row';
const byPosition = (a: Panel, b: Panel) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x;
const bottom = (ps: readonly Panel[]) => Math.max(0, ...ps.map((p) => p.gridPos.y + p.gridPos.h));

interface Section {
  row: RowPanel | null;
  children: Panel[];
}

function sections(panels: readonly Panel[]): Section[] {
  const out: Section[] = [{ row: null, children: [] }];
  for (const p of [...panels].sort(byPosition)) {
    if (isRow(p)) out.push({ row: p, children: p.collapsed ? [...(p.panels ?? [])] : [] });
    else out[out.length - 1]!.children.push(p);
  }
  return out;
}

/** Is the row open, given the JSON and the rows the viewer toggled? */
export function rowOpen(row: RowPanel, toggled: ReadonlySet<number>): boolean {
  return !row.collapsed !== toggled.has(row.id);
}

/** The panels to draw, in order, with their y moved to fit open and closed rows. */
export function layoutPanels(panels: readonly Panel[], toggled: ReadonlySet<number>): Panel[] {
  const out: Panel[] = [];
  let y = 0;
  for (const { row, children } of sections(panels)) {
    if (row) {
      out.push({ ...row, gridPos: { ...row.gridPos, y, h: 1, x: 0, w: 24 } });
      y += 1;
      if (!rowOpen(row, toggled)) continue;
    }
    const top = Math.min(...children.map((c) => c.gridPos.y));
    const placed = children.map((c) => ({
      ...c,
      gridPos: { ...c.gridPos, y: y + c.gridPos.y - top },
    }));
    out.push(...placed);
    y = Math.max(y, bottom(placed));
  }
  return out;
}

/** How many panels a row holds (shown on a closed row, as in Grafana). */
export function rowSize(panels: readonly Panel[], rowId: number): number {
  return sections(panels).find((s) => s.row?.id === rowId)?.children.length ?? 0;
}
