// Datasource references. Since schemaVersion 33 a reference is `{ type, uid }`; older
// dashboards use names, `null` for the default, and `${DS_X}` placeholders for `__inputs`.
// https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts (migrateDatasourceNameToRef)
// https://grafana.com/docs/grafana/latest/dashboards/share-dashboards-panels/#export-a-dashboard-as-json (__inputs)
import { asNonEmptyString, isRecord } from '../../../contract/json.ts';
import type { Json, NormaliseOptions } from './types.ts';

/** "The dashboard's datasource": the `datasource` template variable, Prometheus type. */
export const DASHBOARD_DS = { type: 'prometheus', uid: `\${datasource}` } as const;
export const MIXED_DS = { type: 'datasource', uid: '-- Mixed --' } as const;
const GRAFANA_DS = { type: 'datasource', uid: 'grafana' } as const;
/** Another panel's results (Grafana's built-in "-- Dashboard --" datasource). */
const DASHBOARD_RESULTS_DS = { type: 'datasource', uid: '-- Dashboard --' } as const;

export interface DsContext {
  inputs: Map<string, string>; // __inputs name → chosen uid
  inputNames: Set<string>; // names declared in __inputs
  dsVariables: Map<string, string>; // datasource template variable name → plugin type
  /** uid and name → uid, of the datasources configured here (when the caller knows them). */
  known?: Map<string, string>;
  usesDashboardDs: boolean;
}

export function dsContext(dash: Json, opts: NormaliseOptions): DsContext {
  const inputNames = new Set<string>();
  for (const i of Array.isArray(dash.__inputs) ? dash.__inputs : []) {
    if (isRecord(i) && typeof i.name === 'string') inputNames.add(i.name);
  }
  const dsVariables = new Map<string, string>();
  const list =
    isRecord(dash.templating) && Array.isArray(dash.templating.list) ? dash.templating.list : [];
  // Community exports often have both an input and a datasource variable of the same name
  // (DS_PROMETHEUS): the variable wins, so its picker drives the panels (see resolveDs).
  for (const v of list) {
    if (isRecord(v) && v.type === 'datasource' && typeof v.name === 'string') {
      dsVariables.set(v.name, asNonEmptyString(v.query) ?? 'prometheus');
    }
  }
  return {
    inputs: new Map((opts.inputs ?? []).map((i) => [i.name, i.value])),
    inputNames,
    dsVariables,
    known: opts.datasources
      ? new Map(
          opts.datasources.flatMap((d) => [[d.name, d.uid] as const, [d.uid, d.uid] as const]),
        )
      : undefined,
    usesDashboardDs: false,
  };
}

const notConfigured = (id: string) =>
  `datasource "${id}" is not configured here; kept as written, its queries fail until it is added`;

/** `$name`, `${name}` or `[[name]]` → name. */
function variableName(s: string): string | undefined {
  return /^\$\{([\w.]+)(?::\w+)?\}$|^\$(\w+)$|^\[\[(\w+)\]\]$/
    .exec(s)
    ?.slice(1)
    .find((g) => g !== undefined);
}

/**
 * Resolves a panel or target datasource to a `{ type, uid }` reference. `null`/default and
 * unresolved inputs become DASHBOARD_DS; a name or uid is kept as written (a name as
 * `{ uid: name }`, as Grafana does for one it cannot find; as `{ type, uid }` for one among the
 * configured datasources, when given). Returns the reference and, for a name or uid not among
 * those, a note for the issue list.
 */
export function resolveDs(raw: unknown, ctx: DsContext): { ref: Json; note?: string } {
  const dashboard = (): { ref: Json } => {
    ctx.usesDashboardDs = true;
    return { ref: { ...DASHBOARD_DS } };
  };
  if (raw === null || raw === undefined || raw === 'default') return dashboard();
  if (raw === '-- Mixed --') return { ref: { ...MIXED_DS } };
  if (raw === '-- Grafana --' || raw === 'grafana') return { ref: { ...GRAFANA_DS } };
  if (raw === '-- Dashboard --') return { ref: { ...DASHBOARD_RESULTS_DS } };
  const uid =
    typeof raw === 'string'
      ? raw
      : isRecord(raw) && typeof raw.uid === 'string'
        ? raw.uid
        : undefined;
  const type = isRecord(raw) && typeof raw.type === 'string' ? raw.type : undefined;
  if (uid === undefined)
    return type === undefined || type === 'prometheus' ? dashboard() : { ref: raw as Json };
  if (uid === '-- Mixed --') return { ref: { ...MIXED_DS } };
  const name = variableName(uid);
  if (name !== undefined) {
    if (name === 'datasource') return dashboard();
    // A datasource variable of the dashboard, even when an input has its name: the reference
    // stays the variable's, so one picker (the variable's, as in Grafana) moves every panel
    // that names it; an input bound on import becomes the variable's current value instead
    // (bindDatasourceVariables).
    const varType = ctx.dsVariables.get(name);
    if (varType !== undefined) return { ref: { type: type ?? varType, uid: `\${${name}}` } };
    const chosen = ctx.inputs.get(name);
    if (chosen !== undefined) return { ref: { type: type ?? 'prometheus', uid: chosen } };
    return dashboard(); // an __inputs placeholder nobody filled in
  }
  if (typeof raw === 'string') {
    // Old dashboards name the datasource. Grafana's schemaVersion 33 migration
    // (migrateDatasourceNameToRef) turns a name it cannot find into `{ uid: name }`: the panel
    // keeps pointing at that datasource, which the view finds by uid or by name, and which
    // may be added here later. It never falls back to the default.
    const found = ctx.known?.get(raw);
    if (found !== undefined) return { ref: { type: 'prometheus', uid: found } };
    return { ref: { uid: raw }, note: ctx.known ? notConfigured(raw) : undefined };
  }
  if (ctx.known && (type === undefined || type === 'prometheus') && !ctx.known.has(uid))
    return { ref: raw as Json, note: notConfigured(uid) };
  return { ref: raw as Json };
}

export function isPrometheusRef(ref: Json): boolean {
  return ref.type === 'prometheus' || ref.type === undefined;
}

/**
 * A datasource variable named like an `__inputs` entry bound on import starts at the bound
 * datasource (its `current`, as Grafana's picker stores it): the panels that name the variable
 * go where the import said, and its picker moves them all from there.
 */
export function bindDatasourceVariables(dash: Json, ctx: DsContext, names: Map<string, string>) {
  const list = isRecord(dash.templating) ? dash.templating.list : undefined;
  for (const v of Array.isArray(list) ? list : []) {
    if (!isRecord(v) || v.type !== 'datasource' || typeof v.name !== 'string') continue;
    const uid = ctx.inputs.get(v.name);
    if (uid === undefined || !ctx.inputNames.has(v.name)) continue;
    v.current = { selected: true, text: names.get(uid) ?? uid, value: uid };
  }
}

/** Adds the `datasource` template variable when a DASHBOARD_DS reference was written. */
export function ensureDatasourceVariable(dash: Json, ctx: DsContext): void {
  if (!ctx.usesDashboardDs) return;
  const templating = isRecord(dash.templating) ? dash.templating : {};
  const list = Array.isArray(templating.list) ? templating.list : [];
  if (list.some((v) => isRecord(v) && v.name === 'datasource')) return;
  // Variable model: https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#add-a-data-source-variable
  const variable = {
    name: 'datasource',
    label: 'Data source',
    type: 'datasource',
    query: 'prometheus',
    current: {},
    hide: 0,
    options: [],
    refresh: 1,
    regex: '',
  };
  dash.templating = { ...templating, list: [variable, ...list] };
}
