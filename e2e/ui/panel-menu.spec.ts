// The panel menu on the provisioned Service overview, against a real Prometheus: view mode,
// Explore, Inspect (data, request, raw JSON, CSV) and the dashboard's JSON export.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { ExplorePage } from '../pages/explore-page.ts';
import { InspectDrawer, PanelMenu } from '../pages/panel-menu.ts';

const SERVICE = JSON.parse(readFileSync('dashboards/service-overview.json', 'utf8')) as {
  uid: string;
  panels: { id: number; title: string; targets: { expr: string }[] }[];
};
const ROUTE = 'Request rate by route';
const ROUTE_PANEL = SERVICE.panels.find((p) => p.title === ROUTE)!;
// `$__rate_interval` becomes a duration in seconds, as the panel sends it.
const ROUTE_EXPR = new RegExp(
  `^${ROUTE_PANEL.targets[0]!.expr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\$__rate_interval', '\\d+s')}$`,
);

// A settled past range (every sample in it scraped), no live refresh: the panel's answer and
// a second ask of the same query must agree to the sample.
function settledUrl(extra = ''): string {
  const to = Date.now() - 5_000;
  return `/d/${SERVICE.uid}/service-overview?from=${to - 10 * 60_000}&to=${to}&refresh=off${extra}`;
}

async function openDashboard(page: Page, url = settledUrl()) {
  const dash = new DashboardPage(page);
  await dash.open(url);
  await dash.drawn(ROUTE, 3);
  return { dash, menu: new PanelMenu(page, dash.panel(ROUTE), ROUTE) };
}

test('the menu opens from the keyboard, moves with arrows and closes on Escape and outside', async ({
  page,
}) => {
  const { menu } = await openDashboard(page);
  await expect(menu.button).toHaveAttribute('aria-haspopup', 'menu');
  await menu.button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.menu).toBeVisible();
  await expect(menu.button).toHaveAttribute('aria-expanded', 'true');
  // The server is not read-only, so Edit is offered.
  await expect(menu.menu.getByRole('menuitem')).toHaveText([
    /^View/,
    /^Edit/,
    /^Explore/,
    /^Inspect/,
  ]);
  await expect(menu.item('View')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.item('Edit')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.item('Inspect')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu.menu).toBeHidden();
  await expect(menu.button).toBeFocused();
  await expect(menu.button).toHaveAttribute('aria-expanded', 'false');

  await menu.open();
  await page.mouse.click(5, 600); // outside, on the page's margin
  await expect(menu.menu).toBeHidden();
  // `e` over a panel opens it in the panel editor, as in Grafana.
  await menu.panel.hover();
  await page.keyboard.press('e');
  await expect(page).toHaveURL(new RegExp(`editPanel=${ROUTE_PANEL.id}(&|$)`));
  await expect(page.getByRole('button', { name: 'Back to dashboard' })).toBeVisible();
});

test('View shows the one panel filling the area; the time picker works; Escape returns', async ({
  page,
}) => {
  const { dash, menu } = await openDashboard(page, `/d/${SERVICE.uid}/service-overview`);
  const gridWidth = (await menu.panel.boundingBox())!.width;
  await expect(page.locator('section.panel')).toHaveCount(SERVICE.panels.length);

  await menu.pick('View');
  await expect(page).toHaveURL(new RegExp(`viewPanel=${ROUTE_PANEL.id}(&|$)`));
  await expect(page.locator('section.panel')).toHaveCount(1);
  // Polled: the panel grows to the area as the layout settles, not in the render that shows it.
  await expect
    .poll(async () => {
      const box = (await menu.panel.boundingBox())!;
      return box.width > gridWidth * 1.8 && box.height > 600 ? 'fills' : JSON.stringify(box);
    })
    .toBe('fills');
  await dash.drawn(ROUTE, 3);

  const ranges: number[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/query_range')) {
      ranges.push(Number(url.searchParams.get('end')) - Number(url.searchParams.get('start')));
    }
  });
  await dash.timeRange.selectOption({ label: 'Last 1 hour' });
  await expect(page).toHaveURL(/from=now-1h/);
  await expect(page).toHaveURL(/viewPanel=/);
  await expect.poll(() => ranges.some((s) => s > 3000)).toBe(true); // s: an hour-long ask

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/viewPanel=/);
  await expect(page.locator('section.panel')).toHaveCount(SERVICE.panels.length);
  await expect(page).toHaveURL(/from=now-1h/);
});

test('Explore opens with the panel query in the editor and draws it', async ({ page }) => {
  const { menu } = await openDashboard(page);
  await menu.pick('Explore');
  await expect(page).toHaveURL(/\/explore\?q0\.expr=/);
  const url = new URL(page.url());
  expect(url.searchParams.get('q0.expr')).toBe(ROUTE_PANEL.targets[0]!.expr);
  expect(url.searchParams.get('q0.legend')).toBe('{{route}}');
  expect(url.searchParams.get('from')).toMatch(/^\d{13}$/); // the dashboard's range
  const ex = new ExplorePage(page);
  await expect(ex.editor('A')).toContainText('sum by (route) (rate(http_requests_total');
  const { series } = await ex.drawn(3);
  expect(series).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('list', { name: 'legend' })).toContainText('/api/orders');
});

