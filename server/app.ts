// createApp(config, deps) → Hono: the whole server on Web Request/Response only, so Node and
// Deno run the same code (main.node.ts and main.deno.ts are the only runtime-specific files).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { Config } from './config.ts';
import { datasourceUrlPolicy } from './config.ts';
import { FolderIndex } from './dashboards/folder-index.ts';
import { type FolderStorage, FolderStore } from './dashboards/folders.ts';
import { PgFolders } from './dashboards/folders-pg.ts';
import { ProvisionedDashboards } from './dashboards/provisioned.ts';
import { dashboardRoutes } from './dashboards/routes.ts';
import type { DashboardStore } from './dashboards/store.ts';
import { SavedDashboards } from './dashboards/store.ts';
import { PgDashboards } from './dashboards/store-pg.ts';
import { FileDatasources } from './datasources/added.ts';
import { PgDatasources } from './datasources/added-pg.ts';
import { HealthChecker } from './datasources/health.ts';
import { DatasourceRegistry } from './datasources/registry.ts';
import { datasourceRoutes } from './datasources/routes.ts';
import { fetchUpstream } from './datasources/upstream.ts';
import type { Deps } from './deps.ts';
import { apiError } from './errors.ts';
import { ServerMetrics } from './metrics.ts';
import { connect, migrate } from './pg.ts';
import { PgChangeFeed } from './pg-changes.ts';
import { startingDatasources } from './provisioning/apply.ts';
import { loadProvisioning, logProvisioning } from './provisioning/load.ts';
import { ResponseCache } from './proxy/cache.ts';
import { UpstreamLimiter } from './proxy/limiter.ts';
import { proxyHandler } from './proxy/proxy.ts';
import { rateLimit } from './rate-limit.ts';
import { hostGuard, securityHeaders, targetGuard, writeGuard } from './security.ts';
import { staticHandler } from './static.ts';
import { VERSION } from './version.ts';

const MAX_BODY = 1024 * 1024; // bytes: a PromQL form or a datasource is far smaller
// bytes: a saved or imported dashboard. Real Grafana dashboards run to a few hundred KiB
// (big ones with many rows past 1 MiB), so saves and imports get five times the rest.
const MAX_DASHBOARD_BODY = 5 * 1024 * 1024;
const DASHBOARD_WRITES = new Set(['/api/dashboards/db', '/api/dashboards/import']);

const PROXY_PREFIX = '/api/datasources/proxy/';

const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

export interface App {
  app: Hono;
  registry: DatasourceRegistry;
  metrics: ServerMetrics;
}

