// A panel on its way from Explore to a dashboard ("Add to dashboard"): kept in memory until
// that dashboard opens, which adds it to its working copy as an unsaved change in edit mode,
// as Grafana does. One at a time; taking it removes it.
import type { Json } from './dashboard-edit.ts';
import { newPanel } from './dashboard-edit.ts';

/** The uid of the dashboard it goes to, or "" for a new dashboard. */
let pending: { uid: string; panel: Json } | null = null;

export interface ExploreTarget {
  refId: string;
  expr: string;
  legendFormat?: string;
}

/** A timeseries panel with Explore's queries (hidden ones stay hidden, empty ones are left out). */
export function panelFromQueries(queries: readonly (ExploreTarget & { hide?: boolean })[]): Json {
  const targets = queries
    .filter((q) => q.expr.trim() !== '')
    .map((q) => ({
      refId: q.refId,
      expr: q.expr,
      ...(q.legendFormat ? { legendFormat: q.legendFormat } : {}),
      ...(q.hide ? { hide: true } : {}),
    }));
  const first = targets[0]?.expr ?? '';
  const panel = newPanel(0, targets);
  return {
    ...panel,
    title: first.length > 60 ? `${first.slice(0, 57)}…` : first || 'New panel',
    gridPos: { x: 0, y: 0, w: 24, h: 8 },
  };
}

export function setPendingPanel(uid: string, panel: Json): void {
  pending = { uid, panel };
}

export function takePendingPanel(uid: string): Json | null {
  if (!pending || pending.uid !== uid) return null;
  const { panel } = pending;
  pending = null;
  return panel;
}
