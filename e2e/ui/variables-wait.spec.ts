// Chained variables on a real Prometheus: a child's question waits for its parent (no
// request ever carries a parent's literal `$name`), and a `var-` value the variable refused
// is replaced in the URL by the value shown, without a new history entry.
import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const PATH = '/d/e2e-variables';

test('no proxy request carries a parent variable still unresolved', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/api/datasources/proxy/')) return;
    sent.push(decodeURIComponent(`${url.pathname}?${url.search} ${r.postData() ?? ''}`));
  });
  const dash = new DashboardPage(page);
  await dash.open(`${PATH}?from=now-15m&to=now`);
  await expect(page.locator('[data-variable="status"]')).toHaveAttribute('data-status', 'ready');
  await dash.drawn('Requests by status');
  // The child (status) asked, with its parent's value in place.
  expect(sent.some((s) => s.includes('/label/status/values'))).toBe(true);
  expect(sent.filter((s) => /\$route|\$\{route/.test(s))).toEqual([]);
});

test('a refused var- value in the URL is replaced by the value shown', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(`${PATH}?var-window=7y&from=now-15m&to=now`);
  // Not among 1m, 5m, 10m: the first option, auto, is shown, and the URL says so.
  await expect(page.locator('[data-variable="window"] .variable-text')).toHaveText('auto');
  await expect
    .poll(() => new URL(page.url()).searchParams.getAll('var-window'))
    .toEqual(['$__auto_interval_window']);
  // Replaced, not pushed: one entry for the page, as opened.
  expect(await page.evaluate(() => history.length)).toBe(2);
});
