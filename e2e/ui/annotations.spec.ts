// Annotations on a real Prometheus (issue #14): a dashboard's `annotations.list` entries are
// queried once per dashboard (not per panel) and drawn on its time series panels: a region
// where `up{job="demo"} == 1` (every point active, one step apart), markers at each whole
// minute (isolated active points), each at the x uPlot's scale gives its time. Hovering a
// marker shows its title, text and tags as text. A switch per entry turns it off (nothing drawn,
// no query); `enable: false` starts off and sends nothing; `hide: true` has no switch but is
// drawn; `filter.exclude` keeps an entry off the panels it names.
import type { Page, Request } from '@playwright/test';
import type uPlot from 'uplot';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import {
  createDashboard,
  EditDashboardPage,
  GRAFANA_BUILT_IN_ANNOTATION,
  storedDashboard,
} from '../pages/edit-page.ts';

const UP = 'up{job="demo"} == 1';
// 1 at every whole minute, 0 elsewhere: on a 15 s grid, active points 60 s apart, so markers.
const MINUTES = 'label_replace(vector(time() % 60 == bool 0), "who", "<b>minute</b>", "", "")';
const OFF = 'vector(1) + 0 * vector(42)';
// The dashboard's datasource variable, as Grafana exports write it.
const PROM = { type: 'prometheus', uid: '$datasource' };

interface Drawn {
  source: number;
  left: number;
  right: number;
  time: number;
  timeEnd: number;
  title: string;
}

/** What the panel's chart placed, and where uPlot's x scale puts each event's times (css px). */
async function placed(page: Page, title: string) {
  const root = page.getByRole('region', { name: title, exact: true }).locator('.uplot');
  return root.evaluate((el) => {
    const u = (el as unknown as { uplot: uPlot }).uplot;
    const drawn = JSON.parse((el as HTMLElement).dataset.annotations ?? '[]') as Drawn[];
    const min = u.scales.x!.min!;
    const max = u.scales.x!.max!;
    return {
      min,
      max,
      drawn: drawn.map((d) => ({
        ...d,
        x: u.valToPos(Math.max(d.time / 1000, min), 'x'),
        x2: u.valToPos(Math.min(d.timeEnd / 1000, max), 'x'),
      })),
    };
  });
}

