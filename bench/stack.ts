// The benchmark's own stack, on free ports: a real Prometheus (Debian's package, via the
// demo's launcher) scraping the demo service and the Promscope server every 5 s, the demo
// traffic, and the built server as a child process (`node dist/server/main.node.js`), so its
// memory and CPU are its own and not the load generator's. stop() ends all of it.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../dev/free-port.ts';
import { findPrometheus, waitForData } from '../dev/prometheus.ts';
import type { ServerProcess } from '../dev/server-process.ts';
import { startPromscope } from '../dev/server-process.ts';
import { startDemoStack } from '../dev/stack.ts';
import { loadHistory } from './history.ts';

export const SCRAPE_S = 5; // seconds

export interface BenchStack {
  prometheusUrl: string;
  serverUrl: string;
  serverPid: number;
  /** The default datasource's uid, as the app's /api/datasources lists it. */
  dsUid: string;
  /** Its live overlap (s), from jsonData.incrementalQueryOverlapWindow. */
  liveOverlapS: number;
  prometheusVersion: string;
  history: Awaited<ReturnType<typeof loadHistory>> | null;
  /** Writes a dashboard beside dashboards/; the server reads the folder on each call. */
  provision(name: string, json: unknown): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchStack(opts: {
  root: string;
  log: (line: string) => void;
  /** Loads 30 days of history (history.ts) into Prometheus' data dir before it starts. */
  history?: boolean;
}): Promise<BenchStack> {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-bench-'));
  const dashboardsDir = join(tmp, 'dashboards');
  await mkdir(dashboardsDir);
  for (const name of await readdir(join(opts.root, 'dashboards'))) {
    if (name.endsWith('.json')) {
      await copyFile(join(opts.root, 'dashboards', name), join(dashboardsDir, name));
    }
  }
  const provision = (name: string, json: unknown) =>
    writeFile(join(dashboardsDir, name), JSON.stringify(json, null, 2));

  // Ends a minute ago: the live scrapes take over from there.
  const history = opts.history
    ? await loadHistory({
        dataDir: join(tmp, 'prometheus'),
        end: Math.floor(Date.now() / 1000) - 60,
        log: opts.log,
      })
    : null;
  const port = await freePort(0);
  const serverUrl = `http://127.0.0.1:${port}`;
  const stack = await startDemoStack({
    dataDir: join(tmp, 'prometheus'),
    prometheusPort: 0,
    servicePort: 0,
    scrapeIntervalS: SCRAPE_S,
    retention: '60d',
    extraTargets: [{ job: 'promscope', url: `${serverUrl}/metrics` }],
    log: opts.log,
  });
  let server: ServerProcess | null = null;
  const stop = async () => {
    await server?.stop();
    await stack.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    server = await startPromscope({
      root: opts.root,
      runtime: 'node',
      port,
      env: {
        PROMETHEUS_URL: stack.prometheus.url,
        SCRAPE_INTERVAL: `${SCRAPE_S}s`,
        DATA_DIR: join(tmp, 'data'),
        DASHBOARDS_DIR: dashboardsDir,
      },
    });
    opts.log(`promscope server on ${serverUrl} (pid ${server.pid})`);
    const list = (await (await fetch(`${serverUrl}/api/datasources`)).json()) as {
      uid: string;
      isDefault: boolean;
      jsonData: { incrementalQueryOverlapWindow: string };
    }[];
    const ds = list.find((d) => d.isDefault) ?? list[0];
    if (!ds) throw new Error('the server lists no datasource');
    // Rates need a few scrapes inside $__rate_interval (4 × 5 s).
    opts.log('waiting for Prometheus to have rates to show…');
    await waitForData(stack.prometheus.url, 'count_over_time(up{job="demo"}[5m]) >= 6', 90_000);
    const bin = findPrometheus() ?? 'prometheus';
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
    return {
      prometheusUrl: stack.prometheus.url,
      serverUrl,
      serverPid: server.pid,
      dsUid: ds.uid,
      liveOverlapS: Number.parseInt(ds.jsonData.incrementalQueryOverlapWindow, 10) || 600,
      prometheusVersion: version.trim(),
      history,
      provision,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
