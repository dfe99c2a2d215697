// A real Prometheus that is down when the page opens, starts, is killed (SIGKILL) in the
// middle of live refreshes and comes back: the panel and the datasource's health dot say so
// within one dashboard tick each time, and everything recovers with no reload. The spec runs
// its own Prometheus (the demo's launcher, on a port chosen here, data in a temp folder) and
// its own Promscope server pointed at that port, so the shared stack is never disturbed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../dev/free-port.ts';
import { type RunningPrometheus, startPrometheus } from '../../dev/prometheus.ts';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { type ServerProcess, startPromscope } from '../server-process.ts';

const TICK_MS = 2000; // ms: the dashboard's refresh
/** One tick, plus the health answer's 1 s freshness and a little time to draw. */
const WITHIN_ONE_TICK = TICK_MS + 1500; // ms

const dashboard = {
  uid: 'outage',
  title: 'Outage',
  schemaVersion: 39,
  time: { from: 'now-5m', to: 'now' },
  refresh: '2s',
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'Scrapes',
      gridPos: { x: 0, y: 0, w: 24, h: 8 },
      targets: [{ refId: 'A', expr: 'up' }],
    },
  ],
};

test('Prometheus down at start, up, killed mid-refresh and back: one tick each, no reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-outage-'));
  await mkdir(join(tmp, 'dashboards'));
  await writeFile(join(tmp, 'dashboards', 'outage.json'), JSON.stringify(dashboard));
  const promPort = await freePort(0);
  const prometheus = () =>
    startPrometheus({
      port: promPort,
      dataDir: join(tmp, 'prometheus'),
      scrapeIntervalS: 1,
      targets: [],
    });
  let prom: RunningPrometheus | undefined;
  let server: ServerProcess | undefined;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let loads = 0;
  page.on('load', () => loads++);

  try {
    server = await startPromscope('node', {
      PROMETHEUS_URL: `http://127.0.0.1:${promPort}`,
      SCRAPE_INTERVAL: '1s',
      DASHBOARDS_DIR: join(tmp, 'dashboards'),
      DATA_DIR: join(tmp, 'data'),
    });
    const d = new DashboardPage(page);
    const panelError = d.panel('Scrapes').getByRole('alert');

    // Down at start.
    await d.open(`${server.url}/d/outage?refresh=2s`);
    await expect(panelError).toContainText('unreachable: connection refused', {
      timeout: WITHIN_ONE_TICK,
    });
    await expect(d.health).toHaveAttribute('data-state', 'down', { timeout: WITHIN_ONE_TICK });
    await expect(d.health).toContainText('connection refused');

    for (let round = 0; round < 2; round++) {
      // Prometheus starts (again, on the same data): drawn and green with no reload.
      prom = await prometheus();
      await expect(d.health).toHaveAttribute('data-state', 'up', { timeout: WITHIN_ONE_TICK });
      await expect(panelError).toHaveCount(0, { timeout: WITHIN_ONE_TICK });
      await d.drawn('Scrapes'); // its own scrapes of itself, within a few seconds

      // Killed while ticks keep coming.
      process.kill(prom.pid, 'SIGKILL');
      await prom.stop(); // waits for the exit
      const killedAt = Date.now();
      await expect(panelError).toContainText('unreachable', { timeout: WITHIN_ONE_TICK });
      await expect(d.health).toHaveAttribute('data-state', 'down', { timeout: WITHIN_ONE_TICK });
      test.info().annotations.push({
        type: `round ${round}: kill to error shown`,
        description: `${Date.now() - killedAt} ms`,
      });
    }

    prom = await prometheus();
    await expect(d.health).toHaveAttribute('data-state', 'up', { timeout: WITHIN_ONE_TICK });
    await expect(panelError).toHaveCount(0, { timeout: WITHIN_ONE_TICK });
    await d.drawn('Scrapes');
    expect(loads).toBe(1); // never reloaded
    expect(errors).toEqual([]);
  } finally {
    await prom?.stop();
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});

test('a datasource behind a proxy answering an HTML error page: the panel says so in words', async ({
  page,
}) => {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-broken-'));
  await mkdir(join(tmp, 'dashboards'));
  await writeFile(join(tmp, 'dashboards', 'outage.json'), JSON.stringify(dashboard));
  // nginx in front of a Prometheus that is gone.
  const broken = createServer((_req, res) => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end(
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
  });
  await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
  const { port } = broken.address() as AddressInfo;
  let server: ServerProcess | undefined;
  try {
    server = await startPromscope('node', {
      PROMETHEUS_URL: `http://127.0.0.1:${port}`,
      DASHBOARDS_DIR: join(tmp, 'dashboards'),
      DATA_DIR: join(tmp, 'data'),
    });
    const d = new DashboardPage(page);
    await d.open(`${server.url}/d/outage?refresh=2s`);
    await expect(d.panel('Scrapes').getByRole('alert')).toHaveText(
      'HTTP 502: an HTML page, not Prometheus JSON ("502 Bad Gateway")',
    );
    await expect(d.health).toHaveAttribute('data-state', 'down');
    await expect(d.health).toContainText('does not answer like Prometheus (HTTP 502');
  } finally {
    await server?.stop();
    broken.closeAllConnections();
    await new Promise((r) => broken.close(r));
    await rm(tmp, { recursive: true, force: true });
  }
});
