// Promscope's own API (Grafana-shaped where Grafana has one): health, datasources, dashboards.
import { getJson } from './client.ts';

export interface DatasourceHealth {
  uid: string;
  name: string;
  url: string;
  up: boolean;
  prometheusVersion?: string;
  error?: string;
  /** Not probed yet by the server (its first probe is slow): neither up nor down. */
  checking?: boolean;
}

export interface Health {
  status: string;
  version: string;
  /** READ_ONLY=true on the server: every write is refused, so editing is hidden. */
  readOnly?: boolean;
  datasources: DatasourceHealth[];
}

export interface Datasource {
  uid: string;
  name: string;
  type: 'prometheus';
  url: string;
  isDefault: boolean;
  readOnly: boolean;
  /** Grafana's names: the scrape interval, and how much a live tick re-asks (e.g. "10m"). */
  jsonData: { timeInterval: string; incrementalQueryOverlapWindow?: string };
}

export interface SearchHit {
  uid: string;
  title: string;
  url: string;
  tags: string[];
  provisioned?: boolean;
  error?: string;
}

export interface DashboardResponse {
  dashboard: Record<string, unknown>;
  meta: {
    version: number;
    provisioned: boolean;
    /** False for a provisioned dashboard or on a read-only server. */
    canSave?: boolean;
    slug: string;
    url: string;
  };
}

export interface SaveAnswer {
  uid: string;
  url: string;
  version: number;
  slug: string;
  status: 'success';
}

/**
 * POST /api/dashboards/db. The dashboard carries the version it was loaded at; a stale one
 * is refused with 412 (ApiError status 412, errorType "version-mismatch") unless `overwrite`.
 */
export const saveDashboard = (
  dashboard: Record<string, unknown>,
  opts: { overwrite?: boolean; message?: string } = {},
) =>
  getJson<SaveAnswer>('/api/dashboards/db', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ dashboard, overwrite: opts.overwrite === true, message: opts.message }),
  });

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', { signal });

export const listDatasources = (signal?: AbortSignal) =>
  getJson<Datasource[]>('/api/datasources', { signal });

export const addDatasource = (url: string, name?: string) =>
  getJson<Datasource>('/api/datasources', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, ...(name ? { name } : {}) }),
  });

/** DELETE /api/datasources/uid/:uid: only datasources added in the UI (not readOnly ones). */
export const removeDatasource = (uid: string) =>
  getJson<{ message: string; uid: string; name: string }>(
    `/api/datasources/uid/${encodeURIComponent(uid)}`,
    // The server's write guard asks every write for a JSON type, a body or not.
    { method: 'DELETE', headers: { 'Content-Type': 'application/json' } },
  );

export const searchDashboards = (signal?: AbortSignal) =>
  getJson<SearchHit[]>('/api/search', { signal });

export const getDashboard = (uid: string, signal?: AbortSignal) =>
  getJson<DashboardResponse>(`/api/dashboards/uid/${encodeURIComponent(uid)}`, { signal });

export interface ImportIssue {
  panelId?: number;
  panelTitle?: string;
  path: string;
  message: string;
}

export interface ImportResult {
  status: 'success';
  imported: true;
  uid: string;
  title: string;
  url: string;
  version: number;
  issues: ImportIssue[];
}

/** POST /api/dashboards/import: the answer lists, per panel, what could not be mapped. */
export const importDashboard = (dashboard: unknown, overwrite: boolean, signal?: AbortSignal) =>
  getJson<ImportResult>('/api/dashboards/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ dashboard, overwrite }),
    signal,
  });
