// The answers of Promscope's own HTTP API (docs/ARCHITECTURE.md "HTTP contract"), declared
// once: the server's handlers check what they send against them (`satisfies`), the web app
// reads them through web/api/server.ts. Grafana's shapes where Grafana has the route, so
// tools and habits carry over. Prometheus' own answers, relayed by the proxy, are typed in
// web/api/types.ts.
// https://grafana.com/docs/grafana/latest/developers/http_api/
import type { DashboardJson, ImportIssue } from './grafana.ts';

/** Every error of ours, in Prometheus' envelope, so the browser reads ours and upstream's alike. */
export interface ErrorAnswer {
  status: 'error';
  errorType: string;
  error: string;
}

/** One datasource in GET /api/health. */
export interface DatasourceHealth {
  uid: string;
  name: string;
  url: string;
  up: boolean;
  prometheusVersion?: string;
  error?: string;
  /** Not probed yet (probing just started, and the first probe is slow): up is unknown. */
  checking?: true;
}

/** GET /api/health. */
export interface Health {
  status: 'ok';
  version: string;
  /** READ_ONLY=true on the server: every write is refused, so editing is hidden. */
  readOnly: boolean;
  datasources: DatasourceHealth[];
}

/** GET /api/datasources (a list), GET /api/datasources/uid/:uid, POST /api/datasources. */
export interface PublicDatasource {
  uid: string;
  name: string;
  type: 'prometheus';
  access: 'proxy';
  /** Without user:password, ever. */
  url: string;
  isDefault: boolean;
  /** From configuration: it cannot be changed from the UI. */
  readOnly: boolean;
  /** Grafana's names: the scrape interval, and how much a live tick re-asks (e.g. "600s"). */
  jsonData: { timeInterval: string; incrementalQueryOverlapWindow: string };
}

/** One dashboard in GET /api/search. */
export interface SearchHit {
  uid: string;
  title: string;
  uri: string;
  url: string;
  slug: string;
  type: 'dash-db';
  tags: string[];
  isStarred: boolean;
  provisioned: boolean;
  /** Why a provisioned file could not be read; its other fields are then guesses. */
  error?: string;
}

/** GET /api/dashboards/uid/:uid. */
export interface DashboardAnswer {
  dashboard: DashboardJson;
  meta: {
    version: number;
    provisioned: boolean;
    /** False for a provisioned dashboard or on a read-only server. */
    canSave: boolean;
    slug: string;
    url: string;
    /** Saved dashboards only; null when its history does not say. */
    created?: string | null; // ISO 8601
    updated?: string | null; // ISO 8601
    /** The provisioned file's name in DASHBOARDS_DIR. */
    provisionedExternalId?: string;
  };
}

/** POST /api/dashboards/db and POST /api/dashboards/uid/:uid/restore. */
export interface SaveAnswer {
  id: null;
  uid: string;
  url: string;
  status: 'success';
  version: number;
  slug: string;
}

/** 412 to a save whose version is stale (Grafana's own answer, not the error envelope). */
export interface VersionMismatchAnswer {
  status: 'version-mismatch';
  message: string;
}

/** DELETE /api/dashboards/uid/:uid. */
export interface DeleteAnswer {
  title: string;
  message: string;
}

/** One entry of GET /api/dashboards/uid/:uid/versions, newest first. */
export interface VersionSummary {
  version: number;
  created: string | null; // ISO 8601; null when the record cannot be read
  message: string;
  error?: string;
}

/** GET /api/dashboards/uid/:uid/versions/:version. */
export interface VersionAnswer {
  version: number;
  created: string; // ISO 8601
  message: string;
  data: DashboardJson;
}

/** POST /api/dashboards/import: what could not be mapped, per panel. */
export interface ImportAnswer {
  status: 'success';
  imported: true;
  uid: string;
  title: string;
  slug: string;
  version: number;
  url: string;
  importedUrl: string;
  issues: ImportIssue[];
}

/** 412 to an import over an existing uid without `overwrite`. */
export interface ImportExistsAnswer {
  status: 'exists';
  message: string;
}
