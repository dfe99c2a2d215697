import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPrometheus, waitForData } from './prometheus.ts';
import { startDemoStack } from './stack.ts';

describe.skipIf(!findPrometheus())('startDemoStack (real binary)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'promscope-stack-test-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('runs service, traffic and Prometheus, then stops all of them', async () => {
    const lines: string[] = [];
    const stack = await startDemoStack({
      dataDir,
      prometheusPort: 0, // 0: always an OS-assigned port, never clash with a real 9090
      servicePort: 0,
      scrapeIntervalS: 1,
      log: (line) => lines.push(line),
    });
    try {
      // Traffic alone (no requests from the test) must produce demo series.
      await waitForData(stack.prometheus.url, 'http_requests_total{job="demo"}', 15_000);
      // The demo's rules file is loaded: its Watchdog fires, so the Alerts page has an alert.
      await waitForData(
        stack.prometheus.url,
        'ALERTS{alertname="Watchdog",alertstate="firing"}',
        15_000,
      );
    } finally {
      await Promise.all([stack.stop(), stack.stop()]);
    }
    expect(() => process.kill(stack.prometheus.pid, 0)).toThrow(/ESRCH/);
    await expect(fetch(`${stack.service.url}/healthz`)).rejects.toThrow();
    expect(lines.at(-1)).toBe('demo stack stopped');
  }, 25_000);
});
