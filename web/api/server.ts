// Promscope's own API (Grafana-shaped where Grafana has one): health, datasources, dashboards.
import type {
  DashboardAnswer,
  FolderAnswer,
  FolderSummary,
  Health,
  ImportAnswer,
  PublicDatasource,
  SaveAnswer,
  SearchHit,
} from '../../contract/api.ts';
import { getJson } from './client.ts';

// The answers' types are the server's own (contract/api.ts): one declaration for both sides.
export type {
  DashboardAnswer as DashboardResponse,
  DatasourceHealth,
  FolderAnswer,
  FolderSummary,
  Health,
  ImportAnswer as ImportResult,
  PublicDatasource as Datasource,
  SaveAnswer,
  SearchHit,
} from '../../contract/api.ts';
export type { ImportIssue } from '../../contract/grafana.ts';

/**
 * POST /api/dashboards/db. The dashboard carries the version it was loaded at; a stale one
 * is refused with 412 (ApiError status 412, errorType "version-mismatch") unless `overwrite`.
 */
export const saveDashboard = (
  dashboard: Record<string, unknown>,
  opts: { overwrite?: boolean; message?: string; folderUid?: string } = {},
) =>
  getJson<SaveAnswer>('/api/dashboards/db', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      dashboard,
      overwrite: opts.overwrite === true,
      message: opts.message,
      ...(opts.folderUid !== undefined ? { folderUid: opts.folderUid } : {}),
    }),
  });

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', { signal });

export const listDatasources = (signal?: AbortSignal) =>
  getJson<PublicDatasource[]>('/api/datasources', { signal });

export const addDatasource = (url: string, name?: string) =>
  getJson<PublicDatasource>('/api/datasources', {
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

/** Dashboards only (`type=dash-db`): links, the home page and "Add to dashboard" want no folders. */
export const searchDashboards = (signal?: AbortSignal) =>
  getJson<SearchHit[]>('/api/search?type=dash-db', { signal });

/** Folders (`dash-folder`) and dashboards, for the dashboards list. */
export const searchAll = (signal?: AbortSignal) => getJson<SearchHit[]>('/api/search', { signal });

export const listFolders = (signal?: AbortSignal) =>
  getJson<FolderSummary[]>('/api/folders', { signal });

/** POST /api/folders; 409 when the title is taken, 400 with the reason for a bad one. */
export const createFolder = (title: string) =>
  getJson<FolderAnswer>('/api/folders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });

export const getDashboard = (uid: string, signal?: AbortSignal) =>
  getJson<DashboardAnswer>(`/api/dashboards/uid/${encodeURIComponent(uid)}`, { signal });

/** POST /api/dashboards/import: the answer lists, per panel, what could not be mapped. */
/** `inputs` binds the export's `__inputs` (`DS_PROMETHEUS`) to datasource uids, as Grafana's. */
export const importDashboard = (
  dashboard: unknown,
  overwrite: boolean,
  inputs: readonly { name: string; value: string }[] = [],
  /** '' for General; undefined leaves a dashboard already there in its folder. */
  folderUid?: string,
  signal?: AbortSignal,
) =>
  getJson<ImportAnswer>('/api/dashboards/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      dashboard,
      overwrite,
      ...(inputs.length > 0 ? { inputs } : {}),
      ...(folderUid !== undefined ? { folderUid } : {}),
    }),
    signal,
  });
