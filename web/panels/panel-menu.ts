// The panel menu's pure parts: which items a panel offers with their keyboard shortcuts
// (Grafana's: v view, e edit, x explore, i inspect), the Explore link for a panel, and reading
// panel ids from Grafana's URL parameters (`viewPanel=4` or the newer `viewPanel=panel-4`).
import type { Panel } from '../model/model.ts';
import type { ExploreState } from '../nav/explore-state.ts';
import { encodeExplore, MAX_QUERIES } from '../nav/explore-state.ts';
import { parseDuration } from '../time/duration.ts';
import type { RawRange } from '../time/time-range.ts';

export type MenuItemId = 'view' | 'edit' | 'explore' | 'inspect';

export interface MenuItem {
  id: MenuItemId;
  label: string;
  shortcut: string;
}

export function menuItems(offer: {
  canEdit: boolean;
  explore: boolean;
  inspect: boolean;
  /** The panel is shown alone: "View" takes the viewer back. */
  viewing?: boolean;
}): MenuItem[] {
  const view = offer.viewing ? 'Back to dashboard' : 'View';
  const items: MenuItem[] = [{ id: 'view', label: view, shortcut: 'v' }];
  if (offer.canEdit) items.push({ id: 'edit', label: 'Edit', shortcut: 'e' });
  if (offer.explore) items.push({ id: 'explore', label: 'Explore', shortcut: 'x' });
  if (offer.inspect) items.push({ id: 'inspect', label: 'Inspect', shortcut: 'i' });
  return items;
}

/** The item a shortcut key picks, if the panel offers it. */
export function itemForKey(items: readonly MenuItem[], key: string): MenuItem | undefined {
  return items.find((i) => i.shortcut === key.toLowerCase());
}

/** `4` or `panel-4` → 4; anything else → null. */
export function parsePanelId(param: string | null): number | null {
  const m = /^(?:panel-)?(\d{1,9})$/.exec(param?.trim() ?? '');
  return m ? Number(m[1]) : null;
}

/** The panel's targets that run: not hidden and not empty. */
export const visibleTargets = (panel: Pick<Panel, 'targets'>) =>
  panel.targets.filter((t) => !t.hide && t.expr.trim() !== '');

/**
 * Explore with the panel's visible queries (expr and legend), its datasource, the dashboard's
 * range as typed, and what Explore can draw of the panel's look: unit, y minimum, stacking or
 * bars. The step is the target's minimum interval (or the panel's), as Grafana's Explore
 * takes it; without one Explore picks its own. Dashboard variables are left as written.
 */
export function panelExploreState(panel: Panel, dsUid: string, range: RawRange): ExploreState {
  const targets = visibleTargets(panel).slice(0, MAX_QUERIES);
  const interval = [...targets.map((t) => t.interval), panel.interval].find(
    (d) => d !== undefined && (parseDuration(d) ?? 0) > 0,
  );
  const d = panel.fieldConfig.defaults;
  const mode =
    d.custom?.drawStyle === 'bars'
      ? 'bars'
      : d.custom?.stacking?.mode === 'normal'
        ? 'stacked'
        : 'lines';
  return {
    queries:
      targets.length > 0
        ? targets.map((t, i) => ({
            refId: String.fromCharCode(65 + i),
            expr: t.expr,
            ...(t.legendFormat ? { legendFormat: t.legendFormat } : {}),
          }))
        : [{ refId: 'A', expr: '' }],
    tab: 'graph',
    range: { ...range },
    ...(interval ? { step: interval } : {}),
    ...(dsUid ? { ds: dsUid } : {}),
    mode,
    ...(d.unit ? { unit: d.unit } : {}),
    ...(typeof d.min === 'number' && Number.isFinite(d.min) ? { yMin: d.min } : {}),
  };
}

export function panelExploreUrl(panel: Panel, dsUid: string, range: RawRange): string {
  const qs = encodeExplore(panelExploreState(panel, dsUid, range));
  return `/explore${qs ? `?${qs}` : ''}`;
}
