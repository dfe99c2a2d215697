// The dashboard list: search, tag filter, and opening a dashboard from it.
import { expect, haveGrafanaFixtures, test } from '../fixtures.ts';

test('the list finds dashboards by title and tag and opens them', async ({ page }) => {
  await page.goto('/dashboards');
  const list = page.getByRole('list', { name: 'Dashboard list' });
  // Sorted by title; other specs may save dashboards meanwhile, so look at the provisioned ones.
  const provisioned = [
    ...(haveGrafanaFixtures ? ['Bind9 Full'] : []),
    'E2E faults <img src=x onerror=window.__xss=1>',
    'E2E panels',
    'Service overview',
  ];
  await expect
    .poll(async () =>
      (await list.getByRole('link').allTextContents()).filter((t) => provisioned.includes(t)),
    )
    .toEqual(provisioned);
  await expect(list.getByText('provisioned').first()).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search dashboards' }).fill('service');
  await expect(list.getByRole('link')).toHaveText(['Service overview']);
  await page.getByRole('searchbox', { name: 'Search dashboards' }).fill('');

  await page.getByRole('button', { name: /^e2e \d+$/ }).click();
  await expect(list.getByRole('link')).toHaveText([
    'E2E alerts',
    'E2E faults <img src=x onerror=window.__xss=1>',
    'E2E fields',
    'E2E Grafana panels',
    'E2E node exporter',
    'E2E panels',
    'E2E variables',
  ]);
  await page.getByRole('button', { name: /^e2e \d+$/ }).click();

  await list.getByRole('link', { name: 'Service overview' }).click();
  await expect(page).toHaveURL(/\/d\/service-overview\/service-overview/);
  await expect(page.getByRole('heading', { name: 'Service overview' })).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});
