// The benchmark's own stack, on free ports: a real Prometheus (Debian's package, via the
// demo's launcher) scraping the demo service and the Promscope server every 5 s, the demo
// traffic, and the built server as a child process (`node dist/server/main.node.js`), so its
// memory and CPU are its own and not the load generator's. stop() ends all of it.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/demo/free-port.ts';
import { findPrometheus, waitForData } from '../server/demo/prometheus.ts';
import { startDemoStack } from '../server/demo/stack.ts';

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
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitHealthy(child: ChildProcess, url: string, output: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 30 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startBenchStack(opts: {
  root: string;
  /** Extra dashboards (name → JSON) provisioned beside dashboards/. */
  dashboards: Record<string, unknown>;
  log: (line: string) => void;
}): Promise<BenchStack> {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-bench-'));
  const dashboardsDir = join(tmp, 'dashboards');
  await mkdir(dashboardsDir);
  for (const name of await readdir(join(opts.root, 'dashboards'))) {
    if (name.endsWith('.json')) {
      await copyFile(join(opts.root, 'dashboards', name), join(dashboardsDir, name));
    }
  }
  for (const [name, json] of Object.entries(opts.dashboards)) {
    await writeFile(join(dashboardsDir, name), JSON.stringify(json, null, 2));
  }

  const port = await freePort(0);
  const serverUrl = `http://127.0.0.1:${port}`;
  const stack = await startDemoStack({
    dataDir: join(tmp, 'prometheus'),
    prometheusPort: 0,
    servicePort: 0,
    scrapeIntervalS: SCRAPE_S,
    extraTargets: [{ job: 'promscope', url: `${serverUrl}/metrics` }],
    log: opts.log,
  });
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server) await stopChild(server);
    await stack.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    let output = '';
    server = spawn(process.execPath, [join(opts.root, 'dist/server/main.node.js')], {
      cwd: opts.root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PROMETHEUS_URL: stack.prometheus.url,
        SCRAPE_INTERVAL: `${SCRAPE_S}s`,
        DATA_DIR: join(tmp, 'data'),
        DASHBOARDS_DIR: dashboardsDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    await waitHealthy(server, serverUrl, () => output);
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
      serverPid: server.pid ?? 0,
      dsUid: ds.uid,
      liveOverlapS: Number.parseInt(ds.jsonData.incrementalQueryOverlapWindow, 10) || 600,
      prometheusVersion: version.trim(),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
