// One datasource picker after a bound import (issue #12). rfmoz's Bind9 Full export has an
// `__inputs` entry DS_PROMETHEUS and a datasource variable DS_PROMETHEUS that every panel and
// variable query names. Imported through the dialog with the input bound, the dashboard shows
// one datasource picker (the variable's, as Grafana does; the header has none); switching it
// sends every request to the new datasource, the URL carries var-DS_PROMETHEUS=<uid>, and the
// stored JSON is left as imported. A server of the spec's own (its own DATA_DIR), on the real
// Prometheus of the global setup, reached a second time as "Prometheus-EU".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  expect,
  grafanaFixture,
  haveGrafanaFixtures,
  NO_FIXTURES,
  prometheusUrl,
  test,
} from '../fixtures.ts';
import { type ServerProcess, startPromscope } from '../server-process.ts';

test.skip(!haveGrafanaFixtures, NO_FIXTURES);

const PROXY = /\/api\/datasources\/proxy\/uid\/([^/]+)\/api\/v1\//;

test('a bound import shows one datasource picker, and it moves every query', async ({ page }) => {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-ds-picker-'));
  let server: ServerProcess | undefined;
  try {
    server = await startPromscope('node', {
      PROMETHEUS_URL: prometheusUrl(),
      DATA_DIR: join(tmp, 'data'),
      DASHBOARDS_DIR: join(tmp, 'dashboards'),
    });
    const added = await page.request.post(`${server.url}/api/datasources`, {
      data: { url: prometheusUrl().replace('127.0.0.1', 'localhost'), name: 'Prometheus-EU' },
    });
    expect(added.status()).toBe(201);
    const eu = ((await added.json()) as { uid: string }).uid;
    expect(eu).not.toBe('prometheus');

    // Import through the dialog, binding DS_PROMETHEUS to the configured Prometheus.
    const fixture = grafanaFixture('bind9-full.json') as { uid: string; title: string };
    await page.goto(`${server.url}/dashboards`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
    await dialog.getByRole('textbox').fill(JSON.stringify(fixture));
    const input = dialog.getByRole('combobox', { name: 'Datasource for DS_PROMETHEUS' });
    await expect(input.locator('option')).toHaveText(['Prometheus', 'Prometheus-EU']);
    await input.selectOption({ label: 'Prometheus' });
    await page.screenshot({ path: '/work/prompts/shots/s3-import-inputs.png' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText(
      `Imported ${fixture.title}`,
    );
    const storedAfterImport = await (
      await page.request.get(`${server.url}/api/dashboards/uid/${fixture.uid}`)
    ).json();

    const asked: string[] = [];
    page.on('request', (r) => {
      const m = PROXY.exec(r.url());
      if (m) asked.push(decodeURIComponent(m[1]!));
    });
    await dialog.getByRole('link', { name: 'Open dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: fixture.title })).toBeVisible();

    // One datasource picker: the variable's. The header shows the health, no picker.
    const bar = page.getByRole('toolbar', { name: 'Dashboard variables' });
    const pickers = bar.locator('[data-kind="datasource"]');
    await expect(pickers).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: 'Datasource' })).toHaveCount(0);
    const picker = pickers.getByRole('button', { name: /^datasource: / });
    await expect(picker).toHaveAccessibleName('datasource: Prometheus');
    await expect(page.getByRole('status', { name: 'Datasource health' })).toContainText(
      prometheusUrl(),
    );
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['prometheus']));
    await page.screenshot({ path: '/work/prompts/shots/s3-variables-bar.png' });

    // Switched to Prometheus-EU: the URL says so, every request after goes there.
    await picker.click();
    asked.length = 0;
    await bar.getByRole('option', { name: 'Prometheus-EU' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]var-DS_PROMETHEUS=${eu}(&|$)`));
    await expect(picker).toHaveAccessibleName('datasource: Prometheus-EU');
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([eu]));
    await expect(page.getByRole('status', { name: 'Datasource health' })).toContainText(
      prometheusUrl().replace('127.0.0.1', 'localhost'),
    );
    // A reload keeps it, from the URL.
    asked.length = 0;
    await page.reload();
    await expect(picker).toHaveAccessibleName('datasource: Prometheus-EU');
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([eu]));

    // Nothing was written back: the stored dashboard is the imported one.
    const stored = await (
      await page.request.get(`${server.url}/api/dashboards/uid/${fixture.uid}`)
    ).json();
    expect(stored).toEqual(storedAfterImport);
    const refs = JSON.stringify(stored.dashboard.panels);
    expect(refs).toContain(`"uid":"\${DS_PROMETHEUS}"`);
    expect(refs).not.toContain(`"uid":"${eu}"`);
  } finally {
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});
