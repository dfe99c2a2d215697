// The live Service overview in Chromium, against a real Prometheus and demo traffic.
import { expect, haveGrafanaFixtures, NO_FIXTURES, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';

test('/ opens the Service overview, live at 5 s, with data in every panel', { tag: '@vm' }, async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/');
  await expect(page).toHaveURL(/\/d\/service-overview\/service-overview$/);
  await expect(page.getByRole('heading', { name: 'Service overview' })).toBeVisible();
  await expect(dash.autoRefresh).toHaveValue('5s');
  await expect(dash.timeRange).toHaveValue('now-15m|now');

  const byRoute = await dash.drawn('Request rate by route', 4);
  expect(byRoute.samples).toBeGreaterThan(byRoute.series);
  await expect(dash.legend('Request rate by route')).toContainText(['/api/orders']);
  await expect(
    dash.legend('Request rate by route').filter({ hasText: '/api/users/:id' }),
  ).toHaveCount(1);

  await dash.drawn('Request rate by status class', 2);
  await expect(
    dash.legend('Request rate by status class').filter({ hasText: /^2xx$/ }),
  ).toHaveCount(1);

  const latency = await dash.drawn('Latency p50 / p90 / p99', 3);
  expect(latency.series).toBe(3);
  await expect(dash.legend('Latency p50 / p90 / p99')).toHaveText(['p50', 'p90', 'p99']);
  await dash.drawn('p99 latency by route', 3);
});

test('stat panels show numbers: req/s, error ratio and p99', { tag: '@vm' }, async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview');
  await expect(dash.statValue('Requests / s')).toHaveText(/^\d+(\.\d+)? req\/s$/);
  await expect(dash.statValue('Error ratio (5xx)')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(dash.statValue('p99 latency')).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
  const p99 = Number(await dash.statValue('p99 latency').getAttribute('data-value'));
  expect(p99).toBeGreaterThan(0.005); // s: the demo's fastest bucket
  expect(p99).toBeLessThanOrEqual(5); // s: the demo's largest finite bucket
  // Polled: the first value may come from the first scrapes of a young or busy demo.
  await expect
    .poll(async () => Number(await dash.statValue('Requests / s').getAttribute('data-value')))
    .toBeGreaterThan(1);
});

test('the datasource dot is up and names the Prometheus version', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/');
  await expect(dash.health).toHaveAttribute('data-state', 'up');
  await expect(dash.health).toContainText(/up · Prometheus \d+\.\d+\.\d+/);
  await expect(dash.health).toContainText(process.env.E2E_PROMETHEUS_URL!);
});

test('live ticks update the same uPlot instance in place', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?refresh=5s');
  const first = await dash.drawn('Request rate by route');
  const canvas = await dash.chart('Request rate by route').locator('canvas').elementHandle();
  await expect
    .poll(async () => Number(await dash.chart('Request rate by route').getAttribute('data-end')), {
      timeout: 20_000,
    })
    .toBeGreaterThan(first.end);
  expect(await canvas!.evaluate((c) => c.isConnected)).toBe(true);
  await expect(dash.chart('Request rate by route').locator('canvas')).toHaveCount(1);
});

/** What watchChartClears leaves on the page's window. */
interface ClearsWatched {
  /** Clears of each chart canvas on the page, in document order. */
  __clears: () => number[];
  /** For each run of the page's JS that cleared a chart, how many charts it cleared. */
  __runs: () => number[];
}

/**
 * An init script: every uPlot draw starts by clearing its canvas, so count the clears of each
 * canvas, and the chart canvases cleared within one run of the page's JS (up to its next
 * microtask checkpoint). Each chart draws in a task of its own (web/chart/draw-queue.ts): no
 * run should clear two.
 */
function watchChartClears() {
  const clears = new WeakMap<HTMLCanvasElement, number>();
  let run: Set<HTMLCanvasElement> | null = null;
  const runs: Set<HTMLCanvasElement>[] = [];
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    clears.set(this.canvas, (clears.get(this.canvas) ?? 0) + 1);
    if (this.canvas.closest('.uplot')) {
      if (!run) {
        run = new Set();
        runs.push(run);
        queueMicrotask(() => {
          run = null;
        });
      }
      run.add(this.canvas);
    }
    return clear.apply(this, args);
  };
  const w = window as unknown as ClearsWatched;
  w.__clears = () =>
    [...document.querySelectorAll<HTMLCanvasElement>('.uplot canvas')].map(
      (c) => clears.get(c) ?? 0,
    );
  w.__runs = () => runs.map((r) => r.size);
}

