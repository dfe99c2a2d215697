// Per-panel normalisation: datasource references, targets, panel type migrations, and
// reports for what Promscope does not draw.
// Panel model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/#panels
// Prometheus query fields: https://github.com/grafana/grafana/blob/main/packages/grafana-schema/src/raw/composable/prometheus/dataquery/x/PrometheusDataQuery_types.gen.ts

import { DRAWN_KINDS } from '../../../contract/drawn.ts';
import { isRecord } from '../../../contract/json.ts';
import { undrawnOptions } from '../../../contract/undrawn.ts';
import { type DsContext, isPrometheusRef, resolveDs } from './datasource.ts';
import { graphToTimeseries, migrateHideFrom } from './graph.ts';
import { migratePanel } from './migrations.ts';
import { piechartPanelToPiechart } from './piechart.ts';
import { singlestatToStat } from './singlestat.ts';
import { tableOldToTable } from './table.ts';
import type { IssueLog, Json } from './types.ts';

/** What the import report counts as drawn: contract/drawn.ts, which the registry agrees with. */
export const DRAWN_TYPES = DRAWN_KINDS;

export interface PanelContext {
  ds: DsContext;
  log: IssueLog;
  /** Before schemaVersion 24 `table` meant the Angular table (now `table-old`). */
  angularTable: boolean;
  /** The schemaVersion the dashboard was saved at: which of Grafana's steps it still needs. */
  schemaVersion: number;
}

/** refId A…Z, then AA, AB, … like Grafana's getNextRefId. */
function nextRefId(used: Set<string>): string {
  for (let n = 0; ; n++) {
    let id = '';
    for (let i = n; i >= 0; i = Math.floor(i / 26) - 1)
      id = String.fromCharCode(65 + (i % 26)) + id;
    if (!used.has(id)) return id;
  }
}

function normaliseTargets(panel: Json, path: string, ctx: PanelContext): void {
  if (!Array.isArray(panel.targets)) return;
  const targets = panel.targets.map((t) => (isRecord(t) ? { ...t } : t));
  const used = new Set(
    targets.flatMap((t) =>
      isRecord(t) && typeof t.refId === 'string' && t.refId !== '' ? [t.refId] : [],
    ),
  );
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (!isRecord(t)) return;
    let refId = typeof t.refId === 'string' ? t.refId : '';
    if (refId === '' || seen.has(refId)) {
      refId = nextRefId(used);
      used.add(refId);
      t.refId = refId;
    }
    seen.add(refId);
    if (t.datasource === undefined || t.datasource === null) return; // inherits the panel's
    const { ref, note } = resolveDs(t.datasource, ctx.ds);
    t.datasource = ref;
    if (note) ctx.log.add(panel, `${path}.targets[${i}].datasource`, note, 'ds-name');
    if (!isPrometheusRef(ref) && ref.uid !== '-- Mixed --') {
      ctx.log.add(
        panel,
        `${path}.datasource`,
        `queries use non-Prometheus datasource type "${String(ref.type)}"; kept unchanged`,
        'ds-type',
      );
    }
  });
  panel.targets = targets;
}

/** Normalises one panel in place (rows: their nested panels too). */
export function normalisePanel(panel: Json, path: string, ctx: PanelContext): void {
  const { log } = ctx;
  migratePanel(panel, ctx.schemaVersion);
  if (panel.type === 'row') {
    if (Array.isArray(panel.panels)) {
      panel.panels = panel.panels.map((p, i) => {
        if (!isRecord(p)) return p;
        const copy = { ...p };
        normalisePanel(copy, `${path}.panels[${i}]`, ctx);
        return copy;
      });
    }
    return; // row targets (left over from old exports) are never queried
  }
  const defaultDs = panel.datasource == null || panel.datasource === 'default';
  if (panel.datasource !== undefined || Array.isArray(panel.targets)) {
    const { ref, note } = resolveDs(panel.datasource, ctx.ds);
    panel.datasource = ref;
    if (note) log.add(panel, `${path}.datasource`, note, 'ds-name');
    if (!isPrometheusRef(ref) && ref.uid !== '-- Mixed --') {
      log.add(
        panel,
        `${path}.datasource`,
        `queries use non-Prometheus datasource type "${String(ref.type)}"; kept unchanged`,
        'ds-type',
      );
    }
  }
  normaliseTargets(panel, path, ctx);
  // A panel on the default whose queries name a datasource asks theirs: Grafana's
  // schemaVersion 36 migration takes the (last) query's datasource as the panel's.
  if (defaultDs && Array.isArray(panel.targets)) {
    const named = panel.targets.filter((t) => isRecord(t) && isRecord(t.datasource)).pop();
    if (isRecord(named) && isRecord(named.datasource)) panel.datasource = { ...named.datasource };
  }
  if (panel.type === 'graph') graphToTimeseries(panel);
  else if (panel.type === 'timeseries') migrateHideFrom(panel);
  else if (panel.type === 'singlestat' || panel.type === 'grafana-singlestat-panel')
    singlestatToStat(panel);
  else if (
    panel.type === 'table-old' ||
    (panel.type === 'table' && ctx.angularTable && Array.isArray(panel.styles))
  ) {
    if (!tableOldToTable(panel, path, log)) return; // reported as kept table-old
  } else if (panel.type === 'text' && typeof panel.content === 'string') {
    // Text panel options moved under `options` in Grafana 7 (textPanelMigrationHandler).
    const options = isRecord(panel.options) ? panel.options : {};
    panel.options = { mode: panel.mode ?? 'markdown', content: panel.content, ...options };
    delete panel.content;
    delete panel.mode;
  } else if (panel.type === 'grafana-piechart-panel') piechartPanelToPiechart(panel, path, log);
  const type = panel.type;
  if (typeof type !== 'string' || !DRAWN_TYPES.has(type)) {
    log.add(panel, `${path}.type`, `panel type "${String(type)}" is not supported; kept unchanged`);
    return;
  }
  for (const u of undrawnOptions(panel)) log.add(panel, `${path}.${u.path}`, u.message);
}