test('annotation entries draw regions and markers, with text tooltips and switches', async ({
  page,
  request,
}, testInfo) => {
  // Many steps against the real stack (four panels, four entries, a refresh): on the shared,
  // loaded machine the whole run passed the default minute once, near its end.
  test.setTimeout(120_000);
  // The "Demo up" region spans the 15 s steps where up == 1: global setup waits for 6 one-second
  // scrapes only, so when this test runs first the region would be a single step wide.
  await expect
    .poll(
      async () => {
        const q = new URLSearchParams({ query: 'count_over_time(up{job="demo"}[1m])' });
        const res = await request.get(`${prometheusUrl()}/api/v1/query?${q}`);
        const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
        return Number(body.data.result[0]?.value[1] ?? 0);
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBeGreaterThanOrEqual(35);
  const uid = `annotations-${testInfo.workerIndex}`;
  const panel = (id: number, title: string, x: number) => ({
    id,
    type: 'timeseries',
    title,
    gridPos: { x, y: 0, w: 12, h: 9 },
    targets: [{ refId: 'A', expr: 'sum(up)' }],
  });
  await createDashboard(request, {
    uid,
    title: 'Annotations e2e',
    time: { from: 'now-5m', to: 'now' },
    annotations: {
      list: [
        GRAFANA_BUILT_IN_ANNOTATION,
        {
          name: 'Demo up',
          datasource: PROM,
          enable: true,
          iconColor: 'green',
          expr: UP,
          step: '15s',
          titleFormat: '{{job}} is up',
          textFormat: 'instance {{instance}}',
          tagKeys: 'job',
          filter: { exclude: true, ids: [2] },
        },
        {
          name: 'Minutes',
          datasource: PROM,
          enable: true,
          iconColor: 'orange',
          expr: MINUTES,
          step: '15s',
          titleFormat: '{{who}}',
          textFormat: 'a whole minute <i>passed</i>',
          tagKeys: 'who',
        },
        {
          name: 'Off by default',
          datasource: PROM,
          enable: false,
          iconColor: 'red',
          expr: OFF,
          step: '15s',
        },
      ],
    },
    panels: [
      panel(1, 'Targets', 0),
      panel(2, 'Targets again', 12),
      {
        id: 4,
        type: 'heatmap',
        title: 'Latency heatmap',
        gridPos: { x: 0, y: 15, w: 24, h: 8 },
        options: { calculate: false },
        targets: [
          {
            refId: 'A',
            expr: 'sum(increase(http_request_duration_seconds_bucket[$__rate_interval])) by (le)',
            format: 'heatmap',
            legendFormat: '{{le}}',
          },
        ],
      },
      {
        ...panel(3, 'Target states', 0),
        type: 'state-timeline',
        gridPos: { x: 0, y: 9, w: 24, h: 6 },
      },
    ],
  });

  // Every annotation request, by query; and the answers to the region's query.
  const asked: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range')) asked.push(r);
  });
  const sent = (expr: string) =>
    asked.filter((r) => new URL(r.url()).searchParams.get('query') === expr);

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await dash.drawn('Targets');
  await dash.drawn('Targets again');

  // The switches: one per entry that is not hidden, on as `enable` says.
  const toggles = page.getByRole('group', { name: 'Annotations' });
  await expect(toggles.getByRole('switch')).toHaveCount(3);
  await expect(toggles.getByRole('switch', { name: 'Demo up' })).toBeChecked();
  await expect(toggles.getByRole('switch', { name: 'Minutes' })).toBeChecked();
  await expect(toggles.getByRole('switch', { name: 'Off by default' })).not.toBeChecked();
  await expect(toggles.getByRole('switch', { name: 'Annotations & Alerts' })).toHaveCount(0);

  // Drawn once both entries answered: one region (source 1) and the minute markers (source 2).
  let first = await placed(page, 'Targets');
  await expect
    .poll(async () => {
      first = await placed(page, 'Targets');
      const sources = new Set(first.drawn.map((d) => d.source));
      return sources.has(1) && sources.has(2);
    })
    .toBe(true);
  const regions = first.drawn.filter((d) => d.source === 1);
  expect(regions).toHaveLength(1);
  expect(regions[0]!.timeEnd).toBeGreaterThan(regions[0]!.time);
  expect(regions[0]!.title).toBe('demo is up');
  expect(Math.abs(regions[0]!.left - regions[0]!.x)).toBeLessThan(1);
  expect(Math.abs(regions[0]!.right - regions[0]!.x2)).toBeLessThan(1);

  // The minute markers: exactly the whole minutes of the grid asked, each at its x.
  const minuteQuery = new URL(sent(MINUTES)[0]!.url()).searchParams;
  const start = Number(minuteQuery.get('start'));
  const end = Number(minuteQuery.get('end'));
  expect(Number(minuteQuery.get('step'))).toBe(15);
  const minutes: number[] = [];
  for (let t = Math.ceil(start / 60) * 60; t <= end; t += 60) {
    if (t >= first.min && t <= first.max) minutes.push(t * 1000);
  }
  const markers = first.drawn.filter((d) => d.source === 2);
  expect(markers.map((m) => m.time)).toEqual(minutes);
  for (const m of markers) {
    expect(m.right).toBe(m.left);
    expect(Math.abs(m.left - m.x)).toBeLessThan(1);
  }
  // The built-in entry asks ALERTS (Prometheus' alerts, in place of Grafana's store).
  expect(sent('ALERTS').length).toBeGreaterThan(0);
  // One query per entry for the dashboard, however many panels draw it: never the same
  // request twice (a range that moved while the page settled may have asked a second grid,
  // for every entry alike).
  const urls = (expr: string) => sent(expr).map((r) => r.url());
  expect(new Set(urls(UP)).size).toBe(urls(UP).length);
  expect(new Set(urls(MINUTES)).size).toBe(urls(MINUTES).length);
  expect(urls(UP).length).toBe(urls(MINUTES).length);
  // Off by default: nothing sent.
  expect(sent(OFF)).toHaveLength(0);

  // The second panel is excluded from "Demo up": markers only.
  const other = await placed(page, 'Targets again');
  expect(other.drawn.filter((d) => d.source === 1)).toHaveLength(0);
  expect(other.drawn.filter((d) => d.source === 2).length).toBe(markers.length);

  // A state timeline draws them too, over its own time axis: the same markers and the region.
  const states = dash.panel('Target states').locator('.timeline-annotations');
  await expect
    .poll(async () => {
      const drawn = JSON.parse((await states.getAttribute('data-annotations')) ?? '[]') as Drawn[];
      return drawn.filter((d) => d.source === 2).map((d) => d.time);
    })
    .toEqual(minutes);
  await expect(states.locator('.annotation-region')).toHaveCount(1);
  // And a heatmap, through the same uPlot plugin as the time series.
  const heat = dash.panel('Latency heatmap').locator('.uplot');
  await expect
    .poll(async () => {
      const drawn = JSON.parse((await heat.getAttribute('data-annotations')) ?? '[]') as Drawn[];
      return drawn.filter((d) => d.source === 2).length;
    })
    .toBeGreaterThan(0);

  // Hovering a marker: title, text and tags, markup shown as characters.
  // (by its title: the built-in entry's ALERTS markers are there too, from the rules file)
  const marker = dash
    .panel('Targets')
    .locator('.annotation-marker')
    .and(page.getByRole('img', { name: '<b>minute</b>' }))
    .first();
  const tip = dash.panel('Targets').locator('.annotation-tooltip');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await marker.hover();
    await expect(tip).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(tip.locator('.annotation-title')).toHaveText('<b>minute</b>');
  await expect(tip.locator('.annotation-text')).toHaveText('a whole minute <i>passed</i>');
  await expect(tip.locator('.annotation-tag')).toHaveText(['<b>minute</b>']);
  await expect(tip.locator('.tt-time')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:00$/);
  await expect(tip.locator('b, i')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('annotations.png') });

  // Switching "Demo up" off removes its region and asks nothing more for it on refresh.
  await toggles.getByRole('switch', { name: 'Demo up' }).click();
  await expect
    .poll(async () => (await placed(page, 'Targets')).drawn.filter((d) => d.source === 1).length)
    .toBe(0);
  const upBefore = sent(UP).length;
  const minutesBefore = sent(MINUTES).length;
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect.poll(() => sent(MINUTES).length).toBeGreaterThan(minutesBefore);
  expect(sent(UP)).toHaveLength(upBefore);

  // Both off: nothing of theirs drawn. (The built-in entry, #0, stays on: the e2e Prometheus
  // evaluates a rules file, so its ALERTS changes may be drawn when they fall in the range.)
  await toggles.getByRole('switch', { name: 'Minutes' }).click();
  await expect
    .poll(async () => (await placed(page, 'Targets')).drawn.filter((d) => d.source !== 0).length)
    .toBe(0);
  await expect(
    dash.panel('Targets').getByRole('img', { name: '<b>minute</b>', exact: true }),
  ).toHaveCount(0);

  // Turning the off-by-default entry on sends its query and draws it (its value is 1 always:
  // one region over the range).
  await toggles.getByRole('switch', { name: 'Off by default' }).click();
  await expect.poll(() => sent(OFF).length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await placed(page, 'Targets')).drawn.filter((d) => d.source === 3).length)
    .toBe(1);
});

