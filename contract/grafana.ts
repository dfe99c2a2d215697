// Grafana dashboard JSON as both sides handle it: kept as it came (a Json object whose fields
// are read with contract/json.ts), plus what the import reports about it. The server's
// normaliser (server/dashboards/grafana/) writes these; the web app shows them.
// JSON model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
import type { Json } from './json.ts';

/** A dashboard's JSON model: unknown fields are kept, so it still opens in Grafana. */
export type DashboardJson = Json;

/** Something the import kept but could not map to what Promscope draws, per panel. */
export interface ImportIssue {
  panelId?: number;
  panelTitle?: string;
  /** Where, e.g. `panels[0].transformations`. */
  path: string;
  message: string;
}