test('a live tick redraws each chart once, not once per render of its panel', async ({ page }) => {
  // Every uPlot draw starts by clearing its canvas: count the clears of each chart's canvas,
  // and the charts cleared within one run of the page's JS (up to its next microtask
  // checkpoint): each chart draws in a task of its own (web/chart/draw-queue.ts), so no run
  // should draw two, which would make a tick's longest task the whole dashboard's drawing.
  await page.addInitScript(watchChartClears);
  await page.addInitScript(() => {
    // The same for the queries a tick sends: each calls fetch() in a run of its own.
    let sent: string[] | null = null;
    const sends: string[][] = [];
    const fetch0 = window.fetch;
    window.fetch = function (...args) {
      const url = String(args[0] instanceof Request ? args[0].url : args[0]);
      if (url.includes('/api/v1/query')) {
        if (!sent) {
          sent = [];
          sends.push(sent);
          queueMicrotask(() => {
            sent = null;
          });
        }
        sent.push(url);
      }
      return fetch0.apply(this, args);
    };
    (window as unknown as { __widestSend: () => number }).__widestSend = () =>
      Math.max(0, ...sends.map((s) => s.length));
  });
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?refresh=5s');
  const chart = dash.chart('Request rate by route');
  await dash.drawn('Request rate by route');
  const clears = () => page.evaluate(() => (window as unknown as ClearsWatched).__clears());
  const end = async () => Number(await chart.getAttribute('data-end'));
  // A tick has landed everywhere once the first chart has moved on, no panel is still
  // loading and no chart waits for its turn to draw: a panel leaves aria-busy in the render
  // that hands its answer to the chart, which is marked data-waiting in that same render
  // until it has drawn (no fixed sleep to guess at).
  const settled = async () => {
    await expect(page.locator('section.panel[aria-busy="true"]')).toHaveCount(0);
    await expect(page.locator('.chart[data-waiting]')).toHaveCount(0);
  };
  // Start right after a tick has landed everywhere, then watch two more ticks.
  let last = await end();
  await expect.poll(end, { timeout: 20_000 }).toBeGreaterThan(last);
  await settled();
  const before = await clears();
  expect(before.length).toBeGreaterThanOrEqual(6);
  last = await end();
  await expect.poll(end, { timeout: 20_000 }).toBeGreaterThan(last);
  last = await end();
  await expect.poll(end, { timeout: 20_000 }).toBeGreaterThan(last);
  await settled();
  const after = await clears();
  const drawn = after.map((n, i) => n - before[i]!);
  // Two ticks: each chart drawn twice (a render of a panel without new columns draws nothing).
  expect(
    drawn.every((n) => n >= 1 && n <= 3),
    `draws per chart over two ticks: ${drawn}`,
  ).toBe(true);
  // …and never two charts in one run of the page's JS, since the page opened; nor two
  // queries sent (web/query/next-task.ts).
  expect(
    await page.evaluate(() => Math.max(0, ...(window as unknown as ClearsWatched).__runs())),
  ).toBe(1);
  expect(
    await page.evaluate(() => (window as unknown as { __widestSend: () => number }).__widestSend()),
  ).toBe(1);
});

