// The dashboard's `timezone` on a real Prometheus, in a browser whose own zone is another
// (New York): axis labels, the picker's absolute times and `now/d` are read in Asia/Tokyo, and
// the dashboard's `timepicker.quick_ranges` are the picker's list, named as the JSON names them.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';

test.use({ timezoneId: 'America/New_York' });

const TOKYO_MS = 9 * 3_600_000; // Tokyo has no summer time
const tokyo = (ms: number) => new Date(ms + TOKYO_MS).toISOString(); // its wall time, as ISO
const hhmm = (ms: number) => tokyo(ms).slice(11, 16);

async function saveDashboard(
  request: import('@playwright/test').APIRequestContext,
  uid: string,
  extra: object,
) {
  await createDashboard(request, {
    uid,
    title: `Time zone e2e ${uid}`,
    timezone: 'Asia/Tokyo',
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Up',
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ refId: 'A', expr: 'up' }],
      },
    ],
    ...extra,
  });
}

test('now/d is Tokyo’s midnight and the axis reads Tokyo time', async ({ page, request }, info) => {
  const uid = `tz-today-${info.workerIndex}`;
  await saveDashboard(request, uid, { time: { from: 'now/d', to: 'now' } });
  const asked: { start: number; end: number; step: number }[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('/api/v1/query_range')) return;
    const n = (k: string) => Number(url.searchParams.get(k));
    asked.push({ start: n('start'), end: n('end'), step: n('step') });
  });
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  // The browser really is in New York.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'America/New_York',
  );
  // Grafana's name for the range.
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('now/d|now');
  await expect(
    page.getByRole('combobox', { name: 'Time range' }).locator('option:checked'),
  ).toHaveText('Today so far');

  const first = asked[0]!;
  const now = first.end * 1000;
  // Tokyo's midnight before the range's end; New York's is 13 or 14 hours away from it.
  const midnight = Math.floor((now + TOKYO_MS) / 86_400_000) * 86_400_000 - TOKYO_MS;
  // The start is that midnight, taken back onto the step's grid (at most one step earlier).
  expect(first.start * 1000).toBeLessThanOrEqual(midnight);
  expect(first.start * 1000).toBeGreaterThanOrEqual(midnight - first.step * 1000);

  // A fresh Prometheus has minutes of data: the last 15 minutes draw it, Grafana's list offers it.
  await page
    .getByRole('combobox', { name: 'Time range' })
    .selectOption({ label: 'Last 15 minutes' });
  await dash.drawn('Up');
  const chart = dash.chart('Up');
  await expect(chart).toHaveAttribute('data-x-ticks', /.+/);
  const ticks = JSON.parse((await chart.getAttribute('data-x-ticks'))!) as [number, string][];
  expect(ticks.length).toBeGreaterThan(1);
  for (const [t, label] of ticks) expect(label).toContain(hhmm(t * 1000));
  // …and not New York's wall time for the same instants.
  const ny = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(ms);
  expect(ticks.every(([t, label]) => !label.includes(ny(t * 1000)))).toBe(true);

  // Prometheus started minutes ago: its samples are at the right end.
  const tooltip = await dash.hoverChart('Up', 0.995);
  const head = await tooltip.locator('.tt-time').textContent();
  expect(head).toMatch(new RegExp(`^${tokyo(Date.now()).slice(0, 10)} \\d\\d:\\d\\d:\\d\\d$`));
  await page.screenshot({ path: info.outputPath('tokyo-today.png') });
});