export async function createApp(config: Config, deps: Deps): Promise<App> {
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  // One client for queries, health probes and a new datasource's first probe alike.
  const upstream = deps.upstream ?? fetchUpstream(fetchFn);
  const provisioning = config.provisioningDir
    ? await loadProvisioning(deps.files, config.provisioningDir, deps.env ?? {}, {
        policy: datasourceUrlPolicy(config),
        defaultScrapeS: config.scrapeIntervalS,
        defaultOverlapS: config.liveOverlapS,
      })
    : null;
  if (provisioning) logProvisioning(provisioning, deps.log);
  const builtIn = {
    uid: 'prometheus',
    name: 'Prometheus',
    url: config.prometheusUrl,
    authorization: config.prometheusAuthorization,
    isDefault: true,
    scrapeIntervalS: config.scrapeIntervalS,
    liveOverlapS: config.liveOverlapS,
    provisioned: true,
  };
  // Before anything is read: with DATABASE_URL, what is saved from the UI lives there.
  const pg = config.databaseUrl ? await openPostgres(config.databaseUrl, deps.log) : null;
  const registry = new DatasourceRegistry(
    startingDatasources(builtIn, config.prometheusUrlGiven, provisioning?.datasources ?? null),
    pg ? new PgDatasources(pg.sql, pg.feed) : new FileDatasources(deps.files, config.dataDir),
    config.scrapeIntervalS,
    config.liveOverlapS,
    datasourceUrlPolicy(config),
    config.maxDatasources,
  );
  await registry.load(provisioning?.datasources.deleted);
  const metrics = new ServerMetrics();

  const app = new Hono();
  app.use('*', metrics.middleware());
  app.use('*', securityHeaders());
  app.use('*', hostGuard(config.allowedHosts));
  app.use('*', targetGuard());
  app.use('*', rateLimit(config.rateLimit, config.rateBurst));
  // gzip when the client accepts it (CompressionStream: Node and Deno alike): JSON answers,
  // the app's JS, CSS and pages, /metrics; Hono leaves types it cannot shrink alone. Not the
  // proxy's answers: it passes Prometheus' own gzip through and encodes the rest itself
  // (proxy/encoding.ts).
  const gzip = compress({ encoding: 'gzip' });
  app.use('*', (c, next) => (c.req.path.startsWith(PROXY_PREFIX) ? next() : gzip(c, next)));
  app.use('/api/*', writeGuard(config.readOnly));
  const bodyLimits = [MAX_BODY, MAX_DASHBOARD_BODY].map((maxSize) =>
    bodyLimit({
      maxSize,
      onError: (c) => apiError(c, 413, 'bad_data', `request body over ${mib(maxSize)}`),
    }),
  );
  // Only for methods with a body: the limit asks the request for its body stream, which on
  // Node makes the adapter build a whole fetch Request, a cost every proxied GET would pay.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : bodyLimits[DASHBOARD_WRITES.has(c.req.path) ? 1 : 0]!(c, next),
  );

  const limiter = new UpstreamLimiter(
    config.upstreamConcurrency,
    config.upstreamQueue,
    config.upstreamPerClient,
  );
  const cache = new ResponseCache(config.cacheMaxBytes, config.cacheTtlMs);
  metrics.watchProxy({
    datasources: () => limiter.datasources(),
    active: (uid) => limiter.active(uid),
    queued: (uid) => limiter.queued(uid),
    cacheBytes: () => cache.bytes,
    cacheEntries: () => cache.size,
  });
  app.all(
    '/api/datasources/proxy/uid/:uid/*',
    proxyHandler({
      registry,
      metrics,
      upstream,
      timeoutMs: config.upstreamTimeoutMs,
      limiter,
      cache,
      cacheFreshS: config.cacheFreshS,
      maxBytes: config.maxResponseBytes,
      maxQueryLength: config.maxQueryLength,
      maxQueryNesting: config.maxQueryNesting,
    }),
  );
  app.route(
    '/api',
    datasourceRoutes({
      registry,
      health: new HealthChecker(upstream, registry),
      upstream,
      policy: datasourceUrlPolicy(config),
      version: VERSION,
      readOnly: config.readOnly,
      log: deps.log,
      ...(provisioning ? { provisioning: provisioning.report } : {}),
    }),
  );
  const saved: DashboardStore = pg
    ? new PgDashboards(pg.sql, pg.feed)
    : new SavedDashboards(deps.files, config.dataDir);
  if (!config.readOnly) {
    // A killed process's half-done saves leave temp files; nothing of this one is saving yet.
    const removed = await saved.sweepTemps().catch((e: unknown) => {
      deps.log?.(`promscope: could not clear temp files in DATA_DIR: ${String(e)}`);
      return 0;
    });
    if (removed > 0) deps.log?.(`promscope: removed ${removed} temp file(s) of interrupted saves`);
  }
  const provisioned = new ProvisionedDashboards(
    deps.files,
    config.dashboardsDir,
    provisioning?.providers ?? [],
  );
  let folderStore: FolderStorage;
  if (pg) folderStore = new PgFolders(pg.sql, pg.feed);
  else {
    const files = new FolderStore(deps.files, config.dataDir);
    await files.load();
    folderStore = files;
  }
  app.route(
    '/api',
    dashboardRoutes({
      provisioned,
      folders: new FolderIndex(folderStore, provisioned),
      saved,
      readOnly: config.readOnly,
      log: deps.log,
      maxPanels: config.maxPanels,
      datasources: () => registry.list(),
    }),
  );
  app.all('/api/*', (c) =>
    apiError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`),
  );

  app.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  app.get('*', staticHandler(deps.files, config.webDir));

  app.onError((err, c) => {
    deps.log?.(`error: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return apiError(c, 500, 'internal', 'internal server error');
  });

  return { app, registry, metrics };
}

/**
 * Connects to DATABASE_URL, brings its schema up to date and starts listening for the other
 * replicas' changes, all before anything is served.
 */
async function openPostgres(url: string, log?: (line: string) => void) {
  const sql = connect(url);
  const applied = await migrate(sql);
  if (applied.length) log?.(`promscope: PostgreSQL migrations applied: ${applied.join(', ')}`);
  const feed = new PgChangeFeed(url, log);
  await feed.start();
  return { sql, feed };
}
