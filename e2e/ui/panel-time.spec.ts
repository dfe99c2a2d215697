// A panel's own time (Grafana's relative time and time shift) on a real Prometheus: it asks
// for its own range, says so in its header, and draws it.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';

/** Seconds the test may see a request after the page computed its range. */
const SEEN_LATE = 4;

test('relative time and time shift ask for the panel its own range and say so', async ({
  page,
  request,
}, testInfo) => {
  const uid = `panel-time-${testInfo.workerIndex}`;
  const panel = (id: number, title: string, expr: string, extra: object) => ({
    id,
    type: 'timeseries',
    title,
    gridPos: { x: (id - 1) * 12, y: 0, w: 12, h: 8 },
    targets: [{ refId: 'A', expr }],
    ...extra,
  });
  await createDashboard(request, {
    uid,
    title: 'Panel time e2e',
    time: { from: 'now-15m', to: 'now' },
    panels: [
      panel(1, 'Last five', 'up + 0 * 1', { timeFrom: '5m' }),
      // A fresh Prometheus has no older data: a short shift still lands on some.
      panel(2, 'Shifted', 'up + 0 * 2', { timeShift: '5s' }),
    ],
  });

  const asked = new Map<string, { start: number; end: number; step: number; at: number }>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('/api/v1/query_range')) return;
    const n = (k: string) => Number(url.searchParams.get(k));
    const at = Date.now() / 1000; // s, when the page asked
    asked.set(url.searchParams.get('query')!, {
      start: n('start'),
      end: n('end'),
      step: n('step'),
      at,
    });
  });
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await expect(dash.panel('Last five').locator('.panel-time-info')).toHaveText('Last 5m');
  await expect(dash.panel('Shifted').locator('.panel-time-info')).toHaveText('shifted 5s');
  await dash.drawn('Last five');
  await dash.drawn('Shifted');

  const last = asked.get('up + 0 * 1')!;
  expect(last.end - last.start).toBeGreaterThanOrEqual(300 - last.step);
  expect(last.end - last.start).toBeLessThanOrEqual(300 + last.step);
  // Up to the moment it asked, floored to its step. `at` is when this test process saw the
  // request, which on a loaded machine can be seconds after the page chose its end: the slack
  // (SEEN_LATE) still tells "ends now" from a range that ends a shift earlier.
  expect(last.end).toBeLessThanOrEqual(last.at);
  expect(last.end).toBeGreaterThan(last.at - last.step - SEEN_LATE);
  const shifted = asked.get('up + 0 * 2')!;
  expect(shifted.end - shifted.start).toBeGreaterThanOrEqual(900 - shifted.step);
  expect(shifted.end).toBeLessThanOrEqual(shifted.at - 5);
  expect(shifted.end).toBeGreaterThan(shifted.at - 5 - shifted.step - SEEN_LATE);
  await expect(dash.panel('Last five').getByRole('img', { name: /^Not drawn/ })).toHaveCount(0);
});
