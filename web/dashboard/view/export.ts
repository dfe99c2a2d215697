// Dashboard JSON export (pure). As stored, it is what Grafana's "Export" gives and imports
// back. "Export for sharing externally" does what Grafana's exporter does, so the file can be
// imported into any Grafana or Promscope whose datasources have other uids:
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/components/DashExportModal/DashboardExporter.ts
// https://grafana.com/docs/grafana/latest/dashboards/share-dashboards-panels/#export-a-dashboard-as-json
//  - every reference to a concrete datasource (uid, name, or null for the default) becomes
//    `${DS_<NAME>}` (e.g. `${DS_PROMETHEUS}`), declared once in `__inputs`; on import the
//    person picks a datasource for it (server/dashboards/grafana/datasource.ts reads it);
//  - references through a datasource variable (`${datasource}`) stay: they already follow
//    whatever datasource the importer chooses; built-in ones (Mixed, Grafana) stay too;
//  - a target without a datasource takes its panel's, as Grafana writes it;
//  - query variables lose their options and current value, datasource variables their
//    current value, so nothing from this server's data leaks into the file;
//  - `id` becomes null and `__requires` lists the datasource and panel plugins.
// Inputs the stored JSON already declares are kept. Constants are kept as they are (Grafana turns them into `VAR_` inputs, which an import
// without the values would lose).
import { asArray, isRecord } from '../../../contract/json.ts';
import type { Datasource } from '../../api/server.ts';
import { resolveDatasource } from '../../model/datasource-ref.ts';
import type { DatasourceRef } from '../../model/model.ts';

type Json = Record<string, unknown>;

export interface ExportInput {
  name: string;
  label: string;
  description: string;
  type: 'datasource';
  pluginId: 'prometheus';
  pluginName: 'Prometheus';
}

export interface ExternalExport {
  dashboard: Json;
  /** References rewritten to an input. */
  replaced: number;
  /** References kept because they go through a datasource variable. */
  throughVariable: number;
}

// `$name`, `${name}`, `${name:format}` or `[[name]]`, as Grafana's variableRegex reads them.
const VARIABLE = /^\$(\w+)$|^\$\{(\w+)(?::[^}]*)?\}$|^\[\[(\w+)\]\]$/;
const BUILT_IN = new Set(['-- Mixed --', '-- Grafana --', '-- Dashboard --', 'grafana']);

// Grafana's panel plugin names, for __requires.
const PANEL_NAMES: Record<string, string> = {
  timeseries: 'Time series',
  stat: 'Stat',
  gauge: 'Gauge',
  bargauge: 'Bar gauge',
  table: 'Table',
  text: 'Text',
  heatmap: 'Heatmap',
};

/** `DS_` and the datasource's name in capitals, anything but A–Z 0–9 _ as `_`. */
export function inputName(datasourceName: string): string {
  return `DS_${datasourceName.toUpperCase().replace(/\W/g, '_')}`;
}

/** The JSON of the dashboard export, two-space indented as Grafana writes it. */
export const exportText = (dashboard: unknown): string => `${JSON.stringify(dashboard, null, 2)}\n`;

export function exportExternally(
  stored: Json,
  datasources: readonly Datasource[],
  selected: Datasource,
): ExternalExport {
  const dash = JSON.parse(JSON.stringify(stored)) as Json;
  const templating = isRecord(dash.templating) ? dash.templating : {};
  const variables = asArray(templating.list).filter(isRecord);
  const names = new Set(variables.map((v) => v.name).filter((n) => typeof n === 'string'));
  // Inputs the stored JSON already declares stay declared (their placeholders are kept).
  const inputs = new Map<string, unknown>(
    asArray(dash.__inputs)
      .filter(isRecord)
      .map((i) => [String(i.name), i]),
  );
  let replaced = 0;
  let throughVariable = 0;

  const templateize = (obj: Json, fallback?: unknown) => {
    if (obj.datasource === undefined) {
      if (fallback !== undefined) obj.datasource = structuredClone(fallback);
      return;
    }
    const ref = obj.datasource;
    const uid = typeof ref === 'string' ? ref : isRecord(ref) ? ref.uid : undefined;
    const type = isRecord(ref) ? ref.type : undefined;
    if (typeof uid === 'string') {
      const m = VARIABLE.exec(uid);
      if (m) {
        // A datasource variable, or an input placeholder already: either way not a uid.
        if (names.has(m[1] ?? m[2] ?? m[3] ?? '')) throughVariable++;
        return;
      }
      if (BUILT_IN.has(uid)) return;
    }
    // Other plugins' datasources (Loki, the Grafana built-in) are not this server's to name.
    if (type !== undefined && type !== 'prometheus') return;
    const ds = resolveDatasource(ref as DatasourceRef, datasources, selected);
    const name = inputName(ds.name);
    inputs.set(name, {
      name,
      label: ds.name,
      description: '',
      type: 'datasource',
      pluginId: 'prometheus',
      pluginName: 'Prometheus',
    });
    obj.datasource = { type: 'prometheus', uid: `\${${name}}` };
    replaced++;
  };

  const panelTypes = new Set<string>();
  const visit = (panel: Json) => {
    if (panel.type === 'row') {
      for (const p of asArray(panel.panels).filter(isRecord)) visit(p);
      return;
    }
    if (typeof panel.type === 'string') panelTypes.add(panel.type);
    templateize(panel);
    for (const t of asArray(panel.targets).filter(isRecord)) templateize(t, panel.datasource);
    for (const p of asArray(panel.panels).filter(isRecord)) visit(p);
  };
  for (const p of asArray(dash.panels).filter(isRecord)) visit(p);

  for (const v of variables) {
    if (v.type === 'query') {
      templateize(v);
      v.options = [];
      v.current = {};
      v.refresh = v.refresh === 0 || v.refresh === undefined ? 1 : v.refresh;
    } else if (v.type === 'datasource') {
      v.current = {};
    } else if (v.type === 'adhoc') {
      templateize(v);
    }
  }
  const annotations = isRecord(dash.annotations) ? asArray(dash.annotations.list) : [];
  for (const a of annotations.filter(isRecord)) templateize(a);

  const requires = [
    { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
    ...[...panelTypes].map((id) => ({
      type: 'panel',
      id,
      name: PANEL_NAMES[id] ?? id,
      version: '',
    })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const { __inputs: _inputs, __requires: _requires, ...rest } = dash;
  return {
    dashboard: { __inputs: [...inputs.values()], __requires: requires, ...rest, id: null },
    replaced,
    throughVariable,
  };
}
