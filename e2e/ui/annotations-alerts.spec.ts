// Annotations on ALERTS, drawn (issue #14's "Done when"): the e2e Prometheus evaluates
// e2e/alerting-rules.ts from its start, so PromscopeAlwaysFiring's series begins at its first
// evaluation (inactive → firing) and PromscopePending's at the same one (inactive → pending).
// A dashboard whose absolute range starts a minute before that evaluation has both changes
// inside it, on every run: the built-in "Annotations & Alerts" entry draws one marker per
// change, and a user entry on `ALERTS{alertstate="firing"}` draws a region from there on. The
// checks are on what is drawn: how many, at which pixel of the plot, and the tooltip's text.
import type { Locator, Page, Request } from '@playwright/test';
import type uPlot from 'uplot';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard, GRAFANA_BUILT_IN_ANNOTATION } from '../pages/edit-page.ts';

const FIRING = 'ALERTS{alertstate="firing"}';

interface Drawn {
  source: number;
  left: number;
  right: number;
  time: number;
  timeEnd: number;
  title: string;
}

/** The first sample of an alert's ALERTS series, in ms: the raw sample, from Prometheus. */
async function firstSample(alertname: string): Promise<number> {
  const url = new URL('/api/v1/query', prometheusUrl());
  url.searchParams.set('query', `ALERTS{alertname="${alertname}"}[1h]`);
  const body = (await (await fetch(url)).json()) as {
    data: { result: { values: [number, string][] }[] };
  };
  const values = body.data.result.flatMap((s) => s.values).map(([t]) => t);
  expect(values.length).toBeGreaterThan(0);
  return Math.round(Math.min(...values) * 1000);
}

/** What the panel's chart placed, its plot width and x range (css px, unix s). */
async function placed(page: Page, title: string) {
  const root = page.getByRole('region', { name: title, exact: true }).locator('.uplot');
  return root.evaluate((el) => {
    const u = (el as unknown as { uplot: uPlot }).uplot;
    return {
      min: u.scales.x!.min!,
      max: u.scales.x!.max!,
      width: u.over.clientWidth,
      drawn: JSON.parse((el as HTMLElement).dataset.annotations ?? '[]') as Drawn[],
    };
  });
}

/** The first point of a request's grid at or after `ms`: where a range query first sees it. */
function gridPointAfter(request: Request, ms: number): number {
  const q = new URL(request.url()).searchParams;
  const start = Number(q.get('start')) * 1000;
  const step = Number(q.get('step')) * 1000;
  return start + Math.ceil((ms - start) / step) * step;
}

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

async function tooltipOf(panel: Locator, el: Locator) {
  // The marker's own mouseenter: two alerts change at the same instant, so their markers lie
  // one on the other and a pointer reaches only the top one.
  await el.dispatchEvent('mouseenter');
  const tip = panel.locator('.annotation-tooltip');
  await expect(tip).toBeVisible();
  return tip;
}