test('Inspect shows the data Prometheus answered, the request, the raw JSON, and a CSV', async ({
  page,
  server,
}) => {
  const { menu } = await openDashboard(page);
  await menu.pick('Inspect');
  await expect(page).toHaveURL(new RegExp(`inspect=${ROUTE_PANEL.id}(&|$)`));
  const drawer = new InspectDrawer(page);
  await expect(drawer.dialog).toBeVisible();

  // Query: the exact request.
  await drawer.tab('Query').click();
  await expect(drawer.fact('A', 'Expression')).toHaveText(ROUTE_EXPR);
  await expect(drawer.fact('A', 'Step')).toHaveText(/^\d+ s \(\d+[sm]\)$/);
  await expect(drawer.fact('A', 'Status')).toHaveText('HTTP 200 · success');
  await expect(drawer.fact('A', 'Method')).toHaveText('GET');
  const path = await drawer.fact('A', 'Path').textContent();
  const query = await drawer.fact('A', 'Query string').textContent();
  expect(path).toBe('/api/datasources/proxy/uid/prometheus/api/v1/query_range');
  const sent = new URLSearchParams(query!);
  const step = Number(sent.get('step'));
  await expect(drawer.fact('A', 'Step')).toHaveText(new RegExp(`^${step} s`));
  await expect(drawer.fact('A', 'Start')).toHaveText(
    `${new Date(Number(sent.get('start')) * 1000).toISOString()} (${sent.get('start')})`,
  );
  const series = Number(await drawer.fact('A', 'Series').textContent());
  expect(series).toBeGreaterThanOrEqual(3);

  // The same request, asked again through the proxy.
  const answer = (await (await page.request.get(`${server}${path}?${query}`)).json()) as {
    status: string;
    data: { result: { metric: { route: string }; values: [number, string][] }[] };
  };
  expect(answer.status).toBe('success');
  expect(answer.data.result).toHaveLength(series);

  // Data: one column per series, every value as Prometheus answered.
  await drawer.tab('Data').click();
  const table = await drawer.readTable();
  expect(table.headers[0]).toBe('Time');
  expect(table.headers.slice(1).sort()).toEqual(
    answer.data.result.map((s) => s.metric.route).sort(),
  );
  const expected = new Map<string, string>();
  for (const s of answer.data.result) {
    for (const [t, v] of s.values) expected.set(`${t} ${s.metric.route}`, v);
  }
  const shown = new Map<string, string>();
  for (const r of table.rows) {
    r.cells.forEach((v, i) => {
      if (v !== '') shown.set(`${r.time} ${table.headers[i + 1]}`, v);
    });
  }
  expect(shown.size).toBeGreaterThan(series * 10);
  expect(shown).toEqual(expected);
  await expect(drawer.dialog.getByRole('status').filter({ hasText: 'rows ×' })).toHaveText(
    `${table.rows.length} rows × ${series} series`,
  );

  // CSV: the header and one line per row.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    drawer.dialog.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${ROUTE} data.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines.pop()).toBe(''); // CRLF after every record
  expect(lines[0]).toBe(['Time', ...table.headers.slice(1)].join(','));
  expect(lines).toHaveLength(table.rows.length + 1);
  const first = lines[1]!.split(',');
  expect(first[0]).toBe(new Date(table.rows[0]!.time * 1000).toISOString());
  expect(first.slice(1)).toEqual(table.rows[0]!.cells);

  // JSON: Prometheus' answer as it came.
  await drawer.tab('JSON').click();
  const json = drawer.dialog.getByRole('region', { name: 'JSON' });
  await expect(json).toContainText('"status": "success"');
  await expect(json).toContainText('"resultType": "matrix"');
  await drawer.dialog.getByRole('combobox', { name: 'Source' }).selectOption('Panel JSON');
  await expect(json).toContainText(`"title": "${ROUTE}"`);

  // Escape closes the drawer and the URL forgets it.
  await page.keyboard.press('Escape');
  await expect(drawer.dialog).toBeHidden();
  await expect(page).not.toHaveURL(/inspect=/);
});

test('shortcuts over a panel: v views, i inspects; Escape closes Inspect before the view', async ({
  page,
}) => {
  const { menu } = await openDashboard(page);
  await menu.panel.hover();
  await page.keyboard.press('v');
  await expect(page).toHaveURL(/viewPanel=4/);
  await menu.panel.hover();
  await page.keyboard.press('i');
  const drawer = new InspectDrawer(page);
  await expect(drawer.dialog).toBeVisible();
  await expect(drawer.table).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer.dialog).toBeHidden();
  await expect(page).toHaveURL(/viewPanel=4/);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/viewPanel=/);
});

test('Export downloads the dashboard JSON with every panel, and for sharing externally', async ({
  page,
}) => {
  await openDashboard(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dashboard' });
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Service overview.json');
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as J;
  expect(file.uid).toBe(SERVICE.uid);
  expect(arr(file.panels)).toHaveLength(SERVICE.panels.length);
  expect(file.__inputs).toBeUndefined();

  await dialog.getByRole('checkbox', { name: 'Export for sharing externally' }).check();
  await expect(dialog.getByRole('status')).toContainText(
    `Kept ${SERVICE.panels.length + SERVICE.panels.flatMap((p) => p.targets).length} references to the dashboard's datasource variable`,
  );
  const [external] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const shared = JSON.parse(readFileSync((await external.path())!, 'utf8')) as J;
  expect(arr(shared.panels)).toHaveLength(SERVICE.panels.length);
  expect(shared.__inputs).toEqual([]);
  expect(shared.id).toBeNull();
  expect(arr(shared.__requires).map((r) => r.id)).toEqual(['prometheus', 'stat', 'timeseries']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

type J = Record<string, unknown>;
const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);
