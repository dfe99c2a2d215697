// Grafana's dashboard API: GET /api/search and GET /api/dashboards/uid/:uid over provisioned
// (DASHBOARDS_DIR, read-only) and saved (DATA_DIR) dashboards, plus the write and history
// routes. A provisioned dashboard wins over a saved one with the same uid, as saves of a
// provisioned uid are refused: such a saved file predates the provisioned one.
import { Hono } from 'hono';
import type { DashboardAnswer, SearchHit } from '../../contract/api.ts';
import { apiError } from '../errors.ts';
import { type FolderIndex, type FolderView, folderUrl } from './folder-index.ts';
import { folderRoutes } from './folder-routes.ts';
import { dashboardHistoryRoutes } from './history-routes.ts';
import { dashboardImportRoute } from './import-route.ts';
import type { DashboardEntry, ProvisionedDashboards } from './provisioned.ts';
import type { DashboardStore } from './store.ts';
import { UID_PATTERN } from './validate.ts';
import { dashboardWriteRoutes } from './write-routes.ts';

export interface DashboardRoutesOptions {
  provisioned: ProvisionedDashboards;
  saved: DashboardStore;
  readOnly: boolean;
  log?: (line: string) => void;
  /** MAX_PANELS, for saves and imports. */
  maxPanels?: number;
  /** The datasources configured now (the import names those a dashboard lacks). */
  datasources?: () => readonly { uid: string; name: string }[];
  folders: FolderIndex;
}

/** Grafana's name for the folder of dashboards in no folder; `general` in folderUIDs. */
const GENERAL = 'General';

function folderMeta(uid: string | undefined, byUid: ReadonlyMap<string, FolderView>) {
  const folder = uid ? byUid.get(uid) : undefined;
  return folder
    ? {
        folderUid: folder.uid,
        folderTitle: folder.title,
        folderUrl: folderUrl(folder.uid, folder.title),
      }
    : { folderUid: '', folderTitle: GENERAL, folderUrl: '' };
}

function folderHit(f: FolderView): SearchHit {
  const url = folderUrl(f.uid, f.title);
  return {
    uid: f.uid,
    title: f.title,
    uri: `db/${url.split('/').at(-1)}`,
    url,
    slug: url.split('/').at(-1)!,
    type: 'dash-folder',
    tags: [],
    isStarred: false,
    provisioned: f.provisioned,
  };
}

function hit(
  e: DashboardEntry,
  provisioned: boolean,
  byUid: ReadonlyMap<string, FolderView>,
): SearchHit {
  const folder = e.folderUid ? byUid.get(e.folderUid) : undefined;
  return {
    uid: e.uid,
    title: e.title,
    uri: `db/${e.slug}`,
    url: `/d/${e.uid}/${e.slug}`,
    slug: e.slug,
    type: 'dash-db',
    tags: e.tags,
    isStarred: false,
    provisioned,
    ...(folder
      ? {
          folderUid: folder.uid,
          folderTitle: folder.title,
          folderUrl: folderUrl(folder.uid, folder.title),
        }
      : {}),
    ...(e.error ? { error: e.error } : {}),
  };
}

/** folderUIDs, repeated or comma-separated; `general` (or "") is General. */
function folderFilter(values: string[] | undefined): Set<string> | null {
  const uids = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  if (uids.length === 0) return null;
  return new Set(uids.map((u) => (u.toLowerCase() === 'general' ? '' : u)));
}