test('ALERTS changes are drawn as markers and regions at the alert time', async ({
  page,
  request,
}, testInfo) => {
  const fired = await firstSample('PromscopeAlwaysFiring');
  const pending = await firstSample('PromscopePending');
  // Whole seconds, as the time picker keeps them.
  const from = Math.floor(fired / 1000) * 1000 - 60_000;
  const to = from + 120_000;
  const uid = `annotations-alerts-${testInfo.workerIndex}`;
  await createDashboard(request, {
    uid,
    title: 'Alert annotations e2e',
    timezone: 'utc',
    time: { from: String(from), to: String(to) },
    annotations: {
      list: [
        GRAFANA_BUILT_IN_ANNOTATION,
        {
          name: 'Firing',
          datasource: { type: 'prometheus', uid: '$datasource' },
          enable: true,
          iconColor: 'red',
          expr: FIRING,
          step: '5s',
          titleFormat: '{{alertname}} fired',
          textFormat: 'severity {{severity}}',
          tagKeys: 'severity,alertstate',
        },
      ],
    },
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Targets',
        gridPos: { x: 0, y: 0, w: 24, h: 9 },
        targets: [{ refId: 'A', expr: 'sum(up)' }],
      },
    ],
  });

  const asked: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range')) asked.push(r);
  });
  const sent = (expr: string) =>
    asked.filter((r) => new URL(r.url()).searchParams.get('query') === expr);

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await dash.drawn('Targets');
  let now = await placed(page, 'Targets');
  await expect
    .poll(async () => {
      now = await placed(page, 'Targets');
      return [0, 1].map((s) => now.drawn.filter((d) => d.source === s).length);
    })
    .toEqual([2, 1]);
  expect(now.min * 1000).toBe(from);
  expect(now.max * 1000).toBe(to);
  const xOf = (ms: number) => ((ms - from) / (to - from)) * now.width;

  // Built-in: one marker per alert, at the first point of its grid that sees the alert.
  const builtIn = sent('ALERTS');
  expect(builtIn).toHaveLength(1);
  const firedAt = gridPointAfter(builtIn[0]!, fired);
  const pendingAt = gridPointAfter(builtIn[0]!, pending);
  const markers = now.drawn.filter((d) => d.source === 0);
  expect(markers.map((m) => [m.title, m.time]).sort()).toEqual(
    [
      ['PromscopeAlwaysFiring', firedAt],
      ['PromscopePending', pendingAt],
    ].sort(),
  );
  for (const m of markers) {
    expect(m.right).toBe(m.left);
    // Mid-plot, where the alert's time lies in a range centred on it (the step at most 1 px).
    expect(Math.abs(m.left - xOf(m.time))).toBeLessThan(1);
    expect(m.left).toBeGreaterThan(now.width * 0.45);
    expect(m.left).toBeLessThan(now.width * 0.55);
  }

  // The user entry: one region from the alert's first firing point to the end of the range.
  const user = sent(FIRING);
  expect(user).toHaveLength(1);
  expect(new URL(user[0]!.url()).searchParams.get('step')).toBe('5');
  const region = now.drawn.find((d) => d.source === 1)!;
  expect(region.title).toBe('PromscopeAlwaysFiring fired');
  expect(region.time).toBe(gridPointAfter(user[0]!, fired));
  expect(region.timeEnd).toBeGreaterThan(region.time);
  expect(Math.abs(region.left - xOf(region.time))).toBeLessThan(1);
  expect(Math.abs(region.right - xOf(Math.min(region.timeEnd, to)))).toBeLessThan(1);

  // The DOM draws them: two markers, one region bar, each named by its title.
  const panel = dash.panel('Targets');
  const firingMarker = panel
    .locator('.annotation-marker')
    .and(page.getByRole('img', { name: 'PromscopeAlwaysFiring', exact: true }));
  const pendingMarker = panel
    .locator('.annotation-marker')
    .and(page.getByRole('img', { name: 'PromscopePending', exact: true }));
  await expect(panel.locator('.annotation-marker')).toHaveCount(2);
  await expect(firingMarker).toHaveCount(1);
  await expect(pendingMarker).toHaveCount(1);
  await expect(panel.locator('.annotation-region')).toHaveCount(1);
  const box = await firingMarker.boundingBox();
  const over = await panel.locator('.u-over').boundingBox();
  // The triangle is centred on its time.
  expect(Math.abs(box!.x + box!.width / 2 - over!.x - xOf(firedAt))).toBeLessThan(1);

  // Tooltips, as text: the change, the alert's labels as tags, the time in the dashboard's zone.
  let tip = await tooltipOf(panel, firingMarker);
  await expect(tip.locator('.annotation-title')).toHaveText('PromscopeAlwaysFiring');
  await expect(tip.locator('.annotation-text')).toHaveText('Inactive → Firing');
  await expect(tip.locator('.annotation-tag')).toHaveText(['severity=warning']);
  await expect(tip.locator('.tt-time')).toHaveText(utc(firedAt));
  await firingMarker.dispatchEvent('mouseleave');
  tip = await tooltipOf(panel, pendingMarker);
  await expect(tip.locator('.annotation-title')).toHaveText('PromscopePending');
  await expect(tip.locator('.annotation-text')).toHaveText('Inactive → Pending');
  await expect(tip.locator('.annotation-tag')).toHaveText(['severity=info']);
  await pendingMarker.dispatchEvent('mouseleave');

  // The region, hovered with the pointer: titleFormat, textFormat and the tagKeys' values.
  const bar = panel.locator('.annotation-region');
  const regionTip = panel.locator('.annotation-tooltip');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await bar.hover();
    await expect(regionTip).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(regionTip.locator('.annotation-title')).toHaveText('PromscopeAlwaysFiring fired');
  await expect(regionTip.locator('.annotation-text')).toHaveText('severity warning');
  await expect(regionTip.locator('.annotation-tag')).toHaveText(['firing', 'warning']);
  await expect(regionTip.locator('.tt-time')).toHaveText(
    `${utc(region.time)} – ${utc(region.timeEnd)}`,
  );
  await page.screenshot({ path: '/work/prompts/shots/p3-alert-annotations.png' });
});
