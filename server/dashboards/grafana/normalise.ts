// Entry point: Grafana dashboard JSON (schemaVersion 16+, plus old `rows[]`) → the shape
// Promscope draws, still valid Grafana JSON at schemaVersion 39. Unknown fields are kept.
// JSON model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
// Schema: https://github.com/grafana/grafana/tree/main/packages/grafana-schema (dashboard kind)
import { isRecord } from '../../../contract/json.ts';
import {
  bindDatasourceVariables,
  dsContext,
  ensureDatasourceVariable,
  resolveDs,
} from './datasource.ts';
import { allPanels, assignIds, layoutPanels } from './layout.ts';
import { migrateConstants, removeRepeatedPanels } from './migrations.ts';
import { normalisePanel } from './panels.ts';
import { migrateRows } from './rows.ts';
import {
  ImportError,
  IssueLog,
  type Json,
  type NormaliseOptions,
  type NormaliseResult,
} from './types.ts';

export const TARGET_SCHEMA_VERSION = 39;

/** Variable types kept and evaluated elsewhere; https://grafana.com/docs/grafana/latest/dashboards/variables/ */
const KNOWN_VARIABLE_TYPES = new Set([
  'query',
  'custom',
  'constant',
  'interval',
  'datasource',
  'textbox',
]);

function validate(input: unknown): Json {
  if (!isRecord(input)) throw new ImportError('dashboard: expected a JSON object');
  if (input.panels !== undefined && !Array.isArray(input.panels))
    throw new ImportError('panels: expected an array');
  if (input.rows !== undefined && input.rows !== null && !Array.isArray(input.rows)) {
    throw new ImportError('rows: expected an array');
  }
  for (const [key, list] of [
    ['panels', input.panels],
    ['rows', input.rows],
  ] as const) {
    (Array.isArray(list) ? list : []).forEach((p, i) => {
      if (!isRecord(p)) throw new ImportError(`${key}[${i}]: expected an object`);
      if (p.panels !== undefined && !Array.isArray(p.panels))
        throw new ImportError(`${key}[${i}].panels: expected an array`);
    });
  }
  if (input.templating !== undefined && input.templating !== null) {
    if (!isRecord(input.templating)) throw new ImportError('templating: expected an object');
    const list = input.templating.list;
    if (list !== undefined && !Array.isArray(list))
      throw new ImportError('templating.list: expected an array');
  }
  if (input.schemaVersion !== undefined && typeof input.schemaVersion !== 'number') {
    throw new ImportError('schemaVersion: expected a number');
  }
  return input;
}

/** Deep copy of JSON data, so the caller's object is never changed. */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function normaliseDashboard(input: unknown, opts: NormaliseOptions = {}): NormaliseResult {
  const dash = clone(validate(input));
  const log = new IssueLog();
  const schemaVersion = typeof dash.schemaVersion === 'number' ? dash.schemaVersion : 0;
  if (schemaVersion < 16 && !Array.isArray(dash.rows)) {
    log.add(
      undefined,
      'schemaVersion',
      `schemaVersion ${schemaVersion} is older than 16; steps before 16 other than rows are not applied`,
    );
  }
  let panels = (Array.isArray(dash.panels) ? dash.panels : []).filter(isRecord);
  if (Array.isArray(dash.rows)) {
    // Grafana gives new row panels ids above every id in use (upgradeToGridLayout).
    const ids = [
      ...allPanels(panels),
      ...dash.rows.filter(isRecord).flatMap((r) => (Array.isArray(r.panels) ? r.panels : [])),
    ].map((p) => (isRecord(p) && typeof p.id === 'number' ? p.id : 0));
    panels = [...panels, ...migrateRows(dash.rows, Math.max(0, ...ids) + 1)];
    delete dash.rows;
  }
  panels = removeRepeatedPanels(panels, schemaVersion);
  const ctx = { ds: dsContext(dash, opts), log, angularTable: schemaVersion < 24, schemaVersion };
  assignIds(panels);
  panels = layoutPanels(panels);
  panels.forEach((p, i) => {
    normalisePanel(p, `panels[${i}]`, ctx);
  });
  dash.panels = panels;
  const templating = isRecord(dash.templating) ? dash.templating : undefined;
  const variables = templating && Array.isArray(templating.list) ? templating.list : [];
  migrateConstants(variables, schemaVersion);
  variables.forEach((v, i) => {
    if (!isRecord(v)) return;
    if (!KNOWN_VARIABLE_TYPES.has(String(v.type))) {
      log.add(
        undefined,
        `templating.list[${i}].type`,
        `variable type "${String(v.type)}" is not supported; kept unchanged`,
      );
    }
    // Only the datasource reference is rewritten, so `${DS_X}` inputs resolve like panels.
    if (v.type === 'query' && v.datasource !== undefined)
      v.datasource = resolveDs(v.datasource, ctx.ds).ref;
  });
  bindDatasourceVariables(
    dash,
    ctx.ds,
    new Map((opts.datasources ?? []).map((d) => [d.uid, d.name])),
  );
  ensureDatasourceVariable(dash, ctx.ds);
  dash.schemaVersion = TARGET_SCHEMA_VERSION;
  return { dashboard: dash, issues: log.list };
}
