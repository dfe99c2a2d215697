// Checks the body of POST /api/dashboards/db before anything touches the disk. Only what the
// store relies on is checked (title, uid, version, panels' container); the rest of Grafana's
// dashboard JSON passes through untouched so dashboards round-trip to Grafana.
// https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/#create--update-dashboard
import { isRecord } from '../../contract/json.ts';

export type Dashboard = Record<string, unknown>;

export interface SaveRequest {
  dashboard: Dashboard;
  overwrite: boolean;
  message: string;
  /** Grafana's folderUid: '' for General; absent keeps the folder it is in (new: General). */
  folderUid?: string;
}

/** A uid is a file name in DATA_DIR, so it may hold nothing that walks out of the folder. */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** Throws unless `uid` is safe as a file name; the store's last line against path traversal. */
export function assertUid(uid: string): string {
  if (!UID_PATTERN.test(uid)) throw new Error(`invalid dashboard uid ${JSON.stringify(uid)}`);
  return uid;
}

const MAX_MESSAGE = 500; // characters: a commit-style note, not a document

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const bad = <T>(error: string): Checked<T> => ({ ok: false, error });

/** The dashboard JSON itself; errors name the first bad field as `dashboard.<field>`. */
export function checkDashboard(d: unknown): Checked<Dashboard> {
  if (!isRecord(d)) return bad('dashboard: must be a JSON object');
  if (typeof d.title !== 'string' || !d.title.trim()) {
    return bad('dashboard.title: must be a non-empty string');
  }
  if (d.panels !== undefined && !Array.isArray(d.panels)) {
    return bad('dashboard.panels: must be an array');
  }
  // Grafana sends uid "" or null for a dashboard that has none yet.
  if (d.uid !== undefined && d.uid !== null && d.uid !== '') {
    if (typeof d.uid !== 'string' || !UID_PATTERN.test(d.uid)) {
      return bad('dashboard.uid: must be 1–40 characters from A-Z, a-z, 0-9, "_" and "-"');
    }
  }
  if (d.version !== undefined && d.version !== null) {
    if (typeof d.version !== 'number' || !Number.isFinite(d.version)) {
      return bad('dashboard.version: must be a number');
    }
  }
  return { ok: true, value: d };
}

export function checkSaveRequest(body: unknown): Checked<SaveRequest> {
  if (!isRecord(body)) return bad('body: must be a JSON object');
  const dashboard = checkDashboard(body.dashboard);
  if (!dashboard.ok) return dashboard;
  if (body.overwrite !== undefined && typeof body.overwrite !== 'boolean') {
    return bad('overwrite: must be a boolean');
  }
  if (body.message !== undefined && typeof body.message !== 'string') {
    return bad('message: must be a string');
  }
  const message = (body.message ?? '').slice(0, MAX_MESSAGE);
  const folderUid = body.folderUid;
  if (folderUid !== undefined && folderUid !== null && folderUid !== '') {
    if (typeof folderUid !== 'string' || !UID_PATTERN.test(folderUid)) {
      return bad(
        'folderUid: must be 1–40 characters from A-Z, a-z, 0-9, "_" and "-", or "" for General',
      );
    }
  }
  return {
    ok: true,
    value: {
      dashboard: dashboard.value,
      overwrite: body.overwrite === true,
      message,
      ...(typeof folderUid === 'string' || folderUid === null
        ? { folderUid: folderUid ?? '' }
        : {}),
    },
  };
}

/** The body of POST …/restore: `{version}`, a positive whole number. */
export function checkRestoreRequest(body: unknown): Checked<number> {
  if (!isRecord(body)) return bad('body: must be a JSON object');
  const v = body.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return bad('version: must be a positive whole number');
  }
  return { ok: true, value: v };
}

/** MAX_PANELS' default: more than any real dashboard, far below what freezes a browser. */
export const DEFAULT_MAX_PANELS = 1000;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Every panel a browser may be asked to draw: the entries of `panels`, the panels inside
 * each row (open or collapsed: a collapsed row keeps them in its own `panels`), and those of
 * old `rows[]`. One level deep, as Grafana nests, so a hostile nesting costs no recursion.
 */
export function countPanels(d: Dashboard): number {
  let n = 0;
  for (const p of list(d.panels)) n += 1 + (isRecord(p) ? list(p.panels).length : 0);
  for (const r of list(d.rows)) n += isRecord(r) ? list(r.panels).length : 0;
  return n;
}

/** A dashboard past MAX_PANELS is refused with its count and the limit, before it is stored. */
export function checkPanelCount(d: Dashboard, max: number): Checked<Dashboard> {
  const n = countPanels(d);
  if (n <= max) return { ok: true, value: d };
  return bad(
    `dashboard.panels: ${n} panels (rows and the panels inside them included) is over ` +
      `this server's limit of ${max} (MAX_PANELS); split the dashboard`,
  );
}