test('an entry made in the Annotations tab of the settings is drawn and saved', async ({
  page,
  request,
}, testInfo) => {
  const expr = 'vector(time() % 60 == bool 0)';
  const uid = await createDashboard(request, {
    uid: `annotations-edit-${testInfo.workerIndex}`,
    title: 'Annotations edit e2e',
    time: { from: 'now-5m', to: 'now' },
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Targets',
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ refId: 'A', expr: 'sum(up)' }],
      },
    ],
  });
  const dash = new EditDashboardPage(page);
  await dash.open(`/d/${uid}`);
  await dash.drawn('Targets');
  await dash.edit();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(page).toHaveURL(/editview=annotations/);
  await page.getByRole('button', { name: 'New annotation' }).click();
  await expect(page).toHaveURL(/editIndex=0/);
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const setText = async (label: string, text: string) => {
    await field(label).fill(text);
    await field(label).blur();
  };
  await setText('Name', 'Whole minutes');
  await setText('Query', expr);
  await setText('Min step', '15s');
  await setText('Title', 'a minute');
  await page.screenshot({ path: testInfo.outputPath('annotation-editor.png') });
  await page.getByRole('button', { name: 'Back to list' }).click();
  await expect(page.getByRole('table', { name: 'Annotations' })).toContainText('Whole minutes');
  await page.getByRole('button', { name: 'Back to dashboard' }).click();

  // The switch is there and on, and the markers are drawn.
  await expect(page.getByRole('switch', { name: 'Whole minutes' })).toBeChecked();
  await expect
    .poll(async () => {
      const drawn = JSON.parse(
        (await dash.chart('Targets').getAttribute('data-annotations')) ?? '[]',
      ) as Drawn[];
      return (
        drawn.length > 0 && drawn.every((d) => d.title === 'a minute' && d.time % 60_000 === 0)
      );
    })
    .toBe(true);

  await dash.save();
  await expect(dash.dialog).toBeHidden();
  const stored = await storedDashboard(request, uid);
  const list = (stored.dashboard.annotations as { list: Record<string, unknown>[] }).list;
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({
    name: 'Whole minutes',
    expr,
    step: '15s',
    titleFormat: 'a minute',
    enable: true,
    hide: false,
  });
});