test('charts whose answers land together draw in tasks of their own', async ({
  page,
  request,
}, testInfo) => {
  // Four panels of one query share one fetch, so each tick hands all four their columns in
  // one render. Every uPlot draw starts by clearing its canvas: within one run of the page's
  // JS (up to its next microtask checkpoint) no two charts may clear theirs, or a tick's
  // longest task is the whole dashboard's drawing (web/chart/draw-queue.ts).
  const uid = `draw-tasks-${testInfo.workerIndex}`;
  await createDashboard(request, {
    uid,
    title: 'Draw tasks e2e',
    time: { from: 'now-5m', to: 'now' },
    refresh: '5s',
    panels: [0, 1, 2, 3].map((i) => ({
      id: i + 1,
      type: 'timeseries',
      title: `Same query ${i + 1}`,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      targets: [{ refId: 'A', expr: 'sum by (job) (up)' }],
    })),
  });
  await page.addInitScript(watchChartClears);
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  for (let i = 1; i <= 4; i++) await dash.drawn(`Same query ${i}`);
  const chart = dash.chart('Same query 1');
  const end = async () => Number(await chart.getAttribute('data-end'));
  const last = await end();
  await expect.poll(end, { timeout: 20_000 }).toBeGreaterThan(last);
  await expect(page.locator('.chart[data-waiting]')).toHaveCount(0);
  const runs = await page.evaluate(() => (window as unknown as ClearsWatched).__runs());
  expect(runs.length).toBeGreaterThanOrEqual(8); // 4 charts, first load and one tick
  expect(Math.max(...runs), `charts cleared per run: ${runs}`).toBe(1);
});

test("a dashboard's JSON is asked for beside the datasource list, not after it", async ({
  page,
}) => {
  // The datasource list is held back until the dashboard's JSON has been asked for (or 10 s
  // passed): the page mounts only with the list, so a dashboard asked for by the page alone
  // would come after it, one round trip later (web/dashboard/view/dashboard-query.ts).
  let dashboardAsked = () => {};
  const asked = new Promise<boolean>((resolve) => {
    dashboardAsked = () => resolve(true);
    setTimeout(() => resolve(false), 10_000);
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/dashboards/uid/service-overview') dashboardAsked();
  });
  let askedFirst: boolean | null = null;
  await page.route('**/api/datasources', async (route) => {
    askedFirst = await asked;
    await route.continue();
  });
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview');
  await dash.drawn('Request rate by route');
  expect(askedFirst).toBe(true);
});

test('time range and refresh pickers live in the URL and back restores them', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview');
  await dash.drawn('Request rate by route');
  const ranges: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/query_range')) {
      ranges.push(
        String(Number(url.searchParams.get('end')) - Number(url.searchParams.get('start'))),
      );
    }
  });
  await dash.timeRange.selectOption({ label: 'Last 1 hour' });
  await expect(page).toHaveURL(/from=now-1h&to=now/);
  await expect.poll(() => ranges.some((r) => Number(r) > 3000)).toBe(true); // s: ≈ 3600 once aligned
  await dash.autoRefresh.selectOption('10s');
  await expect(page).toHaveURL(/refresh=10s/);
  await page.goBack();
  await expect(dash.autoRefresh).toHaveValue('5s');
  await expect(dash.timeRange).toHaveValue('now-1h|now');
  await page.goBack();
  await expect(dash.timeRange).toHaveValue('now-15m|now');
});

test('legend click isolates a series; a second click shows all again', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?refresh=off');
  await dash.drawn('Latency p50 / p90 / p99', 3);
  const items = dash.legend('Latency p50 / p90 / p99');
  await items.filter({ hasText: 'p99' }).click();
  await expect(items.filter({ hasText: 'p99' })).toHaveAttribute('aria-pressed', 'true');
  await expect(items.filter({ hasText: 'p50' })).toHaveAttribute('aria-pressed', 'false');
  await items.filter({ hasText: 'p99' }).click();
  await expect(items.filter({ hasText: 'p50' })).toHaveAttribute('aria-pressed', 'true');
});

