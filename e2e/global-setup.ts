// Starts the real stack once for every spec: Prometheus (the demo's own launcher), the demo
// service with its traffic, and the built Promscope server four times — `node dist/server/…`
// and `deno run server/main.deno.ts` on the file store, one Node on a throwaway PostgreSQL
// (DATABASE_URL, for the api-pg project) and one Node in front of a VictoriaMetrics scraping
// the same targets (ui-vm) — then waits until both datasources have rates to show.
// What does not depend on something else starts at once: PostgreSQL's initdb and the
// Prometheus side together, the four servers together, the wait for data beside them.
// Returns the teardown, which stops all of it.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../dev/free-port.ts';
import { waitForData } from '../dev/prometheus.ts';
import type { ServerProcess } from '../dev/server-process.ts';
import { startDemoStack } from '../dev/stack.ts';
import { startVictoriaMetrics } from '../dev/victoria-metrics.ts';
import { startPostgres } from '../server/test-postgres.ts';
import { DOWN_JOB, E2E_RULES } from './alerting-rules.ts';
import { startHostileTarget } from './hostile-target.ts';
import { MANY_UID, manyPanelsDashboard } from './many-panels.ts';
import { startNodeExporter } from './node-exporter.ts';
import { startPromscope } from './server-process.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// seconds: the demo scrapes every 5 s; here every second, so data builds up five times faster
// and every spec has history to look at soon after start.
const SCRAPE_S = 1;
// Scrapes of the demo both datasources must hold before the first spec. What the specs need
// of history at start: a rate over $__rate_interval (at least 4 scrapes, Grafana's
// max(4 × scrape, step + scrape)) with two samples in it at more than one step, so a chart is
// a line and not a dot (samples > series, "a line, not a dot"); six scrapes give that with
// room. The zooms drag over the newest stretch and assert on the range they set, not on the
// points in it, and the specs that need more (the screenshot's history, live ticks) wait for
// it themselves. Fifteen cost ≈ 9 s more of every run, for nothing any spec reads.
const SCRAPES_NEEDED = 6;

async function copyJson(from: string, to: string) {
  for (const name of await readdir(from)) {
    if (name.endsWith('.json')) await copyFile(join(from, name), join(to, name));
  }
}

/**
 * Awaits every start, stops what did start when any failed (a rejected Promise.all would leave
 * the others running, unowned), and returns the values in order.
 */
