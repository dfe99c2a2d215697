// Instant queries on a real Prometheus (Grafana's `instant: true`, the default of stat, gauge
// and bar gauge targets in many exports): on a 7-day range a stat shows the value at the
// range's end, asked with /api/v1/query?time=, not the last point of a step-aligned range
// query (on a week, a step of many minutes: a value that old, or nothing on a fresh
// Prometheus).
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';

test('a stat with instant: true on 7 days shows the value Prometheus gives at that moment', async ({
  page,
  request,
}, testInfo) => {
  const uid = `instant-${testInfo.workerIndex}`;
  // time() % 100 differs at every second: only a query at the very moment asked shows it.
  const clock = 'vector(time()) % 100';
  const series = 'sum(up)';
  const stat = (id: number, title: string, expr: string) => ({
    id,
    type: 'stat',
    title,
    gridPos: { x: (id - 1) * 6, y: 0, w: 6, h: 4 },
    options: { reduceOptions: { calcs: ['lastNotNull'] }, graphMode: 'none' },
    fieldConfig: { defaults: { decimals: 0 } },
    targets: [{ refId: 'A', expr, instant: true, range: false }],
  });
  const saved = await request.post('/api/dashboards/db', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      overwrite: true,
      dashboard: {
        uid,
        title: 'Instant e2e',
        time: { from: 'now-7d', to: 'now' },
        panels: [stat(1, 'Clock', clock), stat(2, 'Targets up', series)],
      },
    },
  });
  expect(saved.status()).toBe(200);

  const asked = new Map<string, URL>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    const query = url.searchParams.get('query');
    if (query === clock || query === series) asked.set(query, url);
  });
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await expect(dash.statValue('Clock')).toHaveText(/^\d+$/);
  await expect(dash.statValue('Targets up')).toHaveText(/^\d+$/);

  for (const [query, title] of [
    [clock, 'Clock'],
    [series, 'Targets up'],
  ] as const) {
    const url = asked.get(query)!;
    // An instant query, at a moment of its own (not a step's multiple), with no range.
    expect(url.pathname).toMatch(/\/api\/v1\/query$/);
    expect(url.searchParams.has('start')).toBe(false);
    expect(url.searchParams.has('step')).toBe(false);
    const time = url.searchParams.get('time');
    expect(time).toMatch(/^\d+$/);
    // What Prometheus itself answers for that query at that moment.
    const direct = await request.get(
      `${prometheusUrl()}/api/v1/query?${new URLSearchParams({ query, time: time! })}`,
    );
    const body = (await direct.json()) as { data: { result: { value: [number, string] }[] } };
    const value = Number(body.data.result[0]!.value[1]);
    expect(body.data.result[0]!.value[0]).toBe(Number(time));
    await expect(dash.statValue(title)).toHaveText(String(Math.round(value)));
  }
  // The clock is the moment itself: the page asked at its own now, not at a step before it.
  const shown = Number(await dash.statValue('Clock').textContent());
  expect(shown).toBe(Number(asked.get(clock)!.searchParams.get('time')) % 100);
});

test('a query_result variable with $__range lists the values Prometheus answers', async ({
  page,
  request,
}, testInfo) => {
  const uid = `range-variable-${testInfo.workerIndex}`;
  await createDashboard(request, {
    uid,
    title: 'Range variable e2e',
    time: { from: 'now-1h', to: 'now' },
    panels: [],
    templating: {
      list: [
        {
          name: 'busy',
          type: 'query',
          // Every job, not topk: equal counts make topk's pick differ between two asks.
          query: 'query_result(count by (job) (count_over_time(up[$__range])))',
          regex: '/job="([^"]+)"/',
          sort: 1,
          refresh: 2,
        },
      ],
    },
  });
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/api/v1/query')) asked.push(url.searchParams.get('query') ?? '');
  });
  await page.goto(`/d/${uid}`);
  await page.locator('[data-variable="busy"] .variable-value').click();
  const options = page.locator('[data-variable="busy"] [role="listbox"]').getByRole('option');
  await expect(options.first()).toBeVisible();
  // The range went in as Grafana writes it, in whole seconds.
  expect(asked).toContain('count by (job) (count_over_time(up[3600s]))');
  // The jobs Prometheus itself lists for that query.
  const direct = await request.get(
    `${prometheusUrl()}/api/v1/query?${new URLSearchParams({ query: 'count by (job) (count_over_time(up[3600s]))' })}`,
  );
  const body = (await direct.json()) as { data: { result: { metric: { job: string } }[] } };
  const jobs = [...new Set(body.data.result.map((s) => s.metric.job))].sort();
  expect(jobs.length).toBeGreaterThan(0);
  await expect(options).toHaveText(jobs);
});
