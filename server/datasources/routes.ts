// GET/POST /api/datasources, DELETE /api/datasources/uid/:uid and GET /api/health
// (docs/ARCHITECTURE.md "HTTP contract").
import { Hono } from 'hono';
import type { Health, ProvisioningReport } from '../../contract/api.ts';
import type { Upstream } from '../deps.ts';
import { apiError } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import { storageProblem } from '../storage.ts';
import { checkDatasourceUrl, type UrlPolicy } from '../url-policy.ts';
import type { HealthChecker } from './health.ts';
import { probeDatasource } from './health.ts';
import type { DatasourceRegistry } from './registry.ts';
import { DatasourceLimitError, toPublic } from './registry.ts';

export interface DatasourceRouteOptions {
  registry: DatasourceRegistry;
  health: HealthChecker;
  /** The proxy's upstream client: a candidate datasource is probed the way it will be called. */
  upstream: Upstream;
  policy: UrlPolicy;
  version: string;
  /** READ_ONLY: the UI hides editing when the health answer says so. */
  readOnly: boolean;
  /** Where the detail of a failed save goes (paths, the OS's message): never to the client. */
  log?: (line: string) => void;
  /** What PROVISIONING_DIR gave, when set: skipped datasources and errors, in /api/health. */
  provisioning?: ProvisioningReport;
}

export function datasourceRoutes(opts: DatasourceRouteOptions): Hono {
  const app = new Hono();

  // From the latest background probes (health.ts): never one upstream call per datasource.
  app.get('/health', async (c) => {
    const datasources = await opts.health.report();
    c.header('Cache-Control', 'no-store');
    return c.json({
      status: 'ok',
      version: opts.version,
      readOnly: opts.readOnly,
      datasources,
      ...(opts.provisioning ? { provisioning: opts.provisioning } : {}),
    } satisfies Health);
  });

  // `current`: with PostgreSQL, what another replica changed before this request is in.
  app.get('/datasources', async (c) => {
    await opts.registry.current();
    return c.json(opts.registry.list().map(toPublic));
  });

  app.get('/datasources/uid/:uid', async (c) => {
    await opts.registry.current();
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
    const checked = checkDatasourceUrl(url, opts.policy);
    if (!checked.ok) {
      return apiError(
        c,
        checked.status,
        checked.status === 403 ? 'forbidden' : 'bad_data',
        checked.reason,
      );
    }
    await opts.registry.current();
    const known = opts.registry.findByUrl(checked.url);
    if (known) return c.json(toPublic(known), 200);
    // Before the probe: a full server calls nothing.
    const full = opts.registry.full();
    if (full) return apiError(c, 409, 'too_many', full.message);

    const candidate = {
      uid: 'candidate',
      name: checked.url,
      url: checked.url,
      isDefault: false,
      scrapeIntervalS: 15,
      provisioned: false,
    };
    const probe = await probeDatasource(candidate, opts.upstream, 5000);
    if (!probe.up) {
      return apiError(c, 502, 'unavailable', probe.error);
    }
    try {
      const ds = await opts.registry.add(checked.url, name);
      opts.health.record(ds.uid, probe);
      return c.json(toPublic(ds), 201);
    } catch (err) {
      if (err instanceof DatasourceLimitError) return apiError(c, 409, 'too_many', err.message);
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

  // Removes a datasource added from the UI (Grafana's DELETE /api/datasources/uid/:uid). The
  // write guard has already required same-origin JSON and refused it on a READ_ONLY server.
  app.delete('/datasources/uid/:uid', async (c) => {
    const uid = c.req.param('uid');
    await opts.registry.current();
    const ds = opts.registry.get(uid);
    if (!ds) return apiError(c, 404, 'not_found', `no datasource with uid "${uid}"`);
    if (ds.provisioned && !ds.editable) {
      const from = ds.source ? `provisioning file ${ds.source}` : 'PROMETHEUS_URL';
      return apiError(
        c,
        403,
        'forbidden',
        `datasource "${ds.name}" is configured on the server (${from}) and cannot be removed from the UI`,
      );
    }
    let removed: Awaited<ReturnType<DatasourceRegistry['remove']>>;
    try {
      removed = await opts.registry.remove(uid);
    } catch (err) {
      const problem = storageProblem(err, opts.registry.dataDir);
      return apiError(
        c,
        problem.status,
        problem.errorType,
        `could not remove the datasource: ${problem.words}`,
      );
    }
    if (!removed) return apiError(c, 404, 'not_found', `no datasource with uid "${uid}"`);
    opts.health.forget(uid);
    return c.json({ message: `Data source ${removed.name} deleted`, uid, name: removed.name });
  });

  return app;
}
