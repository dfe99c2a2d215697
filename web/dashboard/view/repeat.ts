// Grafana's repeating panels (pure): a panel with `repeat: "x"` is drawn once per selected
// value of variable x (every option for All), each copy with x set to its one value, laid out
// as Grafana's DashboardModel.repeatPanel does — side by side (`repeatDirection: "h"`, at most
// `maxPerRow` to a line, 4 by default) or one under the other (`"v"`); what was below moves
// down by the room the copies take. A row with `repeat` is copied with all its panels, once
// per value, one copy under the other. Done in view mode only; edit mode edits the originals.
// https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/create-dashboard/#configure-repeating-panels

import type { Panel } from '../../model/model.ts';
import type { Scope } from '../../variables/format.ts';

const COLUMNS = 24;

/** A drawn copy: the scope its variable has in it, and the panel it repeats. */
export interface RepeatedPanel extends Panel {
  repeat?: unknown;
  repeatDirection?: unknown;
  maxPerRow?: unknown;
  /** The dashboard's scope with the repeated variable set to this copy's value. */
  repeatScope?: Scope;
  /** The id of the panel this is a copy of (the first copy keeps that id). */
  repeatOf?: number;
}

const bottom = (p: Panel) => p.gridPos.y + p.gridPos.h;

/** Copies ids apart from every real id: the original's id × 1000 + the copy's index. */
const copyId = (id: number, index: number) => (index === 0 ? id : id * 1000 + index);

function expand(panel: RepeatedPanel, scope: Scope): { copies: RepeatedPanel[]; grow: number } {
  const name = typeof panel.repeat === 'string' ? panel.repeat : '';
  const variable = name ? scope.get(name) : undefined;
  if (!variable || variable.values.length === 0) return { copies: [panel], grow: 0 };
  const values = variable.values;
  const { x, y, w, h } = panel.gridPos;
  const vertical = panel.repeatDirection === 'v';
  const perRow =
    typeof panel.maxPerRow === 'number' && panel.maxPerRow > 0 ? Math.floor(panel.maxPerRow) : 4;
  const width = Math.max(Math.floor(COLUMNS / values.length), Math.floor(COLUMNS / perRow), 1);
  const inRow = Math.max(1, Math.floor(COLUMNS / width));
  const copies = values.map((value, i): RepeatedPanel => {
    const gridPos = vertical
      ? { x, y: y + i * h, w, h }
      : { x: (i % inRow) * width, y: y + Math.floor(i / inRow) * h, w: width, h };
    const own = new Map(scope);
    own.set(name, { values: [value], text: value, regex: variable.regex });
    return { ...panel, id: copyId(panel.id, i), gridPos, repeatScope: own, repeatOf: panel.id };
  });
  const lines = vertical ? values.length : Math.ceil(values.length / inRow);
  return { copies, grow: (lines - 1) * h };
}

/** One list of panels (the dashboard's, or a collapsed row's) with repeats expanded. */
function expandList(panels: readonly Panel[], scope: Scope): Panel[] {
  const out: Panel[] = [];
  // Moves, in order of position: a repeat pushes down whatever starts below its top line.
  const sorted = [...panels].sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x);
  let shifts: { from: number; by: number }[] = [];
  const shifted = (p: Panel): Panel => {
    const by = shifts.filter((s) => p.gridPos.y >= s.from).reduce((n, s) => n + s.by, 0);
    return by === 0 ? p : { ...p, gridPos: { ...p.gridPos, y: p.gridPos.y + by } };
  };
  for (const original of sorted) {
    const p = shifted(original) as RepeatedPanel;
    if (p.type === 'row') {
      const row = p as Panel & { panels?: Panel[] };
      out.push(Array.isArray(row.panels) ? { ...row, panels: expandList(row.panels, scope) } : row);
      continue;
    }
    const { copies, grow } = expand(p, p.repeatScope ?? scope);
    out.push(...copies);
    if (grow > 0) shifts = [...shifts, { from: bottom(original), by: grow }];
  }
  return out;
}

type Row = RepeatedPanel & { collapsed?: boolean; panels?: Panel[] };

/** The value of `name` alone, in a copy of the scope. */
function scopeFor(scope: Scope, name: string, value: string): Scope {
  const own = new Map(scope);
  own.set(name, { values: [value], text: value, regex: scope.get(name)?.regex ?? false });
  return own;
}

/** A panel (or row) moved down by `dy`, as the copy for `scope`. */
function copyOf<T extends RepeatedPanel>(p: T, index: number, dy: number, scope: Scope): T {
  return {
    ...p,
    id: copyId(p.id, index),
    gridPos: { ...p.gridPos, y: p.gridPos.y + dy },
    repeatScope: scope,
    repeatOf: p.id,
  };
}

/**
 * Rows with `repeat`, copied with their panels once per value, one under the other; what
 * follows moves down. A row's panels are those after it up to the next row (or, collapsed,
 * the ones it carries).
 */
function repeatRows(panels: readonly Panel[], scope: Scope): Panel[] {
  const sorted = [...panels].sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x);
  const out: Panel[] = [];
  let shift = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const moved = shift === 0 ? p : { ...p, gridPos: { ...p.gridPos, y: p.gridPos.y + shift } };
    const row = p as Row;
    const name = p.type === 'row' && typeof row.repeat === 'string' ? row.repeat : '';
    const values = name ? (scope.get(name)?.values ?? []) : [];
    if (values.length === 0) {
      out.push(moved);
      continue;
    }
    // The row's section: the panels after it up to the next row.
    let end = i + 1;
    while (end < sorted.length && sorted[end]!.type !== 'row') end++;
    const section = sorted.slice(i + 1, end);
    const height =
      Math.max(p.gridPos.y + 1, ...section.map((c) => c.gridPos.y + c.gridPos.h)) - p.gridPos.y;
    values.forEach((value, k) => {
      const own = scopeFor(scope, name, value);
      const dy = shift + k * height;
      const copy = copyOf(row, k, dy, own);
      if (Array.isArray(row.panels)) {
        copy.panels = row.panels.map((c) => copyOf(c as RepeatedPanel, k, 0, own));
      }
      out.push(copy, ...section.map((c) => copyOf(c as RepeatedPanel, k, dy, own)));
    });
    shift += (values.length - 1) * height;
    i = end - 1;
  }
  return out;
}

export function repeatPanels(panels: readonly Panel[], scope: Scope): Panel[] {
  if (!panels.some((p) => hasRepeat(p))) return panels as Panel[];
  return expandList(repeatRows(panels, scope), scope);
}

function hasRepeat(p: Panel): boolean {
  const r = p as RepeatedPanel & { panels?: Panel[] };
  return (typeof r.repeat === 'string' && r.repeat !== '') || (r.panels ?? []).some(hasRepeat);
}
