// Heatmap and text panels on a real Prometheus (e2e/fixtures/dashboards/e2e-heatmap-text.json):
// the heatmap draws one row per `le` bucket Prometheus has, and hostile text never runs.
import type { Page } from '@playwright/test';
import { expect, queuedEventsRun, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const DASH = '/d/e2e-heatmap-text/e2e-heatmap-and-text?refresh=off';
const HEATMAP = 'Request latency heatmap';
const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';

/** How many distinct `le` values Prometheus has for the demo's latency histogram. */
async function leCount(page: Page): Promise<number> {
  const query = 'count by (le) (http_request_duration_seconds_bucket)';
  const res = await page.request.get(`${PROXY}/query?query=${encodeURIComponent(query)}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data: { result: { metric: { le: string } }[] } };
  return body.data.result.length;
}

const xss = (page: Page) => page.evaluate(() => (window as { __xss?: unknown }).__xss);

test('the heatmap draws one row per le bucket in Prometheus, with cells', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const les = await leCount(page);
  expect(les).toBeGreaterThan(5); // the demo's histogram: 12 bounds and +Inf
  await dash.heatmapDrawn(HEATMAP);
  await expect(dash.heatmap(HEATMAP)).toHaveAttribute('data-buckets', String(les));
  const drawn = await dash.heatmapDrawn(HEATMAP);
  expect(drawn.cells).toBeGreaterThan(0);
  expect(drawn.maxCount).toBeGreaterThan(0);
  // The colour scale runs from the smallest to the largest count drawn.
  const legend = dash.panel(HEATMAP).locator('.heatmap-legend');
  await expect(legend.locator('.heatmap-legend-min')).toHaveText('0');
  await expect(legend.locator('.heatmap-legend-max')).not.toHaveText('0');
  // The old Angular heatmap (dataFormat tsbuckets, no options) draws the same buckets.
  await dash.heatmapDrawn('Legacy heatmap');
  await expect(dash.heatmap('Legacy heatmap')).toHaveAttribute('data-buckets', String(les));
});

test('hovering a heatmap cell shows its time, bucket bounds and count', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  await dash.heatmapDrawn(HEATMAP);
  const tooltip = await dash.hoverHeatmapCell(HEATMAP, 0.97);
  await expect(tooltip.locator('.tt-time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const bound = String.raw`(?:0 s|\d+(?:\.\d+)? (?:ms|s))`;
  const rows = tooltip.locator('.tt-row');
  await expect(rows.nth(0).locator('.tt-label')).toHaveText('Bucket');
  await expect(rows.nth(0).locator('.tt-value')).toHaveText(
    new RegExp(`^${bound} – (?:${bound}|\\+Inf)$`),
  );
  await expect(rows.nth(1).locator('.tt-label')).toHaveText('Count');
  const count = Number.parseFloat((await rows.nth(1).locator('.tt-value').textContent()) ?? '');
  expect(count).toBeGreaterThan(0);
  await expect(dash.heatmap(HEATMAP).locator('.heatmap-hover')).toBeVisible();
});

test('live ticks redraw the heatmap in the same uPlot instance', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-heatmap-text/e2e-heatmap-and-text?refresh=5s');
  await dash.heatmapDrawn(HEATMAP);
  const body = dash.heatmap(HEATMAP);
  const canvas = await body.locator('canvas').elementHandle();
  // The count of samples is no sign of a tick: once Prometheus is older than the 5 min window,
  // every tick brings as many as it drops. The picture is: the window slides and new cells
  // come in. So wait for a tick to ask, take the picture, and wait for the next to change it.
  await page.waitForRequest((r) => r.url().includes('/query_range?'));
  const picture = () => canvas!.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const before = await picture();
  await expect.poll(picture, { timeout: 20_000 }).not.toBe(before);
  expect(await canvas!.evaluate((c) => c.isConnected)).toBe(true);
  await expect(body.locator('canvas')).toHaveCount(1);
});

test('dragging across the heatmap zooms the dashboard to that range', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  await dash.heatmapDrawn(HEATMAP);
  const over = dash.heatmap(HEATMAP).locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
  const url = new URL(page.url());
  const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
  // 30 % of a 5 min window is 90 s.
  expect(span).toBeGreaterThan(60_000);
  expect(span).toBeLessThan(120_000);
});

test('markdown renders as a real heading, list, link, code and table', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const panel = dash.panel('Runbook');
  await expect(panel.getByRole('heading', { level: 1, name: 'Latency runbook' })).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveText([
    'check the slow routes',
    'look at http_request_duration_seconds',
    'read the Prometheus histogram docs',
  ]);
  const link = panel.getByRole('link', { name: 'Prometheus histogram docs' });
  await expect(link).toHaveAttribute('href', 'https://prometheus.io/docs/practices/histograms/');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(panel.locator('pre code')).toContainText('histogram_quantile(0.99');
  await expect(panel.getByRole('cell', { name: 'accounts' })).toBeVisible();
  await expect(panel.locator('strong')).toHaveText('p99');
  // Grafana 6's top-level mode/content draw too.
  await expect(
    dash.panel('Legacy text').getByRole('heading', { level: 3, name: 'Old schema' }),
  ).toBeVisible();
});

test('hostile markdown and HTML never run script and lose every handler', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const text = dash.panel('Hostile text');
  const html = dash.panel('Hostile HTML');
  await expect(text.getByRole('heading', { name: 'Not a trap' })).toBeVisible();
  await expect(html.getByRole('heading', { name: 'HTML mode' })).toBeVisible();
  const both = page.locator('.text-panel');

  // Nothing that runs code, loads a document, styles the page or submits survives.
  await expect(both.locator('script, iframe, object, embed, form, input, svg, style')).toHaveCount(
    0,
  );
  await expect(both.locator('img[onerror]')).toHaveCount(0);
  await expect(both.locator('[style]')).toHaveCount(0);
  const handlers = await both.evaluateAll((panels) =>
    panels.flatMap((p) =>
      [p, ...p.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
      ),
    ),
  );
  expect(handlers).toEqual([]);
  // The img that was valid HTML stays, without its handler; the data: image loses its src.
  await expect(text.locator('img[src="x"]')).toHaveCount(1);
  expect(await text.getByRole('img', { name: 'data image' }).getAttribute('src')).toBeNull();

  // javascript: links lose their href, so clicking them does nothing.
  const trap = text.getByText('click me');
  expect(await trap.getAttribute('href')).toBeNull();
  await trap.click();
  const tabbed = html.getByText('tabbed');
  expect(await tabbed.getAttribute('href')).toBeNull();
  await tabbed.click();
  const details = html.locator('details');
  const wasOpen = await details.evaluate((d) => (d as HTMLDetailsElement).open);
  await html.getByText('details', { exact: true }).click(); // fires toggle: the handler is gone
  await expect(details).toHaveJSProperty('open', !wasOpen);
  // A real link keeps its href and opens in a new tab, without the page's own target.
  const safe = text.getByRole('link', { name: 'safe link' });
  await expect(safe).toHaveAttribute('href', 'https://example.com');
  await expect(safe).toHaveAttribute('target', '_blank');
  await expect(safe).toHaveAttribute('rel', 'noopener noreferrer');

  await queuedEventsRun(page); // any queued error or toggle event has run
  expect(await xss(page)).toBeUndefined();
  await expect(page).toHaveURL(/\/d\/e2e-heatmap-text\//);
});

test('a long text scrolls inside its panel, never the page', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const panel = dash.panel('Hostile text');
  const body = panel.locator('.text-panel');
  await expect(body.getByRole('heading', { name: 'Not a trap' })).toBeVisible();
  const sizes = await body.evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    overflow: getComputedStyle(el).overflowY,
    panel: el.closest('.panel')!.getBoundingClientRect().height,
    cell: el.closest('.grid-item')!.getBoundingClientRect().height,
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client); // more text than room…
  expect(sizes.overflow).toBe('auto'); // …so the body scrolls
  expect(Math.abs(sizes.panel - sizes.cell)).toBeLessThan(1); // and the panel keeps its size
});
