// A Grafana 6-era dashboard of legacy `graph` panels, pasted into the Import dialog and drawn
// on the real Prometheus: what the graph → time series migration writes
// (server/dashboards/grafana/graph.ts) must be what uPlot draws. Asserts on the uPlot
// instance on the chart's root (series dash and fill, scales, axis sides and tick labels),
// on the legend's width in px and on the order of the tooltip's rows.
import type { Page } from '@playwright/test';
import type uPlot from 'uplot';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

// Three constant series whose values differ: 1, 3, 2 (a, b, c), so every sort order differs
// from the series order.
const targets = [
  { refId: 'A', expr: 'vector(1)', legendFormat: 'a' },
  { refId: 'B', expr: 'vector(3)', legendFormat: 'b' },
  { refId: 'C', expr: 'vector(2)', legendFormat: 'c' },
];
const graph = {
  type: 'graph',
  lines: true,
  linewidth: 2,
  fill: 0,
  points: false,
  bars: false,
  stack: false,
  percentage: false,
  steppedLine: false,
  nullPointMode: 'null',
  aliasColors: {},
  xaxis: { mode: 'time', show: true, values: [] },
  yaxis: { align: false, alignLevel: null },
  targets,
};
const LEGACY = {
  uid: 'e2e-graph-migration',
  title: 'E2E graph migration',
  schemaVersion: 16,
  time: { from: 'now-5m', to: 'now' },
  panels: [
    {
      ...graph,
      id: 1,
      title: 'Dashes, bars and a right axis',
      gridPos: { x: 0, y: 0, w: 24, h: 10 },
      dashes: true,
      dashLength: 4,
      spaceLength: 6,
      seriesOverrides: [
        { alias: 'b', bars: true, dashes: false },
        { alias: '/^C$/i', yaxis: 2 },
      ],
      yaxes: [
        { format: 'short', show: true, logBase: 1, min: null, max: null },
        { format: 'bytes', show: true, logBase: 1, min: null, max: null },
      ],
      legend: {
        show: true,
        alignAsTable: true,
        rightSide: true,
        sideWidth: 260,
        values: true,
        current: true,
        max: true,
      },
      tooltip: { shared: true, sort: 1, value_type: 'individual' },
    },
    {
      ...graph,
      id: 2,
      title: 'Hidden axis, tooltip decreasing',
      gridPos: { x: 0, y: 10, w: 24, h: 8 },
      yaxes: [
        { format: 'short', show: false, logBase: 1 },
        { format: 'short', show: true, logBase: 1 },
      ],
      legend: { show: true, values: false },
      tooltip: { shared: true, sort: 2, value_type: 'individual' },
    },
    {
      ...graph,
      id: 3,
      title: 'Tooltip in series order',
      gridPos: { x: 0, y: 18, w: 24, h: 8 },
      yaxes: [
        { format: 'short', show: true },
        { format: 'short', show: true },
      ],
      legend: { show: false },
      tooltip: { shared: true, sort: 0, value_type: 'individual' },
    },
    {
      ...graph,
      id: 4,
      title: 'Tooltip not shared',
      gridPos: { x: 0, y: 26, w: 24, h: 8 },
      yaxes: [
        { format: 'short', show: true, min: '0', max: '4' },
        { format: 'short', show: true },
      ],
      legend: { show: false },
      tooltip: { shared: false, sort: 0, value_type: 'individual' },
    },
  ],
};

interface Drawn {
  series: {
    label: string;
    scale: string;
    dash: number[] | null;
    fill: string | null;
    width: number;
  }[];
  axes: { scale: string; side: number; show: boolean }[];
  ticks: Record<string, string[]>;
}

async function drawn(dash: DashboardPage, title: string): Promise<Drawn> {
  await dash.drawn(title, 3);
  return dash.chart(title).evaluate((el) => {
    const u = (el as HTMLElement & { uplot: uPlot }).uplot;
    const ticks: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(u.root.dataset))
      if (k.endsWith('Ticks') && v) ticks[k] = JSON.parse(v);
    return {
      series: u.series.slice(1).map((s, i) => {
        // uPlot keeps a fill as a function of (u, seriesIdx): ask it for the colour.
        const fill = typeof s.fill === 'function' ? s.fill(u, i + 1) : s.fill;
        return {
          label: String(s.label),
          scale: String(s.scale),
          dash: Array.isArray(s.dash) ? s.dash : null,
          fill: typeof fill === 'string' ? fill : null,
          width: Number(s.width),
        };
      }),
      axes: u.axes.slice(1).map((a) => ({
        scale: String(a.scale),
        side: a.side ?? 3,
        show: a.show !== false,
      })),
      ticks,
    };
  });
}

