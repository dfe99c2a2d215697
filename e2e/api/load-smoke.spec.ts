// A short run of the load generator (dev/load.ts, the one `npm run load` uses for its
// 60 s figures) against the shared servers on Node and on Deno: 200 keep-alive connections
// for 5 s of proxied PromQL and the SPA. Nothing may fail but deliberate 429s.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardMix, runLoad } from '../../dev/load.ts';
import { expect, test } from '../fixtures.ts';

test('200 connections for 5 s: no failed request beyond deliberate 429s', async ({ server }) => {
  const assets = readdirSync(join(process.cwd(), 'dist', 'web', 'assets'))
    .filter((n) => /\.(js|css)$/.test(n))
    .map((n) => `/assets/${n}`);
  const report = await runLoad({
    base: server,
    connections: 200,
    seconds: 5,
    next: dashboardMix(assets),
  });
  test.info().annotations.push({
    type: 'load',
    description: `${report.requests} requests (${report.perSecond}/s), ${report.rejected} × 429, p99 ${report.latencyMs.p99} ms`,
  });
  expect(report.failures).toEqual({});
  expect(report.failed).toBe(0);
  expect(report.ok).toBeGreaterThan(200);
});