async function all<T extends readonly unknown[]>(
  starts: { [K in keyof T]: Promise<T[K]> },
  stopOf: (value: unknown) => Promise<void>,
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(
      settled.map((s) => (s.status === 'fulfilled' ? stopOf(s.value) : Promise.resolve())),
    );
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

const stopAny = async (v: unknown) => {
  await (v as { stop?: () => Promise<void> } | undefined)?.stop?.();
};

export default async function globalSetup() {
  const started = performance.now();
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-e2e-'));
  const dashboards = join(tmp, 'dashboards');
  await mkdir(dashboards);
  await copyJson(join(root, 'dashboards'), dashboards);
  await copyJson(join(root, 'e2e', 'fixtures', 'dashboards'), dashboards);
  // A real public Grafana dashboard with rows, when shared/ sits beside the repository.
  const bind9 = join(root, '..', 'shared', 'fixtures', 'grafana', 'bind9-full.json');
  if (existsSync(bind9)) await copyFile(bind9, join(dashboards, 'bind9-full.json'));
  // 2000 panels, for e2e/ui/many-panels.spec.ts: generated, not kept in the repository.
  await writeFile(join(dashboards, `${MANY_UID}.json`), JSON.stringify(manyPanelsDashboard()));

  const nodePort = await freePort(0);
  // A loopback port nothing listens on: its scrape job is a target that is down.
  const closedPort = await freePort(0);

  // The datasources' side (targets, Prometheus, VictoriaMetrics) beside PostgreSQL's initdb.
  const datasources = async () => {
    // Label values and help text carrying markup, for the XSS spec (e2e/ui/xss.spec.ts), and
    // real host metrics for the node-exporter-style dashboard (e2e/ui/node-exporter.spec.ts).
    const [hostile, nodeExporter] = await all<
      [
        Awaited<ReturnType<typeof startHostileTarget>>,
        Awaited<ReturnType<typeof startNodeExporter>>,
      ]
    >([startHostileTarget(), startNodeExporter()], stopAny);
    const targets = async () => {
      await hostile.stop();
      await nodeExporter.stop();
    };
    const extraTargets = [
      { job: 'promscope', url: `http://127.0.0.1:${nodePort}/metrics` },
      { job: 'hostile', url: hostile.url },
      { job: 'node', url: nodeExporter.url },
      { job: DOWN_JOB, url: `http://127.0.0.1:${closedPort}/metrics` },
    ];
    const stack = await startDemoStack({
      dataDir: join(tmp, 'prometheus'),
      prometheusPort: 0,
      servicePort: 0,
      scrapeIntervalS: SCRAPE_S,
      extraTargets,
      rules: E2E_RULES,
    }).catch(async (err) => {
      await targets();
      throw err;
    });
    const vm = await startVictoriaMetrics({
      port: await freePort(0),
      dataDir: join(tmp, 'victoria-metrics'),
      scrapeIntervalS: SCRAPE_S,
      targets: [{ job: 'demo', url: `${stack.service.url}/metrics` }, ...extraTargets],
    }).catch(async (err) => {
      await stack.stop();
      await targets();
      throw err;
    });
    return {
      stack,
      vm,
      async stop() {
        await vm.stop();
        await stack.stop();
        await targets();
      },
    };
  };
  // Its own data directory and port, no system service (server/test-postgres.ts).
  const [ds, pg] = await all<
    [Awaited<ReturnType<typeof datasources>>, Awaited<ReturnType<typeof startPostgres>>]
  >([datasources(), startPostgres()], stopAny);
  const { stack, vm } = ds;

  const env = (dataDir: string, datasource = stack.prometheus.url) => ({
    PROMETHEUS_URL: datasource,
    SCRAPE_INTERVAL: `${SCRAPE_S}s`,
    DATA_DIR: join(tmp, dataDir),
    DASHBOARDS_DIR: dashboards,
  });
  const servers: ServerProcess[] = [];
  const teardown = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ds.stop();
    await pg.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    // The data builds up while the servers start.
    const enough = `count_over_time(up{job="demo"}[1m]) >= ${SCRAPES_NEEDED}`;
    const data = Promise.all([
      waitForData(stack.prometheus.url, enough, 60_000),
      waitForData(vm.url, enough, 60_000),
    ]);
    servers.push(
      ...(await all<ServerProcess[]>(
        [
          startPromscope('node', env('node'), nodePort),
          startPromscope('deno', env('deno')),
          startPromscope('node', env('node-vm', vm.url)),
          // Saved dashboards, their versions and folders in PostgreSQL; provisioned ones stay
          // the files of DASHBOARDS_DIR.
          startPromscope('node', { ...env('node-pg'), DATABASE_URL: pg.url }),
        ],
        stopAny,
      )),
    );
    await data;
  } catch (err) {
    await teardown();
    throw err;
  }

  // In the CI log: the share of the run spent before the first spec.
  console.log(`global setup: ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.env.PROMSCOPE_NODE_URL = servers[0]!.url;
  process.env.PROMSCOPE_DENO_URL = servers[1]!.url;
  process.env.PROMSCOPE_VM_URL = servers[2]!.url;
  process.env.PROMSCOPE_PG_URL = servers[3]!.url;
  process.env.E2E_PROMETHEUS_URL = stack.prometheus.url;
  process.env.E2E_VM_URL = vm.url;
  process.env.E2E_POSTGRES_URL = pg.url;
  return teardown;
}
