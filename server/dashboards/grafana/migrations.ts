// DashboardMigrator's per-schemaVersion steps that community dashboards still need, on one
// panel (and on the variables), run before the panel type migrations as Grafana runs them:
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
// Backend twin with golden files: apps/dashboard/pkg/migration/schemaversion/v*.go.
//   v9   singlestat `thresholds` of three or more values lose the first
//   v10  old table style `thresholds` likewise
//   v17  `minSpan` → `maxPerRow` (the factors of the 24-column grid)
//   v19  old panel links (`dashboard`, `dashUri`, `keepTime`, `includeVars`, `params`) → `url`
//   v26  the React text panel `text2` → `text`, its Angular leftovers removed
//   v27  repeat copies left behind dropped; visible constants → textbox, current = query
//   v30  old-shape value mappings in fieldConfig, `options.tooltipOptions` → `options.tooltip`
import { isRecord } from '../../../contract/json.ts';
import { upgradeFieldConfigMappings } from './mappings.ts';
import { GRID_COLUMN_COUNT } from './rows.ts';
import type { Json } from './types.ts';

/** Drops the first of three or more comma-separated thresholds (v9, v10). */
function shiftThresholds(list: string[]): string[] {
  return list.length >= 3 ? list.slice(1) : list;
}

/** [1, 2, 3, 4, 6, 8, 12, 24]: the widths that divide the grid. */
const FACTORS = Array.from({ length: GRID_COLUMN_COUNT }, (_, i) => i + 1).filter(
  (i) => GRID_COLUMN_COUNT % i === 0,
);

/**
 * v17: the largest factor of 24 not above 24 / minSpan. Grafana's frontend leaves maxPerRow
 * unset when minSpan is below 1 (no factor is above 24 / minSpan); its backend gives 24 then,
 * which is the same number of panels per row.
 */
export function maxPerRowFor(minSpan: number): number | undefined {
  if (!(minSpan > 0)) return undefined;
  const max = GRID_COLUMN_COUNT / minSpan;
  const above = FACTORS.findIndex((f) => f > max);
  return above === -1 ? FACTORS[FACTORS.length - 1] : FACTORS[Math.max(0, above - 1)];
}

/** Grafana's kbn.slugifyForUrl: lower case, only word characters and spaces, spaces → `-`. */
export function slugifyForUrl(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\w ]+/g, '')
    .replace(/ +/g, '-');
}

/** urlUtil.appendQueryToUrl: `?` first, `&` after, nothing after a bare `?`. */
function appendQuery(url: string, query: string): string {
  if (query === '') return url;
  const pos = url.indexOf('?');
  if (pos === -1) return `${url}?${query}`;
  return url.length - pos > 1 ? `${url}&${query}` : `${url}${query}`;
}

const OLD_LINK_KEYS = ['type', 'dashboard', 'dashUri', 'keepTime', 'includeVars', 'params'];

/** v19 upgradePanelLink: the address Grafana builds; title and targetBlank kept, extras too. */
export function upgradePanelLink(link: Json): Json {
  let url = typeof link.url === 'string' ? link.url : '';
  if (!url && typeof link.dashboard === 'string' && link.dashboard)
    url = `dashboard/db/${slugifyForUrl(link.dashboard)}`;
  if (!url && typeof link.dashUri === 'string' && link.dashUri) url = `dashboard/${link.dashUri}`;
  if (!url) url = '/';
  if (link.keepTime) url = appendQuery(url, '$__url_time_range');
  if (link.includeVars) url = appendQuery(url, '$__all_variables');
  if (typeof link.params === 'string' && link.params) url = appendQuery(url, link.params);
  const out: Json = { ...link, url };
  for (const k of OLD_LINK_KEYS) delete out[k];
  return out;
}

/** The panel steps for a dashboard saved at `schemaVersion`, in Grafana's order. */
export function migratePanel(panel: Json, schemaVersion: number): void {
  if (schemaVersion < 9 && panel.type === 'singlestat' && typeof panel.thresholds === 'string') {
    panel.thresholds = shiftThresholds(panel.thresholds.split(',')).join(',');
  }
  if (schemaVersion < 10 && panel.type === 'table' && Array.isArray(panel.styles)) {
    for (const s of panel.styles)
      if (isRecord(s) && Array.isArray(s.thresholds)) s.thresholds = shiftThresholds(s.thresholds);
  }
  if (schemaVersion < 17 && panel.minSpan !== undefined) {
    const maxPerRow = maxPerRowFor(Number(panel.minSpan));
    if (maxPerRow !== undefined) panel.maxPerRow = maxPerRow;
    delete panel.minSpan;
  }
  if (schemaVersion < 19 && Array.isArray(panel.links))
    panel.links = panel.links.map((l) => (isRecord(l) ? upgradePanelLink(l) : l));
  // `text2` never meant anything else, so it is renamed at any version.
  if (panel.type === 'text2') {
    panel.type = 'text';
    if (isRecord(panel.options)) delete panel.options.angular;
  }
  if (schemaVersion < 30) {
    upgradeFieldConfigMappings(panel);
    const options = panel.options;
    if (isRecord(options) && options.tooltipOptions !== undefined) {
      options.tooltip = options.tooltipOptions;
      delete options.tooltipOptions;
    }
  }
}

/** v27 on `templating.list`: constants shown on the dashboard become textboxes. */
export function migrateConstants(variables: unknown[], schemaVersion: number): void {
  if (schemaVersion >= 27) return;
  for (const v of variables) {
    if (!isRecord(v) || v.type !== 'constant') continue;
    const query = v.query;
    const option = { selected: true, text: query, value: query };
    v.current = { ...option };
    v.options = [option];
    // VariableHide: 0 shown, 1 label hidden, 2 hidden (a constant's default).
    if (v.hide === 0 || v.hide === 1) v.type = 'textbox';
  }
}

/**
 * v27 removeRepeatedPanels: copies a repeat left behind (`repeatPanelId`, `repeatByRow` set)
 * are dropped, at the top and in collapsed rows; the repeat makes them again when shown.
 */
export function removeRepeatedPanels(panels: Json[], schemaVersion: number): Json[] {
  if (schemaVersion >= 27) return panels;
  return panels.filter((p) => {
    if (p.repeatPanelId || p.repeatByRow) return false;
    if (p.type === 'row' && Array.isArray(p.panels))
      p.panels = p.panels.filter((x) => !(isRecord(x) && x.repeatPanelId));
    return true;
  });
}
