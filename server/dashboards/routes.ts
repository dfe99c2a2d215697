// Grafana's read API for dashboards: GET /api/search and GET /api/dashboards/uid/:uid.
import { Hono } from 'hono';
import { apiError } from '../errors.ts';
import type { ProvisionedDashboards } from './provisioned.ts';

export function dashboardRoutes(store: ProvisionedDashboards): Hono {
  const app = new Hono();

  app.get('/search', async (c) => {
    const query = (c.req.query('query') ?? '').toLowerCase();
    const tags = c.req.queries('tag') ?? [];
    const hits = (await store.list())
      .filter((e) => e.title.toLowerCase().includes(query))
      .filter((e) => tags.every((t) => e.tags.includes(t)))
      .map((e) => ({
        uid: e.uid,
        title: e.title,
        uri: `db/${e.slug}`,
        url: `/d/${e.uid}/${e.slug}`,
        slug: e.slug,
        type: 'dash-db',
        tags: e.tags,
        isStarred: false,
        provisioned: true,
        ...(e.error ? { error: e.error } : {}),
      }));
    return c.json(hits);
  });

  app.get('/dashboards/uid/:uid', async (c) => {
    const uid = c.req.param('uid');
    const entry = await store.get(uid);
    if (!entry) return apiError(c, 404, 'not_found', `no dashboard with uid "${uid}"`);
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
    });
  });

  return app;
}
