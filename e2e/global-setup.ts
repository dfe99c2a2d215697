// Starts the real stack once for every spec: Prometheus (the demo's own launcher), the demo
// service with its traffic, and the built Promscope server twice — `node dist/server/…` and
// `deno run server/main.deno.ts` — then waits until Prometheus has rates to show.
// Returns the teardown, which stops all of it.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/demo/free-port.ts';
import { waitForData } from '../server/demo/prometheus.ts';
import { startDemoStack } from '../server/demo/stack.ts';
import { startHostileTarget } from './hostile-target.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// seconds: the demo scrapes every 5 s; here every second, so data builds up five times faster
// and every spec has history to look at soon after start.
const SCRAPE_S = 1;

async function copyJson(from: string, to: string) {
  for (const name of await readdir(from)) {
    if (name.endsWith('.json')) await copyFile(join(from, name), join(to, name));
  }
}

function startServer(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  url: string,
): Promise<ChildProcess> {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`${cmd} exited early:\n${output}`));
      try {
        if ((await fetch(`${url}/api/health`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return reject(new Error(`${cmd} did not start within 30 s:\n${output}`));
      }
      setTimeout(poll, 200);
    };
    void poll();
  });
}

function stopServer(child: ChildProcess): Promise<void> {
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

export default async function globalSetup() {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-e2e-'));
  const dashboards = join(tmp, 'dashboards');
  await mkdir(dashboards);
  await copyJson(join(root, 'dashboards'), dashboards);
  await copyJson(join(root, 'e2e', 'fixtures', 'dashboards'), dashboards);
  // A real public Grafana dashboard with rows, when shared/ sits beside the repository.
  const bind9 = join(root, '..', 'shared', 'fixtures', 'grafana', 'bind9-full.json');
  if (existsSync(bind9)) await copyFile(bind9, join(dashboards, 'bind9-full.json'));

  const nodePort = await freePort(0);
  const denoPort = await freePort(0);
  // Label values and help text carrying markup, for the XSS spec (e2e/ui/xss.spec.ts).
  const hostile = await startHostileTarget();
  const stack = await startDemoStack({
    dataDir: join(tmp, 'prometheus'),
    prometheusPort: 0,
    servicePort: 0,
    scrapeIntervalS: SCRAPE_S,
    extraTargets: [
      { job: 'promscope', url: `http://127.0.0.1:${nodePort}/metrics` },
      { job: 'hostile', url: hostile.url },
    ],
  });
  const env = (port: number, dataDir: string) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    PROMETHEUS_URL: stack.prometheus.url,
    SCRAPE_INTERVAL: `${SCRAPE_S}s`,
    DATA_DIR: join(tmp, dataDir),
    DASHBOARDS_DIR: dashboards,
  });
  const nodeUrl = `http://127.0.0.1:${nodePort}`;
  const denoUrl = `http://127.0.0.1:${denoPort}`;
  const servers: ChildProcess[] = [];
  const teardown = async () => {
    await Promise.all(servers.map(stopServer));
    await stack.stop();
    await hostile.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    servers.push(
      await startServer(
        process.execPath,
        ['dist/server/main.node.js'],
        env(nodePort, 'node'),
        nodeUrl,
      ),
    );
    servers.push(
      await startServer(
        join(root, 'node_modules', 'deno', 'deno'),
        [
          'run',
          '--allow-net',
          '--allow-env',
          '--allow-read',
          '--allow-write',
          '--allow-sys',
          'server/main.deno.ts',
        ],
        env(denoPort, 'deno'),
        denoUrl,
      ),
    );
    // Rates need two scrapes inside $__rate_interval; fifteen give every panel and every zoomed
    // window a stretch of points to draw.
    await waitForData(stack.prometheus.url, 'count_over_time(up{job="demo"}[1m]) >= 15', 60_000);
  } catch (err) {
    await teardown();
    throw err;
  }

  process.env.PROMSCOPE_NODE_URL = nodeUrl;
  process.env.PROMSCOPE_DENO_URL = denoUrl;
  process.env.E2E_PROMETHEUS_URL = stack.prometheus.url;
  return teardown;
}