test('an unreachable Prometheus URL is explained and changes nothing', async ({ page }) => {
  const dash = new DashboardPage(page);
  // Explore: a dashboard with a datasource variable has the variable's picker, not the header's.
  await page.goto('/explore');
  await expect(dash.health).toHaveAttribute('data-state', 'up');
  const urlBefore = page.url();
  const selected = await dash.datasource.inputValue();
  await dash.urlField.fill('http://127.0.0.1:9');
  await dash.connect.click();
  await expect(page.getByRole('alert')).toContainText(/unreachable/);
  // Other specs connect datasources of their own to the shared server meanwhile, so the list
  // is compared with the server's, not counted: the refused URL is in neither.
  await expect
    .poll(async () => {
      const listed = (await (await page.request.get('/api/datasources')).json()) as {
        uid: string;
        url: string;
      }[];
      const shown = await dash.datasource
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      return {
        refusedStored: listed.some((d) => d.url.replace(/\/$/, '') === 'http://127.0.0.1:9'),
        shownNotStored: shown.filter((uid) => !listed.some((d) => d.uid === uid)),
      };
    })
    .toEqual({ refusedStored: false, shownNotStored: [] });
  await expect(dash.datasource).toHaveValue(selected);
  expect(page.url()).toBe(urlBefore);
  await dash.urlField.fill('file:///etc/passwd');
  await dash.connect.click();
  await expect(page.getByRole('alert')).toContainText('only http and https URLs are accepted');
});

test('a panel with a bad query shows Prometheus’ message; its neighbours carry on', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-faults');
  await expect(dash.panel('Broken query').getByRole('alert')).toContainText(/parse error/);
  await dash.drawn('Healthy neighbour', 2);
  await expect(dash.panel('Node graph')).toContainText('Panel type "nodeGraph" is not drawn');
});

test('titles and label values from outside render as text, never as markup', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-faults');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'E2E faults <img src=x onerror=window.__xss=1>',
  );
  const evil = dash.panel('<script>window.__xss=2</script>');
  await expect(evil.getByRole('heading')).toHaveText('<script>window.__xss=2</script>');
  await expect(dash.legend('<script>window.__xss=2</script>')).toHaveText(
    '<img src=x onerror=window.__xss=3>',
  );
  const tooltip = await dash.hoverChart('<script>window.__xss=2</script>', 0.98);
  await expect(tooltip).toContainText('<img src=x onerror=window.__xss=3>');
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test('connecting another reachable Prometheus selects it, and the panels draw from it', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/');
  const other = prometheusUrl().replace('127.0.0.1', 'localhost');
  await dash.urlField.fill(other);
  await dash.connect.click();
  // The Service overview's datasource variable is the one picker (the header has none): the
  // new datasource is its value.
  await expect(page).toHaveURL(/var-datasource=prom-[0-9a-f]{8}/);
  const uid = new URL(page.url()).searchParams.get('var-datasource')!;
  await expect(dash.datasource).toHaveCount(0);
  await expect(dash.health).toContainText(other);
  await expect(dash.health).toHaveAttribute('data-state', 'up');
  const viaNew = page.waitForRequest((r) =>
    r.url().includes(`/proxy/uid/${uid}/api/v1/query_range`),
  );
  await page.reload();
  await viaNew;
  await expect(dash.health).toContainText(other);
  await dash.drawn('Request rate by route', 4);
});

test('the tooltip lists the series at the cursor, largest value first', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?refresh=off');
  const { series } = await dash.drawn('Request rate by route', 4);
  const tooltip = await dash.hoverChart('Request rate by route', 0.98);
  await expect(tooltip.locator('.tt-time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const values = (await tooltip.locator('.tt-value').allTextContents()).map((v) =>
    Number.parseFloat(v),
  );
  expect(values.length).toBeGreaterThanOrEqual(Math.min(series, 4));
  expect(values.every(Number.isFinite)).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const labels = await tooltip.locator('.tt-label').allTextContents();
  expect(labels).toContain('/api/users/:id');
});

test('changing the range aborts the queries still in flight', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?refresh=off');
  await dash.drawn('Request rate by route');
  // From now on Prometheus seems slow: every range query is held for 5 s.
  await page.route('**/api/v1/query_range?**', async (route) => {
    await new Promise((done) => setTimeout(done, 5_000));
    await route.continue().catch(() => undefined); // the page may have aborted it already
  });
  const aborted: string[] = [];
  page.on('requestfailed', (r) => {
    if (r.url().includes('/query_range?')) aborted.push(r.failure()?.errorText ?? '');
  });
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(dash.panel('Request rate by route')).toHaveAttribute('aria-busy', 'true');
  await dash.timeRange.selectOption({ label: 'Last 1 hour' });
  await expect.poll(() => aborted.length).toBeGreaterThan(0);
  expect(aborted.every((e) => /ABORTED/i.test(e))).toBe(true);
});

