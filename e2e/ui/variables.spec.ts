// Dashboard variables on a real Prometheus: options come from Prometheus, a change re-queries
// exactly the panels that use the variable, children follow their parent, and the URL keeps it.
import type { Page, Request } from '@playwright/test';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const PATH = '/d/e2e-variables';

async function labelValues(
  label: string,
  match: string,
  start = String(Math.floor(Date.now() / 1000) - 600),
  end?: string,
): Promise<string[]> {
  const url = new URL(`${prometheusUrl()}/api/v1/label/${label}/values`);
  url.searchParams.set('match[]', match);
  url.searchParams.set('start', start);
  if (end) url.searchParams.set('end', end);
  const body = (await (await fetch(url)).json()) as { data: string[] };
  return body.data.sort();
}

/** The query_range expressions the page asks from now on. */
function recordQueries(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/api/v1/query_range')) seen.push(url.searchParams.get('query')!);
  });
  return seen;
}

async function openPicker(page: Page, name: string) {
  await page.locator(`[data-variable="${name}"] .variable-value`).click();
  return page.locator(`[data-variable="${name}"] [role="listbox"]`);
}

test('options come from Prometheus, sorted, with All first', { tag: '@vm' }, async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(PATH);
  const routes = await labelValues('route', 'http_requests_total{job="demo"}');
  expect(routes.length).toBeGreaterThanOrEqual(4);
  const list = await openPicker(page, 'route');
  await expect(list.getByRole('option')).toHaveText(['All', ...routes]);
  await expect(list.getByRole('option', { name: 'All' })).toHaveAttribute('aria-selected', 'true');
  // With All, every route is drawn; the title says All, as Grafana's.
  await expect
    .poll(async () =>
      Number(await dash.chart('Requests by route: All').getAttribute('data-series')),
    )
    .toBe(routes.length);
});

test('a variable change re-queries every dependent panel and only those', { tag: '@vm' }, async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open(`${PATH}?refresh=off`);
  await dash.drawn('Scrape targets up');
  await dash.drawn('Requests by status');
  const asked = recordQueries(page);
  // The chained variable's asks for its values (GET …/label/status/values?match[]=…&start&end).
  const statusAsks: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/api/v1/label/status/values')) statusAsks.push(r.url());
  });

  const list = await openPicker(page, 'route');
  await list.getByRole('option', { name: '/api/users/:id', exact: true }).click();
  await list.getByRole('option', { name: '/api/orders', exact: true }).click();
  await page.keyboard.press('Escape');

  await expect(page).toHaveURL(/var-route=%2Fapi%2Fusers%2F%3Aid&var-route=%2Fapi%2Forders/);
  // `/` needs no escape in RE2 and Grafana's Prometheus datasource leaves it; a panel title
  // shows the variable's text, as Grafana's.
  const regex = '(/api/users/:id|/api/orders)';
  const title = 'Requests by route: /api/users/:id + /api/orders';
  await expect
    .poll(async () => Number(await dash.chart(title).getAttribute('data-series')))
    .toBe(2);
  await expect(dash.legend(title)).toHaveText(['/api/orders', '/api/users/:id'].sort(), {
    useInnerText: true,
  });
  await expect.poll(() => asked.filter((q) => q.includes(`route=~"${regex}"`)).length).toBe(2);
  // The panel that does not use $route is not asked again.
  expect(asked.filter((q) => q === 'sum(up)')).toEqual([]);
  // The other dependent panel draws only statuses those two routes answered with. The values
  // are asked of Prometheus over the very range the page asked: the demo keeps making new
  // series (a rare 502 of an order), and one born between two asks over "the last minutes"
  // would be in one answer only.
  const forBoth = (u: string) => {
    const match = new URL(u).searchParams.get('match[]') ?? '';
    return match.includes('users') && match.includes('orders');
  };
  await expect.poll(() => statusAsks.filter(forBoth).length).toBeGreaterThan(0);
  const ask = new URL(statusAsks.filter(forBoth).at(-1)!);
  const statuses = await labelValues(
    'status',
    ask.searchParams.get('match[]')!,
    ask.searchParams.get('start')!,
    ask.searchParams.get('end')!,
  );
  expect(statuses.length).toBeGreaterThan(0);
  await expect
    .poll(async () => Number(await dash.chart('Requests by status').getAttribute('data-series')))
    .toBeLessThanOrEqual(statuses.length);

  // The chained variable offers what Prometheus has for the chosen routes.
  const status = await openPicker(page, 'status');
  await expect(status.getByRole('option')).toHaveText([
    'All',
    ...statuses.sort((a, b) => Number(a) - Number(b)),
  ]);
  await page.keyboard.press('Escape');

  // A reload keeps the selection from the URL.
  await page.reload();
  await expect(page.locator('[data-variable="route"] .variable-text')).toHaveText(
    '/api/users/:id + /api/orders',
  );
  await expect
    .poll(async () => Number(await dash.chart(title).getAttribute('data-series')))
    .toBe(2);
});

test('a value that no longer exists falls back; interval auto fills $window', {
  tag: '@vm',
}, async ({ page }) => {
  const dash = new DashboardPage(page);
  const asked = recordQueries(page);
  await dash.open(`${PATH}?var-route=/gone&var-window=$__auto_interval_window&from=now-1h&to=now`);
  await expect(page.locator('[data-variable="route"] .variable-text')).toHaveText('All');
  await expect(page.locator('[data-variable="window"] .variable-text')).toHaveText('auto');
  await dash.drawn('Requests by status');
  // 1 h over 30 steps is 2 m.
  await expect.poll(() => asked.some((q) => q.includes('[2m]'))).toBe(true);
});