test('date units read Tokyo time: stats and the legend', async ({ page, request }, info) => {
  const uid = `tz-units-${info.workerIndex}`;
  // 2017-09-17 07:56:37 UTC (Grafana's dateTimeFormatters.test.ts epoch): 16:56:37 in Tokyo,
  // 03:56:37 in New York.
  const expr = 'vector(1505634997920)';
  const field = (unit: string) => ({ defaults: { unit }, overrides: [] });
  await saveDashboard(request, uid, {
    panels: [
      {
        id: 1,
        type: 'stat',
        title: 'ISO',
        gridPos: { x: 0, y: 0, w: 8, h: 4 },
        fieldConfig: field('dateTimeAsIso'),
        targets: [{ refId: 'A', expr, instant: true }],
      },
      {
        id: 2,
        type: 'stat',
        title: 'US',
        gridPos: { x: 8, y: 0, w: 8, h: 4 },
        fieldConfig: field('dateTimeAsUS'),
        targets: [{ refId: 'A', expr, instant: true }],
      },
      {
        id: 3,
        type: 'stat',
        title: 'Custom',
        gridPos: { x: 16, y: 0, w: 8, h: 4 },
        fieldConfig: field('time:HH:mm DD.MM.YYYY'),
        targets: [{ refId: 'A', expr, instant: true }],
      },
      {
        id: 4,
        type: 'timeseries',
        title: 'Legend',
        gridPos: { x: 0, y: 4, w: 24, h: 8 },
        fieldConfig: field('dateTimeAsIso'),
        options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull'] } },
        targets: [{ refId: 'A', expr, legendFormat: 'epoch' }],
      },
    ],
  });
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await expect(dash.statValue('ISO')).toHaveText('2017-09-17 16:56:37');
  await expect(dash.statValue('US')).toHaveText('09/17/2017 4:56:37 pm');
  await expect(dash.statValue('Custom')).toHaveText('16:56 17.09.2017');
  await expect(
    dash.panel('Legend').getByRole('table', { name: 'legend' }).locator('td.num'),
  ).toHaveText('2017-09-17 16:56:37');
});

test('absolute times in the picker are Tokyo time', async ({ page, request }, info) => {
  const uid = `tz-abs-${info.workerIndex}`;
  await saveDashboard(request, uid, {});
  const from = Date.UTC(2024, 0, 15, 3, 0, 0); // 12:00 in Tokyo, 22:00 the day before in New York
  const to = Date.UTC(2024, 0, 15, 4, 30, 15);
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}?from=${from}&to=${to}`);
  await expect(
    page.getByRole('combobox', { name: 'Time range' }).locator('option:checked'),
  ).toHaveText('2024-01-15 12:00:00 to 2024-01-15 13:30:15');
  await page.screenshot({ path: info.outputPath('tokyo-absolute.png') });
});

test('the dashboard’s quick ranges are the picker’s list, with their names', async ({
  page,
  request,
}, info) => {
  const uid = `tz-quick-${info.workerIndex}`;
  await saveDashboard(request, uid, {
    time: { from: 'now-1h', to: 'now' },
    timepicker: {
      quick_ranges: [
        { display: 'Tokyo morning', from: 'now/d', to: 'now/d+12h' },
        { display: 'Last hour, Tokyo', from: 'now-1h', to: 'now' },
      ],
    },
  });
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/api/v1/query_range')) asked.push(url.searchParams.get('start')!);
  });
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await dash.drawn('Up');
  const picker = page.getByRole('combobox', { name: 'Time range' });
  await expect(picker.locator('option')).toHaveText(['Tokyo morning', 'Last hour, Tokyo']);
  await expect(picker.locator('option:checked')).toHaveText('Last hour, Tokyo');

  asked.length = 0;
  await picker.selectOption({ label: 'Tokyo morning' });
  await expect(page).toHaveURL(/from=now%2Fd&to=now%2Fd%2B12h|from=now\/d&to=now\/d\+12h/);
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  const start = Number(asked[0]) * 1000;
  const now = Date.now();
  const midnight = Math.floor((now + TOKYO_MS) / 86_400_000) * 86_400_000 - TOKYO_MS;
  // Aligned onto the step's grid: at most one step (well under an hour here) before midnight.
  expect(start).toBeLessThanOrEqual(midnight);
  expect(start).toBeGreaterThan(midnight - 3_600_000);
  await page.screenshot({ path: info.outputPath('tokyo-quick.png') });
});
