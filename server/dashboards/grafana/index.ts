// Grafana dashboard import: normalise Grafana JSON into the shape Promscope draws.
// https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
export { DASHBOARD_DS } from './datasource.ts';
export { normaliseDashboard, TARGET_SCHEMA_VERSION } from './normalise.ts';
export { DRAWN_TYPES } from './panels.ts';
export {
  ImportError,
  type ImportIssue,
  type NormaliseOptions,
  type NormaliseResult,
} from './types.ts';
