import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The server a spec talks to: the Node one, the Deno one for the api-deno project, the Node one
// on PostgreSQL for the api-pg project (metadata.storage), or the Node one in front of
// VictoriaMetrics for the ui-vm project (metadata.datasource).
import type { Page, TestInfo } from '@playwright/test';
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ server: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  server: async ({}, use, testInfo) => {
    const runtime = testInfo.project.metadata.runtime as string | undefined;
    const url = onVictoriaMetrics(testInfo)
      ? process.env.PROMSCOPE_VM_URL
      : onPostgres(testInfo)
        ? process.env.PROMSCOPE_PG_URL
        : runtime === 'deno'
          ? process.env.PROMSCOPE_DENO_URL
          : process.env.PROMSCOPE_NODE_URL;
    if (!url) throw new Error('global setup did not start the servers');
    await use(url);
  },
  baseURL: async ({ server }, use) => {
    await use(server);
  },
});

export { expect };

/** Whether the running test's project points Promscope at VictoriaMetrics (ui-vm). */
export function onVictoriaMetrics(testInfo: TestInfo = base.info()): boolean {
  return testInfo.project.metadata.datasource === 'victoria-metrics';
}

/** Whether the running test's project stores dashboards in PostgreSQL (api-pg). */
export function onPostgres(testInfo: TestInfo = base.info()): boolean {
  return testInfo.project.metadata.storage === 'postgres';
}

/** The datasource the spec's server reads: Prometheus, or VictoriaMetrics in ui-vm. */
export const prometheusUrl = (): string => {
  const url = onVictoriaMetrics() ? process.env.E2E_VM_URL : process.env.E2E_PROMETHEUS_URL;
  if (!url) throw new Error('global setup did not start the datasource');
  return url;
};

/**
 * Real public Grafana dashboards kept beside the repository (shared/fixtures/grafana). CI
 * always has them; a bare clone may not, and then the specs that need them are skipped.
 */
export const GRAFANA_FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'grafana');
export const haveGrafanaFixtures = existsSync(GRAFANA_FIXTURES);
export const NO_FIXTURES = 'needs shared/fixtures/grafana beside the repository';
export const grafanaFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(GRAFANA_FIXTURES, name), 'utf8'));

/**
 * Waits until what the page has queued has run, for the checks that nothing hostile ran: every
 * image has loaded or failed (its error event, where an onerror payload would run, is fired in
 * the same task), then a task and two frames more (toggle and error events are queued tasks).
 * A fixed sleep would be too short on a busy machine and prove nothing.
 */
export async function queuedEventsRun(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        setTimeout(() =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))),
        );
      }),
  );
}
