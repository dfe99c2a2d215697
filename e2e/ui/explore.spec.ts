// Explore on a real Prometheus: the editor, graph, table, URL state and Prometheus links.
import { expect, test } from '../fixtures.ts';
import { ExplorePage } from '../pages/explore-page.ts';

const P99 =
  'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))';

test('autocomplete offers metric names that exist, with their type', { tag: '@vm' }, async ({
  page,
}) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.editor().click();
  await page.keyboard.type('http_request_dur');
  const option = page.getByRole('option', { name: /http_request_duration_seconds_bucket/ });
  await expect(option.first()).toBeVisible();
  await option.first().click();
  await expect(ex.editor()).toContainText('http_request_duration_seconds');
  await expect(page).toHaveURL(/\/explore$/);
});

test('autocomplete offers the label names and values of the metric typed', { tag: '@vm' }, async ({
  page,
}) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.editor().click();
  // `{` closes itself; the names are those of this metric's series, not of every metric.
  await page.keyboard.type('http_requests_total{');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.filter({ hasText: /^route/ })).toHaveCount(1);
  await expect(options.filter({ hasText: /^status/ })).toHaveCount(1);
  await expect(options.filter({ hasText: /^sku/ })).toHaveCount(0);
  await page.keyboard.type('route="');
  const value = options.filter({ hasText: /^\/api\/orders$/ });
  await expect(value).toHaveCount(1);
  await expect(options.filter({ hasText: /^\/healthz$/ })).toHaveCount(1);
  await value.click();
  await expect(ex.editor()).toHaveText('http_requests_total{route="/api/orders"}');
});

test('a histogram_quantile query draws a line, with what it cost', { tag: '@vm' }, async ({
  page,
}) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.run(P99);
  const { series, samples } = await ex.drawn();
  expect(series).toBe(1);
  expect(samples).toBeGreaterThan(1); // a line, not a dot
  await expect(ex.info).toContainText(
    /A 1 series · \d+ points · step \d+s · Prometheus [\d.]+ ms · total [\d.]+ ms/,
  );
  await expect(page).toHaveURL(/q0\.expr=histogram_quantile/);
});

test("a syntax error shows Prometheus' message beside the query and marks it", async ({ page }) => {
  const ex = new ExplorePage(page);
  await ex.open();
  // Brackets typed in the editor close themselves, so the error has to be of another kind.
  await ex.run('sum(rate(http_requests_total[5m])) +');
  await expect(ex.row('A').getByRole('alert')).toHaveText(
    /^bad_data1:\d+: parse error: unexpected end of input/,
  );
  // At the end of the text CodeMirror marks a point; elsewhere a range.
  await expect(
    ex.row('A').locator('.cm-lintRange-error, .cm-lintPoint-error').first(),
  ).toBeAttached();
});

test('back and forward restore the previous query and its graph', async ({ page }) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.run('sum(up)');
  await ex.drawn();
  await ex.run(P99);
  await expect(page).toHaveURL(/histogram_quantile/);
  await page.goBack();
  await expect(ex.editor()).toHaveText('sum(up)');
  await expect(page).toHaveURL(/q0\.expr=sum\(up\)/);
  await ex.drawn();
  await page.goForward();
  await expect(ex.editor()).toContainText('histogram_quantile');
});

test('a Prometheus UI link /graph?g0.expr=… opens Explore and draws', async ({ page }) => {
  const ex = new ExplorePage(page);
  const expr = encodeURIComponent('sum by (route) (rate(http_requests_total[1m]))');
  await page.goto(
    `/graph?g0.expr=${expr}&g0.tab=0&g0.stacked=1&g0.range_input=30m&g1.expr=up&g1.tab=0`,
  );
  await expect(page).toHaveURL(/\/explore\?/);
  await expect(ex.editor('A')).toHaveText('sum by (route) (rate(http_requests_total[1m]))');
  await expect(ex.editor('B')).toHaveText('up');
  await expect(ex.timeRange).toHaveValue('now-30m|now');
  await expect(page.getByRole('combobox', { name: 'Draw' })).toHaveValue('stacked');
  await ex.drawn(6);
});

test('the table tab lists one row per series, sorts, and copies CSV', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ex = new ExplorePage(page);
  await ex.open('?tab=table');
  await ex.run('sum by (route) (rate(http_requests_total[1m]))');
  await expect(ex.table.locator('tbody tr')).toHaveCount(6);
  await expect(ex.table.locator('thead')).toContainText('route');
  await ex.table.getByRole('button', { name: 'Value' }).click(); // ascending
  await ex.table.getByRole('button', { name: /Value/ }).click(); // descending
  await expect(ex.table.locator('thead th').last()).toHaveAttribute('aria-sort', 'descending');
  // Read once the sorted rows are rendered, not on the click's heels.
  let values: number[] = [];
  await expect
    .poll(async () => {
      values = await ex.table
        .locator('td.num')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      return values.length === 6 && values.every((v, i) => i === 0 || values[i - 1]! >= v);
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied 6 rows' })).toBeVisible();
  const csv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('route,Value');
  expect(lines.slice(1, -1).map((l) => Number(l.split(',')[1]))).toEqual(values);
});

test('a 1,000-series result draws the first 200, says so, and the page stays usable', async ({
  page,
}) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.run('demo_inventory_items');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Showing the first 200 series; 800 more are not drawn' }),
  ).toBeVisible();
  const { series } = await ex.drawn(200);
  expect(series).toBe(200);
  await expect(ex.info).toContainText('A 1000 series');
  // Still responsive: the table of all 1,000 answers a click.
  await ex.tab('Table').click();
  await expect(page.getByText('1000 series', { exact: true })).toBeVisible();
  await expect(ex.table.locator('tbody tr')).toHaveCount(1000);
});

test('the metrics explorer inserts the p50/p90/p99 trio for a histogram', { tag: '@vm' }, async ({
  page,
}) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('http_request_duration');
  await page
    .getByRole('list', { name: 'Metrics' })
    .getByRole('button', { name: /^http_request_duration_seconds/ })
    .click();
  await expect(ex.editor('A')).toContainText('histogram_quantile(0.5');
  await expect(ex.editor('C')).toContainText('histogram_quantile(0.99');
  const { series } = await ex.drawn(3);
  expect(series).toBe(3);
  await expect(page.getByRole('list', { name: 'legend' })).toContainText('p90');
});

test('history lists what ran, searchable, and a click runs it again', async ({ page }) => {
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.run('count(up)');
  await ex.drawn();
  await ex.run('sum(up)');
  await ex.drawn();
  await ex.tab('History').click();
  await page.getByRole('searchbox', { name: 'Search history' }).fill('count');
  const list = page.getByRole('list', { name: 'History' });
  await expect(list.getByRole('button')).toHaveCount(1);
  await list.getByRole('button', { name: /count\(up\)/ }).click();
  await expect(ex.editor()).toHaveText('count(up)');
  await expect(page).toHaveURL(/q0\.expr=count\(up\)/);
});

test('an explicit step is sent as typed and reported', { tag: '@vm' }, async ({ page }) => {
  const ex = new ExplorePage(page);
  await ex.open('?q0.expr=sum(up)&from=now-15m&to=now');
  await ex.drawn();
  const steps: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/query_range')) steps.push(url.searchParams.get('step') ?? '');
  });
  await page.getByRole('textbox', { name: 'Step' }).fill('30s');
  await page.getByRole('textbox', { name: 'Step' }).press('Enter');
  await expect(page).toHaveURL(/step=30s/);
  await expect(ex.info).toContainText('step 30s');
  await expect.poll(() => steps).toContain('30');
});
