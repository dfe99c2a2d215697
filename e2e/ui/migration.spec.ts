// An old Grafana dashboard (schemaVersion 16: singlestats with value and range maps, old panel
// links, a visible constant) pasted into the Import dialog, then opened on the real
// Prometheus: the migrated stats show the mapped text in the threshold colour Grafana would
// pick, the gauge is a gauge, the links carry the address Grafana's migration builds and
// lead to the dashboard they name, and the constant is a textbox.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const json = { 'Content-Type': 'application/json' };
const COLORS = ['#d44a3a', '#299c46', '#ed8128'];

const oldDashboard = (uid: string) => ({
  uid,
  title: 'Migration e2e',
  schemaVersion: 16,
  time: { from: 'now-30m', to: 'now' },
  templating: { list: [{ type: 'constant', name: 'site', query: 'lab', hide: 0 }] },
  panels: [
    {
      id: 1,
      type: 'singlestat',
      title: 'Mapped',
      gridPos: { x: 0, y: 0, w: 8, h: 5 },
      targets: [{ expr: 'vector(1)', refId: 'A' }],
      valueName: 'current',
      thresholds: '0.5,2',
      colors: COLORS,
      colorValue: true,
      mappingType: 1,
      valueMaps: [{ op: '=', value: '1', text: 'UP' }],
      links: [
        {
          type: 'dashboard',
          dashboard: 'Migration target',
          title: 'Target',
          keepTime: true,
          includeVars: true,
        },
        {
          type: 'absolute',
          url: 'https://runbooks.example/lab',
          params: 'a=1',
          title: 'Runbook',
          targetBlank: true,
        },
      ],
    },
    {
      id: 2,
      type: 'singlestat',
      title: 'Ranged',
      gridPos: { x: 8, y: 0, w: 8, h: 5 },
      targets: [{ expr: 'vector(3)', refId: 'A' }],
      valueName: 'current',
      thresholds: '2,4',
      colors: COLORS,
      colorBackground: true,
      mappingType: 2,
      rangeMaps: [{ from: '0', to: '5', text: 'low' }],
    },
    {
      id: 3,
      type: 'singlestat',
      title: 'Gauge',
      gridPos: { x: 16, y: 0, w: 8, h: 5 },
      targets: [{ expr: 'vector(7)', refId: 'A' }],
      valueName: 'current',
      thresholds: '5,8',
      colors: COLORS,
      gauge: { show: true, minValue: 0, maxValue: 10, thresholdMarkers: true },
    },
  ],
});

async function importThroughDialog(page: Page, dashboard: unknown) {
  await page.goto('/dashboards');
  await expect(
    page.getByRole('list', { name: 'Dashboard list' }).getByRole('link').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
  await dialog.getByRole('textbox').fill(JSON.stringify(dashboard));
  await dialog.getByRole('checkbox', { name: 'Overwrite existing' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const result = dialog.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText('Imported Migration e2e');
  await result.getByRole('link', { name: 'Open dashboard' }).click();
}

test('an old singlestat and links dashboard imports and draws as Grafana migrates it', async ({
  page,
  request,
}, testInfo) => {
  const uid = `migration-${testInfo.workerIndex}`;
  const target = await request.post('/api/dashboards/db', {
    headers: json,
    data: {
      dashboard: { uid: 'migration-target', title: 'Migration target', panels: [] },
      overwrite: true,
    },
  });
  expect(target.status()).toBe(200);

  await importThroughDialog(page, oldDashboard(uid));
  await expect(page).toHaveURL(new RegExp(`/d/${uid}/`));
  const dash = new DashboardPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Migration e2e' })).toBeVisible();

  // Value map 1 → UP, in the colour of the step 1 falls in (colorValue: the text is coloured).
  const mapped = dash.panel('Mapped').locator('.stat-cell');
  await expect(mapped.locator('.stat-value')).toHaveText('UP');
  await expect(mapped).toHaveAttribute('data-color', '#299c46');
  await expect(mapped).toHaveAttribute('data-mapped', 'true');
  await expect(mapped.locator('.stat-value')).toHaveCSS('color', 'rgb(41, 156, 70)');

  // Range map 0–5 → low, on a background of the step 3 falls in.
  const ranged = dash.panel('Ranged').locator('.stat-cell');
  await expect(ranged.locator('.stat-value')).toHaveText('low');
  await expect(ranged).toHaveAttribute('data-color', '#299c46');
  await expect(ranged.locator('.stat-bg')).toHaveCount(1);

  // The shown gauge became a gauge, on the singlestat's 0–10.
  const gauge = dash.panel('Gauge');
  await expect(gauge.locator('.gauge-value')).toHaveText('7');
  await expect(gauge.locator('[data-min]')).toHaveAttribute('data-min', '0');
  await expect(gauge.locator('[data-max]')).toHaveAttribute('data-max', '10');

  // The visible constant is a textbox holding its query.
  await expect(page.locator('[data-variable="site"] input')).toHaveValue('lab');
  await page.screenshot({ path: testInfo.outputPath('migration.png') });
  if (process.env.MIGRATION_SCREENSHOT)
    await page.screenshot({ path: process.env.MIGRATION_SCREENSHOT });

  // The links, with the addresses Grafana's schemaVersion 19 migration writes, filled in: every
  // variable, the import's datasource one too.
  const vars = 'var-datasource=prometheus&var-site=lab';
  await dash.panel('Mapped').getByRole('button', { name: 'Links of panel Mapped' }).click();
  const links = page.getByRole('menu', { name: 'Links of panel Mapped' }).getByRole('menuitem');
  await expect(links).toHaveText(['Target', 'Runbook']);
  await expect(links.nth(0)).toHaveAttribute(
    'href',
    `/dashboard/db/migration-target?from=now-30m&to=now&${vars}`,
  );
  await expect(links.nth(1)).toHaveAttribute('href', 'https://runbooks.example/lab?a=1');
  await expect(links.nth(1)).toHaveAttribute('target', '_blank');

  // Grafana's old address opens the dashboard it names, with the range and variables.
  await links.nth(0).click();
  await expect(page).toHaveURL(
    new RegExp(`/d/migration-target/[^?]*\\?from=now-30m&to=now&${vars}$`),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Migration target' })).toBeVisible();
});