test('dragging across a chart zooms the dashboard to that range', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?from=now-15m&to=now');
  await dash.drawn('Request rate by route');
  const over = dash.chart('Request rate by route').locator('.u-over');
  const box = (await over.boundingBox())!;
  const before = Date.now();
  // The last fifth of the window: the e2e Prometheus is only a minute or two old.
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.995, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const to = Number(url.searchParams.get('to'));
  // About 20 % of a 15 min window is 3 min; the URL's absolute range must say so.
  expect(to - from).toBeGreaterThan(2 * 60_000);
  expect(to - from).toBeLessThan(4 * 60_000);
  expect(to).toBeLessThanOrEqual(before + 60_000);
  await expect(dash.timeRange.locator('option:checked')).toHaveText(
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} to /,
  );
  await dash.drawn('Request rate by route');
  await page.goBack();
  await expect(dash.timeRange).toHaveValue('now-15m|now');
});

test('the dashboard page does not load the PromQL editor chunk', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview');
  await dash.drawn('Request rate by route');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /PromqlEditor/.test(s))).toEqual([]);
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect.poll(() => scripts.some((s) => /PromqlEditor/.test(s))).toBe(true);
});

test('rows of a Grafana dashboard open and close, moving what is below', async ({ page }) => {
  test.skip(!haveGrafanaFixtures, NO_FIXTURES);
  // bind9-full.json: a public Grafana dashboard whose rows are General (open, 7 panels),
  // then Issues, Detail and DNSsec (closed).
  await page.goto('/d/Ug7DI83Wz');
  await expect(page.getByRole('heading', { name: 'Bind9 Full' })).toBeVisible();
  const row = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  const regions = page.locator('.grid-item:not([data-panel-type="row"])');
  await expect(row('General')).toHaveAttribute('aria-expanded', 'true');
  await expect(row('Issues')).toHaveAttribute('aria-expanded', 'false');
  await expect(row('Issues')).toContainText('(4 panels)');
  await expect(regions).toHaveCount(7);
  const issuesTop = async () => (await row('Issues').boundingBox())!.y;
  const before = await issuesTop();
  await row('General').click();
  await expect(regions).toHaveCount(0);
  await expect.poll(issuesTop).toBeLessThan(before);
  await row('Issues').click();
  await expect(page.getByRole('region', { name: 'Resolver Query Retries' })).toBeVisible();
  await expect(regions).toHaveCount(4);
});

test('gauge and bar gauge panels draw reduced values from Prometheus', { tag: '@vm' }, async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-panels');
  const gauge = dash.panel('p99 latency gauge').locator('text.gauge-value');
  await expect(gauge).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
  const p99 = Number(await gauge.getAttribute('data-value'));
  expect(p99).toBeGreaterThan(0);
  expect(p99).toBeLessThanOrEqual(5);
  const bars = dash.panel('Requests by route').locator('.bar-row');
  await expect(bars).toHaveCount(6);
  await expect(bars.locator('.bar-label')).toContainText(['/api/orders']);
  // The bars may come before their values: poll until the widest is drawn.
  await expect
    .poll(async () => {
      const widths = await bars
        .locator('.bar-fill')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      return widths.length === 6 && widths.every((w) => w >= 0) && Math.max(...widths) > 0;
    })
    .toBe(true);
});

test('a table panel lists one row per series with labels as columns, sortable', {
  tag: '@vm',
}, async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-panels');
  const table = dash.panel('Requests table').getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.locator('thead th')).toHaveText(['method', 'route', 'Value']);
  await expect(table.locator('td.num').first()).toHaveText(/^\d+(\.\d+)?K? req\/s$/);
  await table.getByRole('button', { name: 'route' }).click();
  await expect(table.locator('thead th').nth(1)).toHaveAttribute('aria-sort', /ascending/);
  // Read once the sorted rows are rendered, not on the click's heels.
  await expect
    .poll(async () => {
      const routes = await table.locator('tbody tr td:nth-child(2)').allTextContents();
      return routes.length === 6 && routes.join('\n') === [...routes].sort().join('\n');
    })
    .toBe(true);
});
