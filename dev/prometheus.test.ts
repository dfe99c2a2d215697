import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { findPrometheus, startPrometheus, waitForData } from './prometheus.ts';
import { type DemoService, startDemoService } from './service.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

describe.skipIf(!findPrometheus())('startPrometheus (real binary)', () => {
  let dataDir: string;
  let svc: DemoService;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'promscope-prom-test-'));
    svc = await startDemoService({ port: 0 });
  });
  afterAll(async () => {
    await svc?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('scrapes the demo service, then stops without leaving a process', async () => {
    const prom = await startPrometheus({
      port: await freePort(),
      dataDir,
      scrapeIntervalS: 1,
      targets: [{ job: 'demo', url: `${svc.url}/metrics` }],
    });
    try {
      expect(isAlive(prom.pid)).toBe(true);
      await fetch(`${svc.url}/api/users/99999`).then((r) => r.arrayBuffer());
      await waitForData(prom.url, 'http_requests_total{job="demo"}', 15_000);

      const q = new URL('/api/v1/query', prom.url);
      q.searchParams.set('query', 'http_requests_total{job="demo",route="/api/users/:id"}');
      const body = (await (await fetch(q)).json()) as {
        data: { result: { metric: Record<string, string> }[] };
      };
      expect(body.data.result.length).toBeGreaterThan(0);
      expect(body.data.result[0]?.metric).toMatchObject({ job: 'demo', status: '404' });

      const config = await readFile(join(dataDir, 'prometheus.yml'), 'utf8');
      expect(config).toContain('scrape_interval: 1s');
    } finally {
      await prom.stop();
    }
    expect(isAlive(prom.pid)).toBe(false);
    await prom.stop(); // idempotent
  }, 25_000);

  it('reports the log tail when Prometheus cannot start', async () => {
    const busy = await startDemoService({ port: 0 }); // occupies the port Prometheus wants
    try {
      await expect(
        startPrometheus({ port: busy.port, dataDir: join(dataDir, 'busy'), targets: [] }),
      ).rejects.toThrow(/exited early[\s\S]*address already in use/);
    } finally {
      await busy.close();
    }
  }, 15_000);
});

describe('startPrometheus (no binary needed)', () => {
  it('fails fast with a clear error when the binary does not exist', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'promscope-prom-test-'));
    try {
      await expect(
        startPrometheus({
          bin: join(dataDir, 'no-such-prometheus'),
          port: 1,
          dataDir,
          targets: [],
        }),
      ).rejects.toThrow(/failed to start[\s\S]*ENOENT/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
