// The import dialog's pure parts: reading pasted or picked text as a dashboard, and naming
// each issue the server reports by its panel.
import { asArray, asNonEmptyString, isRecord } from '../../../contract/json.ts';
import type { ImportIssue } from '../../api/server.ts';

export type ParsedDashboard =
  | { ok: true; dashboard: Record<string, unknown> }
  | { ok: false; error: string };

/** The text as a dashboard object, or why not; nothing is sent unless `ok`. */
export function parseDashboardText(text: string): ParsedDashboard {
  if (!text.trim()) return { ok: false, error: 'Paste dashboard JSON or choose a .json file.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    return { ok: false, error: `Not a dashboard: the JSON is ${kind}, not an object.` };
  }
  return { ok: true, dashboard: value as Record<string, unknown> };
}

/** "Pool latency" / "Panel 7" / the JSON path when the issue is not about one panel. */
export function issuePanel(issue: ImportIssue): string {
  if (issue.panelTitle) return issue.panelTitle;
  if (issue.panelId !== undefined) return `Panel ${issue.panelId}`;
  return issue.path;
}

/** Only a same-origin path is linked: the answer's url is data, never a script URL. */
export function safeLocalUrl(url: unknown): string | undefined {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : undefined;
}

/** A datasource the export asks for (`__inputs`, type datasource): bound to one of ours. */
export interface DatasourceInput {
  name: string;
  label: string;
  pluginId: string;
}

/**
 * The export's datasource inputs, as Grafana's import form lists them ("DS_PROMETHEUS" with its
 * label "Prometheus"), Prometheus ones only: a name given twice is asked once.
 * https://grafana.com/docs/grafana/latest/dashboards/share-dashboards-panels/#export-a-dashboard-as-json
 */
export function datasourceInputs(dashboard: Record<string, unknown>): DatasourceInput[] {
  const seen = new Set<string>();
  const out: DatasourceInput[] = [];
  for (const raw of asArray(dashboard.__inputs)) {
    if (!isRecord(raw) || raw.type !== 'datasource') continue;
    const name = asNonEmptyString(raw.name);
    const pluginId = asNonEmptyString(raw.pluginId) ?? 'prometheus';
    if (!name || pluginId !== 'prometheus' || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, label: asNonEmptyString(raw.label) ?? name, pluginId });
  }
  return out;
}
