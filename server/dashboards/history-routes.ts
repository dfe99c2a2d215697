// Grafana's dashboard versions API for saved dashboards: list, one version, restore.
// Provisioned dashboards have no history here: their files are versioned wherever they come from.
// https://grafana.com/docs/grafana/latest/developers/http_api/dashboard_versions/
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { VersionAnswer, VersionSummary } from '../../contract/api.ts';
import { apiError } from '../errors.ts';
import { checkRestoreRequest, UID_PATTERN } from './validate.ts';
import type { WriteDeps } from './write-routes.ts';
import { jsonBody, saveAnswer, storageError } from './write-routes.ts';

/** 404 unless `uid` names a saved dashboard. */
async function missing(c: Context, deps: WriteDeps, uid: string): Promise<Response | null> {
  if (UID_PATTERN.test(uid) && (await deps.saved.exists(uid))) return null;
  return apiError(c, 404, 'not_found', `no saved dashboard with uid "${uid}"`);
}

export function dashboardHistoryRoutes(deps: WriteDeps): Hono {
  const app = new Hono();

  app.get('/dashboards/uid/:uid/versions', async (c) => {
    const uid = c.req.param('uid');
    const notFound = await missing(c, deps, uid);
    if (notFound) return notFound;
    return c.json((await deps.saved.versions(uid)) satisfies VersionSummary[]);
  });

  app.get('/dashboards/uid/:uid/versions/:version', async (c) => {
    const uid = c.req.param('uid');
    const notFound = await missing(c, deps, uid);
    if (notFound) return notFound;
    const version = Number(c.req.param('version'));
    const rec =
      Number.isInteger(version) && version > 0
        ? await deps.saved.version(uid, version).catch((err: Error) => err)
        : null;
    if (rec instanceof Error) return apiError(c, 500, 'broken', rec.message);
    if (!rec) {
      return apiError(
        c,
        404,
        'not_found',
        `dashboard "${uid}" has no version ${c.req.param('version')}`,
      );
    }
    const { version: v, created, message, dashboard } = rec;
    return c.json({ version: v, created, message, data: dashboard } satisfies VersionAnswer);
  });

  app.post('/dashboards/uid/:uid/restore', async (c) => {
    const uid = c.req.param('uid');
    const parsed = await jsonBody(c);
    if ('error' in parsed) return parsed.error;
    const checked = checkRestoreRequest(parsed.body);
    if (!checked.ok) return apiError(c, 400, 'bad_data', checked.error);
    const notFound = await missing(c, deps, uid);
    if (notFound) return notFound;
    try {
      const result = await deps.saved.restore(uid, checked.value);
      if (!result) {
        return apiError(c, 404, 'not_found', `dashboard "${uid}" has no version ${checked.value}`);
      }
      return saveAnswer(c, result);
    } catch (err) {
      return storageError(c, deps, `could not restore dashboard "${uid}"`, err);
    }
  });

  return app;
}
