// Legends and tooltips with what real dashboards carry (issue #12): series names of 120
// characters and more in a table legend (bottom, right, right with legend.width) keep every
// calc column inside the panel, the name cut with an ellipsis and whole in its title; a
// tooltip at the right edge of a narrow panel, the last of its row, is shown whole, inside the
// viewport and cut by no ancestor. On the real Prometheus of the global setup: `up`, renamed
// with label_replace.
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const PAD = 'x'.repeat(120);
const LONG = `label_replace(up, "long", "$1 ${PAD}", "job", "(.*)")`;
const table = (placement: string, width?: number) => ({
  displayMode: 'table',
  placement,
  calcs: ['mean', 'max', 'lastNotNull'],
  showLegend: true,
  ...(width !== undefined ? { width } : {}),
});
const timeseries = (id: number, title: string, gridPos: object, legend: object, expr = LONG) => ({
  id,
  type: 'timeseries',
  title,
  gridPos,
  options: { legend },
  targets: [{ refId: 'A', expr, legendFormat: expr === LONG ? '{{long}}' : '' }],
});
const dashboard = {
  uid: 'e2e-legend-tooltip',
  title: 'Long legends and tooltips',
  schemaVersion: 39,
  time: { from: 'now-15m', to: 'now' },
  panels: [
    timeseries(1, 'Long names below', { x: 0, y: 0, w: 10, h: 9 }, table('bottom')),
    timeseries(2, 'Long names right', { x: 10, y: 0, w: 10, h: 9 }, table('right')),
    timeseries(3, 'Right, 300 px', { x: 0, y: 9, w: 14, h: 9 }, table('right', 300)),
    timeseries(
      4,
      'Narrow',
      { x: 20, y: 0, w: 4, h: 6 },
      { displayMode: 'hidden', showLegend: false },
      'up',
    ),
  ],
};

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

async function boxes(l: Locator): Promise<Box[]> {
  return l.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
}

test.beforeEach(async ({ request }) => {
  const res = await request.post('/api/dashboards/import', {
    headers: { 'Content-Type': 'application/json' },
    data: { dashboard, overwrite: true },
  });
  expect(res.status()).toBe(200);
});

test('a table legend with 120-character names keeps its calc columns inside the panel', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-legend-tooltip');
  for (const title of ['Long names below', 'Long names right', 'Right, 300 px']) {
    const panel = dash.panel(title);
    const legend = panel.getByRole('table', { name: 'legend' });
    await expect(legend.locator('tbody tr').first()).toBeVisible();
    const frame = (await panel.boundingBox())!;
    const wrap = (await panel.locator('.legend-table-wrap').boundingBox())!;
    // Every calc cell is within the panel's and the legend's width (rows past the legend's
    // height scroll, as in Grafana); the header and the first row are wholly inside; the
    // legend never scrolls sideways.
    const across = (c: Box, o: Box) => c.x >= o.x - 0.5 && c.x + c.width <= o.x + o.width + 0.5;
    const calcs = await boxes(legend.locator('th.num, td.num'));
    expect(calcs.length, title).toBeGreaterThanOrEqual(6);
    for (const c of calcs) {
      expect(across(c, frame), `${title}: ${JSON.stringify(c)} in ${JSON.stringify(frame)}`).toBe(
        true,
      );
      expect(across(c, wrap), `${title}: calc cell inside the legend`).toBe(true);
    }
    for (const c of await boxes(legend.locator('th.num, tbody tr:first-child td.num'))) {
      expect(inside(c, frame), `${title}: first row inside`).toBe(true);
    }
    const sideways = await panel
      .locator('.legend-table-wrap')
      .evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(sideways, `${title}: no sideways scroll`).toBeLessThanOrEqual(0);
    // The names: at least 120 characters, cut with an ellipsis, whole in the title.
    const labels = legend.locator('td.legend-name .legend-label');
    const names = await labels.evaluateAll((els) =>
      els.map((e) => ({
        text: e.textContent ?? '',
        title: e.getAttribute('title'),
        cut: e.scrollWidth > e.clientWidth,
        ellipsis: getComputedStyle(e).textOverflow,
      })),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) {
      expect(n.text.length).toBeGreaterThanOrEqual(120);
      expect(n.title).toBe(n.text);
      expect(n.cut, `${title}: the name is cut`).toBe(true);
      expect(n.ellipsis).toBe('ellipsis');
    }
    // A right-hand legend honours legend.width, else at most 60 % of the panel.
    if (title === 'Right, 300 px') expect(Math.round(wrap.width)).toBe(300);
    if (title === 'Long names right') expect(wrap.width).toBeLessThanOrEqual(frame.width * 0.6 + 1);
  }
  await page.screenshot({ path: '/work/prompts/shots/s3-legend.png' });
});

test('a tooltip at the right edge of a narrow panel is whole and inside the viewport', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-legend-tooltip');
  const viewport = page.viewportSize()!;
  for (const [fx, fy] of [
    [0.97, 0.5],
    [0.97, 0.95],
  ] as const) {
    const over = dash.chart('Narrow').locator('.u-over');
    const tooltip = dash.panel('Narrow').locator('.chart-tooltip');
    await expect(async () => {
      const box = (await over.boundingBox())!;
      await page.mouse.move(0, 0);
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      await expect(tooltip).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(tooltip.locator('.tt-row').first()).toContainText('up{');
    const tip = (await tooltip.boundingBox())!;
    const panel = (await dash.panel('Narrow').boundingBox())!;
    expect(inside(tip, { x: 0, y: 0, ...viewport })).toBe(true);
    // Wider than the panel: it overflows the panel, as Grafana's does, and is not cut.
    expect(tip.width).toBeGreaterThan(panel.width);
    // What is drawn at each corner is the tooltip: no ancestor's overflow hides part of it.
    // (pointer-events: none lets the mouse through; elementFromPoint needs it on, briefly.)
    const corners = await tooltip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      (el as HTMLElement).style.pointerEvents = 'auto';
      const hit = [
        [r.left + 2, r.top + 2],
        [r.right - 2, r.top + 2],
        [r.left + 2, r.bottom - 2],
        [r.right - 2, r.bottom - 2],
      ].map(([x, y]) => el.contains(document.elementFromPoint(x!, y!)));
      (el as HTMLElement).style.pointerEvents = '';
      return hit;
    });
    expect(corners).toEqual([true, true, true, true]);
  }
  await page.screenshot({ path: '/work/prompts/shots/s3-tooltip.png' });
});
