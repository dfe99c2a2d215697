import { defineConfig } from '@playwright/test';

// e2e on real parts: global setup starts Prometheus (Debian's package), the demo service and
// the built Promscope server on Node and on Deno, one on PostgreSQL and one on VictoriaMetrics.
// The API specs run once per runtime, and those about storage once more on PostgreSQL.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000, // ms per test
  expect: { timeout: 20_000 }, // ms: web-first assertions and polls on a busy 2-core machine
  // CI is a 2-core machine that also runs Prometheus, the demo and both servers: two workers.
  workers: 2,
  // No retries, in CI either: a retried pass is reported as "flaky" and lands green, which
  // hides exactly the races these specs must not have. A red run is a bug to find.
  retries: 0,
  // A stray test.only would turn a CI run into one green test.
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium as root in a sandboxless container; no background calls on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1440, height: 1000 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'api-node', testMatch: /api\/.*\.spec\.ts/, metadata: { runtime: 'node' } },
    { name: 'api-deno', testMatch: /api\/.*\.spec\.ts/, metadata: { runtime: 'deno' } },
    // The API specs that read or write what is stored (dashboards, versions, search, folders,
    // datasources added through the API, the write checks) again, on a Node server whose
    // DATABASE_URL is the PostgreSQL the global setup started. The rest are about the proxy
    // and the runtime, not storage, and stay with api-node / api-deno: alerting, proxy,
    // proxy-load, hostile-upstream, load-smoke; crash is kill -9 on DATA_DIR's files (its
    // PostgreSQL twin is in replicas), and replicas and migrate-storage start a PostgreSQL of
    // their own.
    {
      name: 'api-pg',
      testMatch: /api\/(dashboards|datasources|folders|provisioning|security|server)\.spec\.ts/,
      metadata: { runtime: 'node', storage: 'postgres' },
    },
    { name: 'ui', testMatch: /ui\/.*\.spec\.ts/, metadata: { runtime: 'node' } },
    { name: 'demo', testMatch: /demo\/.*\.spec\.ts/ },
    // The dashboard, Explore and variables tests tagged @vm again, with the server's datasource
    // a VictoriaMetrics scraping the same targets (e2e/global-setup.ts).
    {
      name: 'ui-vm',
      testMatch: /ui\/(dashboard|explore|variables)\.spec\.ts/,
      grep: /@vm/,
      metadata: { runtime: 'node', datasource: 'victoria-metrics' },
    },
  ],
});