async function tooltipLabels(dash: DashboardPage, title: string): Promise<string[]> {
  const tooltip = await dash.hoverChart(title, 0.9);
  await expect(tooltip.locator('.tt-label')).toHaveCount(3);
  return tooltip.locator('.tt-label').allTextContents();
}

async function importThroughTheDialog(page: Page): Promise<void> {
  await page.goto('/dashboards');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
  await dialog.getByRole('textbox').fill(JSON.stringify(LEGACY));
  await dialog.getByRole('checkbox', { name: 'Overwrite existing' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const result = dialog.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText(`Imported ${LEGACY.title}`);
  // Dashes, bars, the right axis, the legend and the tooltip sorts are all drawn: nothing is
  // reported.
  await expect(result).toContainText('Everything was mapped');
  await result.getByRole('link', { name: 'Open dashboard' }).click();
  await expect(page).toHaveURL(/\/d\/e2e-graph-migration\//);
}

test('a legacy graph dashboard imported through the UI is drawn as migrated', async ({ page }) => {
  test.setTimeout(240_000); // four panels, each hovered, on a machine shared by many
  await importThroughTheDialog(page);
  const dash = new DashboardPage(page);

  const one = await drawn(dash, 'Dashes, bars and a right axis');
  const [a, b, c] = ['a', 'b', 'c'].map((l) => one.series.find((s) => s.label === l)!);
  // The panel's dashes (4 on, 6 off) on a and c; b's override turns them off and draws bars,
  // solid as flot drew them (fill 100 %: an opaque fill colour).
  expect(a!.dash).toEqual([4, 6]);
  expect(c!.dash).toEqual([4, 6]);
  expect(b!.dash).toBeNull();
  expect(b!.fill).toMatch(/^#[0-9a-f]{6}ff$/i);
  expect(a!.fill).toBeNull(); // fill 0
  expect(a!.width).toBe(2);
  // c (matched by the regex alias /^C$/i, flags and all) is on its own scale, on the right,
  // in bytes; a and b share the left one in short.
  expect(c!.scale).not.toBe(a!.scale);
  expect(b!.scale).toBe(a!.scale);
  const axisOf = (scale: string) => one.axes.find((x) => x.scale === scale)!;
  expect(axisOf(a!.scale)).toMatchObject({ side: 3, show: true });
  expect(axisOf(c!.scale)).toMatchObject({ side: 1, show: true });
  const right = one.ticks[`${c!.scale}Ticks`] ?? [];
  expect(right.length).toBeGreaterThan(0);
  expect(right.every((t) => / B$/.test(t))).toBe(true);
  // The legend is a table on the right, sideWidth 260 px wide, with the legend's columns in
  // its own key order (current, then max).
  const legend = dash.panel('Dashes, bars and a right axis').locator('.legend-table-wrap');
  const box = (await legend.boundingBox())!;
  expect(Math.round(box.width)).toBe(260);
  const body = (await dash
    .panel('Dashes, bars and a right axis')
    .locator('.panel-body')
    .boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(body.x + body.width - 1);
  await expect(legend.getByRole('columnheader')).toHaveText(['Name', 'Last *', 'Max']);
  // Tooltip sort 1 (increasing): a 1, c 2, b 3.
  expect(await tooltipLabels(dash, 'Dashes, bars and a right axis')).toEqual(['a', 'c', 'b']);

  // A hidden left axis is not drawn; the tooltip sorts decreasing.
  const two = await drawn(dash, 'Hidden axis, tooltip decreasing');
  expect(two.axes.filter((x) => x.scale !== 'x')).toEqual([{ scale: 'y', side: 3, show: false }]);
  expect(await tooltipLabels(dash, 'Hidden axis, tooltip decreasing')).toEqual(['b', 'c', 'a']);

  // Sort 0: the series in their own order; no legend (show false).
  await drawn(dash, 'Tooltip in series order');
  expect(await tooltipLabels(dash, 'Tooltip in series order')).toEqual(['a', 'b', 'c']);
  await expect(
    dash.panel('Tooltip in series order').getByRole('list', { name: 'legend' }),
  ).toHaveCount(0);

  // Not shared: Grafana's single mode, the series nearest the cursor only. The axis is 0–4
  // (yaxes min/max), so the middle of the plot, where the mouse is, is c's 2.
  await dash.panel('Tooltip not shared').scrollIntoViewIfNeeded();
  await drawn(dash, 'Tooltip not shared');
  const single = await dash.hoverChart('Tooltip not shared', 0.9);
  await expect(single.locator('.tt-label')).toHaveText(['c']);

  if (process.env.GRAPH_MIGRATION_SCREENSHOT)
    await page.screenshot({ path: process.env.GRAPH_MIGRATION_SCREENSHOT, fullPage: true });
});