export function dashboardRoutes(opts: DashboardRoutesOptions): Hono {
  const { provisioned: store, saved } = opts;
  const app = new Hono();

  app.get('/search', async (c) => {
    const query = (c.req.query('query') ?? '').toLowerCase();
    const tags = c.req.queries('tag') ?? [];
    const type = c.req.query('type');
    const inFolders = folderFilter(c.req.queries('folderUIDs'));
    const [fromDir, fromData, folders] = await Promise.all([
      store.list(),
      saved.list(),
      opts.folders.all(),
    ]);
    const byUid = new Map(folders.map((f) => [f.uid, f]));
    const savedByUid = new Map(fromData.map((e) => [e.uid, e]));
    const taken = new Set(fromDir.map((e) => e.uid));
    const dashboards = [
      // allowUiUpdates: a copy saved from the UI stands for the file until it is deleted.
      ...fromDir.map((e) => ({ e: (e.allowUiUpdates && savedByUid.get(e.uid)) || e, p: true })),
      ...fromData.filter((e) => !taken.has(e.uid)).map((e) => ({ e, p: false })),
    ]
      .filter(({ e }) => e.title.toLowerCase().includes(query))
      .filter(({ e }) => tags.every((t) => e.tags.includes(t)))
      .filter(
        ({ e }) => !inFolders || inFolders.has(byUid.has(e.folderUid ?? '') ? e.folderUid! : ''),
      )
      .map(({ e, p }) => hit(e, p, byUid));
    // Folders have no tags and hold nothing of a folder filter, as in Grafana.
    const folderHits =
      tags.length || inFolders
        ? []
        : folders.filter((f) => f.title.toLowerCase().includes(query)).map(folderHit);
    const hits = [
      ...(type === 'dash-db' ? [] : folderHits),
      ...(type === 'dash-folder' ? [] : dashboards),
    ].sort(
      (a, b) =>
        (a.type === b.type ? 0 : a.type === 'dash-folder' ? -1 : 1) ||
        a.title.toLowerCase().localeCompare(b.title.toLowerCase()),
    );
    return c.json(hits);
  });

  app.get('/dashboards/uid/:uid', async (c) => {
    const uid = c.req.param('uid');
    const entry = await store.get(uid);
    const byUid = new Map((await opts.folders.all()).map((f) => [f.uid, f]));
    const copy = entry?.allowUiUpdates && UID_PATTERN.test(uid) ? await saved.get(uid) : undefined;
    if (!entry || copy) {
      const own = copy ?? (UID_PATTERN.test(uid) ? await saved.get(uid) : undefined);
      if (!own) return apiError(c, 404, 'not_found', `no dashboard with uid "${uid}"`);
      if (own.error || !own.dashboard) return apiError(c, 500, 'broken', own.error ?? 'unreadable');
      return c.json({
        dashboard: own.dashboard,
        meta: {
          version: own.version,
          provisioned: entry !== undefined,
          canSave: !opts.readOnly,
          slug: own.slug,
          url: `/d/${uid}/${own.slug}`,
          created: own.created,
          updated: own.updated,
          ...(entry ? { provisionedExternalId: entry.file } : {}),
          ...folderMeta(own.folderUid, byUid),
        },
      } satisfies DashboardAnswer);
    }
    if (entry.error || !entry.dashboard) {
      return apiError(c, 500, 'broken', entry.error ?? 'unreadable dashboard');
    }
    const version = typeof entry.dashboard.version === 'number' ? entry.dashboard.version : 1;
    return c.json({
      dashboard: entry.dashboard,
      meta: {
        version,
        provisioned: true,
        canSave: entry.allowUiUpdates === true && !opts.readOnly,
        slug: entry.slug,
        url: `/d/${entry.uid}/${entry.slug}`,
        provisionedExternalId: entry.file,
        ...folderMeta(entry.folderUid, byUid),
      },
    } satisfies DashboardAnswer);
  });

  const writeDeps = {
    provisioned: store,
    saved,
    log: opts.log,
    maxPanels: opts.maxPanels,
    datasources: opts.datasources,
    folders: opts.folders,
  };
  app.route('/', folderRoutes({ ...writeDeps, readOnly: opts.readOnly }));
  app.route('/', dashboardWriteRoutes(writeDeps));
  app.route('/', dashboardImportRoute(writeDeps));
  app.route('/', dashboardHistoryRoutes(writeDeps));
  return app;
}
