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

/** A provisioned datasource not served, and why (a Loki one, another organisation…). */
export interface ProvisioningSkip {
  name: string;
  type: string;
  /** "file:line" in PROVISIONING_DIR. */
  file: string;
  reason: string;
}

/** What PROVISIONING_DIR gave at start: what was skipped, and every error in its files. */
export interface ProvisioningReport {
  skipped: ProvisioningSkip[];
  /** "file:line: field: what is wrong"; never a value (it may be a secret). */
  errors: string[];
}

/** GET /api/health. */
export interface Health {
  status: 'ok';
  version: string;
  /** READ_ONLY=true on the server: every write is refused, so editing is hidden. */
  readOnly: boolean;
  datasources: DatasourceHealth[];
  /** Present when PROVISIONING_DIR is set. */
  provisioning?: ProvisioningReport;
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
  /** From configuration (PROMETHEUS_URL, or a provisioning file without `editable: true`). */
  readOnly: boolean;
  basicAuth?: boolean;
  basicAuthUser?: string;
  /**
   * Grafana's names: the scrape interval, how much a live tick re-asks (e.g. "600s"), the
   * upstream method, custom header names (httpHeaderName1…; their values are secret), and
   * which TLS switches are on (the certificates and key are secret).
   */
  jsonData: {
    timeInterval: string;
    incrementalQueryOverlapWindow: string;
    httpMethod?: 'GET' | 'POST';
    tlsSkipVerify?: boolean;
    tlsAuthWithCACert?: boolean;
    tlsAuth?: boolean;
    serverName?: string;
    [httpHeaderNameN: `httpHeaderName${number}`]: string;
  };
  /** Which secureJsonData fields are set (Grafana's secureJsonFields); never their values. */
  secureJsonFields?: Record<string, true>;
  /** "file:line" of the provisioning file it comes from. */
  provisionedFrom?: string;
}

/** One dashboard (`dash-db`) or folder (`dash-folder`) in GET /api/search. */
export interface SearchHit {
  uid: string;
  title: string;
  uri: string;
  url: string;
  slug: string;
  type: 'dash-db' | 'dash-folder';
  tags: string[];
  isStarred: boolean;
  provisioned: boolean;
  /** The folder a dashboard is in; absent in General. */
  folderUid?: string;
  folderTitle?: string;
  folderUrl?: string;
  /** Why a provisioned file could not be read; its other fields are then guesses. */
  error?: string;
}

/** One folder in GET /api/folders. */
export interface FolderSummary {
  id: null;
  uid: string;
  title: string;
}

/** GET /api/folders/:uid, and the answer to POST and PUT (Grafana's folder shape). */
export interface FolderAnswer {
  id: null;
  uid: string;
  title: string;
  url: string;
  hasAcl: false;
  canSave: boolean;
  canEdit: boolean;
  canAdmin: boolean;
  canDelete: boolean;
  /** From a dashboard provider's file: renamed or deleted there, not here. */
  provisioned: boolean;
  created: string | null; // ISO 8601; null for a provisioned folder
  updated: string | null;
  version: number;
}

/** DELETE /api/folders/:uid. */
export interface FolderDeleteAnswer {
  title: string;
  message: string;
  id: null;
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
    /** The provisioned file's path in its provider's folder (DASHBOARDS_DIR or a provider's path). */
    provisionedExternalId?: string;
    /** The folder it is in; '' in General. */
    folderUid?: string;
    folderTitle?: string;
    folderUrl?: string;
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
  /** The folder it is now in; '' for General. */
  folderUid?: string;
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
