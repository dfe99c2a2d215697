// Grafana's dashboard API: GET /api/search and GET /api/dashboards/uid/:uid over provisioned
// (DASHBOARDS_DIR, read-only) and saved (DATA_DIR) dashboards, plus the write and history
// routes. A provisioned dashboard wins over a saved one with the same uid, as saves of a
// provisioned uid are refused: such a saved file predates the provisioned one.
import { Hono } from 'hono';
import type { DashboardAnswer, SearchHit } from '../../contract/api.ts';
import { apiError } from '../errors.ts';
import { dashboardHistoryRoutes } from './history-routes.ts';
import { dashboardImportRoute } from './import-route.ts';
import type { DashboardEntry, ProvisionedDashboards } from './provisioned.ts';
import type { SavedDashboards } from './store.ts';
import { UID_PATTERN } from './validate.ts';
import { dashboardWriteRoutes } from './write-routes.ts';

export interface DashboardRoutesOptions {
  provisioned: ProvisionedDashboards;
  saved: SavedDashboards;
  readOnly: boolean;
  log?: (line: string) => void;
  /** MAX_PANELS, for saves and imports. */
  maxPanels?: number;
  /** The datasources configured now (the import names those a dashboard lacks). */
  datasources?: () => readonly { uid: string; name: string }[];
}

function hit(e: DashboardEntry, provisioned: boolean): SearchHit {
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
    ...(e.error ? { error: e.error } : {}),
  };
}

export function dashboardRoutes(opts: DashboardRoutesOptions): Hono {
  const { provisioned: store, saved } = opts;
  const app = new Hono();

  app.get('/search', async (c) => {
    const query = (c.req.query('query') ?? '').toLowerCase();
    const tags = c.req.queries('tag') ?? [];
    const [fromDir, fromData] = await Promise.all([store.list(), saved.list()]);
    const taken = new Set(fromDir.map((e) => e.uid));
    const hits = [
      ...fromDir.map((e) => ({ e, p: true })),
      ...fromData.filter((e) => !taken.has(e.uid)).map((e) => ({ e, p: false })),
    ]
      .filter(({ e }) => e.title.toLowerCase().includes(query))
      .filter(({ e }) => tags.every((t) => e.tags.includes(t)))
      .sort((a, b) => a.e.title.toLowerCase().localeCompare(b.e.title.toLowerCase()))
      .map(({ e, p }) => hit(e, p));
    return c.json(hits);
  });

  app.get('/dashboards/uid/:uid', async (c) => {
    const uid = c.req.param('uid');
    const entry = await store.get(uid);
    if (!entry) {
      const own = UID_PATTERN.test(uid) ? await saved.get(uid) : undefined;
      if (!own) return apiError(c, 404, 'not_found', `no dashboard with uid "${uid}"`);
      if (own.error || !own.dashboard) return apiError(c, 500, 'broken', own.error ?? 'unreadable');
      return c.json({
        dashboard: own.dashboard,
        meta: {
          version: own.version,
          provisioned: false,
          canSave: !opts.readOnly,
          slug: own.slug,
          url: `/d/${uid}/${own.slug}`,
          created: own.created,
          updated: own.updated,
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
        canSave: false,
        slug: entry.slug,
        url: `/d/${entry.uid}/${entry.slug}`,
        provisionedExternalId: entry.file,
      },
    } satisfies DashboardAnswer);
  });

  const writeDeps = {
    provisioned: store,
    saved,
    log: opts.log,
    maxPanels: opts.maxPanels,
    datasources: opts.datasources,
  };
  app.route('/', dashboardWriteRoutes(writeDeps));
  app.route('/', dashboardImportRoute(writeDeps));
  app.route('/', dashboardHistoryRoutes(writeDeps));
  return app;
}
