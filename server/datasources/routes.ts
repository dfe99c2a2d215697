// GET/POST /api/datasources and GET /api/health (DESIGN.md "HTTP contract").
import { Hono } from 'hono';
import { apiError } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import { storageProblem } from '../storage.ts';
import type { HealthChecker } from './health.ts';
import { probeDatasource } from './health.ts';
import type { DatasourceRegistry } from './registry.ts';
import { displayUrl, toPublic } from './registry.ts';
import { checkDatasourceUrl } from './url-policy.ts';

export interface DatasourceRouteOptions {
  registry: DatasourceRegistry;
  health: HealthChecker;
  fetch: typeof fetch;
  loopbackOnly: boolean;
  allowedUrls: readonly string[];
  version: string;
  /** READ_ONLY: the UI hides editing when the health answer says so. */
  readOnly: boolean;
  /** Where the detail of a failed save goes (paths, the OS's message): never to the client. */
  log?: (line: string) => void;
}

export function datasourceRoutes(opts: DatasourceRouteOptions): Hono {
  const app = new Hono();

  app.get('/health', async (c) => {
    const datasources = await Promise.all(
      opts.registry.list().map((ds) => {
        const refusal = opts.registry.refusal(ds);
        if (!refusal) return opts.health.check(ds);
        return { uid: ds.uid, name: ds.name, url: displayUrl(ds.url), up: false, error: refusal };
      }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', version: opts.version, readOnly: opts.readOnly, datasources });
  });

  app.get('/datasources', (c) => c.json(opts.registry.list().map(toPublic)));

  app.get('/datasources/uid/:uid', (c) => {
    const ds = opts.registry.get(c.req.param('uid'));
    return ds ? c.json(toPublic(ds)) : apiError(c, 404, 'not_found', 'no such datasource');
  });

  // Adds a Prometheus URL typed in the UI. Nothing is added unless the URL passes the policy
  // and answers the Prometheus query API.
  app.post('/datasources', async (c) => {
    const parsed = await readJsonBody(c, (why) => `malformed JSON: ${why}`);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return apiError(c, 400, 'bad_data', 'expected a JSON object {"url": "...", "name"?: "..."}');
    }
    const { url, name } = body as { url?: unknown; name?: unknown };
    if (name !== undefined && typeof name !== 'string') {
      return apiError(c, 400, 'bad_data', 'name must be a string');
    }
    const checked = checkDatasourceUrl(url, {
      loopbackOnly: opts.loopbackOnly,
      allowed: opts.allowedUrls,
    });
    if (!checked.ok) {
      return apiError(
        c,
        checked.status,
        checked.status === 403 ? 'forbidden' : 'bad_data',
        checked.reason,
      );
    }
    const known = opts.registry.findByUrl(checked.url);
    if (known) return c.json(toPublic(known), 200);

    const candidate = {
      uid: 'candidate',
      name: checked.url,
      url: checked.url,
      isDefault: false,
      scrapeIntervalS: 15,
      provisioned: false,
    };
    const probe = await probeDatasource(candidate, opts.fetch, 5000);
    if (!probe.up) {
      return apiError(c, 502, 'unavailable', probe.error);
    }
    try {
      const ds = await opts.registry.add(checked.url, name);
      return c.json(toPublic(ds), 201);
    } catch (err) {
      const problem = storageProblem(err, opts.registry.dataDir);
      opts.log?.(`error: could not save the datasource: ${problem.detail}`);
      return apiError(
        c,
        problem.status,
        problem.errorType,
        `could not save the datasource: ${problem.words}`,
      );
    }
  });

  return app;
}
