// Panels Grafana users have, on a real Prometheus (e2e/fixtures/dashboards/e2e-grafana-panels.json):
// gauges and bar gauges on the data's range when min/max are unset, a pie and a donut whose
// slices are the shares of what Prometheus answers, a state timeline and a status history
// whose boxes have the colours of the value mappings and thresholds. What is drawn is read
// back: the range each gauge says it used against the geometry drawn, slice angles, box
// bounds, and pixels of a screenshot of the panel.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const DASH = '/d/e2e-grafana-panels/e2e-grafana-panels?refresh=off';
const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';

/** Prometheus' own answer to an instant query, through the proxy. */
async function instant(page: Page, query: string) {
  const res = await page.request.get(`${PROXY}/query?query=${encodeURIComponent(query)}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/**
 * The colour Chromium drew at a point of the viewport (CSS px): a 1 × 1 screenshot there,
 * decoded by the page's own canvas.
 */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = (await page.screenshot({ clip: { x, y, width: 1, height: 1 } })).toString('base64');
  return page.evaluate(async (png) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, 1, 1).data;
    return [d[0]!, d[1]!, d[2]!] as [number, number, number];
  }, png);
}

/** The page coordinates of a point given in an SVG element's own pixels. */
async function inSvg(svg: Locator, x: number, y: number): Promise<[number, number]> {
  const box = (await svg.boundingBox())!;
  return [box.x + x, box.y + y];
}

const hex = (h: string): [number, number, number] => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
];
/** A colour drawn at `alpha` over the panel's background (#181b1f). */
const over = (h: string, alpha: number, bg = '#181b1f') =>
  hex(h).map((c, i) => Math.round(c * alpha + hex(bg)[i]! * (1 - alpha))) as [
    number,
    number,
    number,
  ];
const near = (a: readonly number[], b: readonly number[], tol = 6) =>
  a.every((v, i) => Math.abs(v - b[i]!) <= tol);

test('screenshot of the Grafana panels dashboard', async ({ page }, testInfo) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  await expect(dash.panel('Browsers pie').locator('.pie-slice')).toHaveCount(2);
  await expect(dash.panel('Demo up history').locator('rect').first()).toBeVisible();
  await expect(dash.panel('Demo up and the minute').locator('rect').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('grafana-panels.png'), fullPage: true });
});

test("gauges and bar gauges without min/max are drawn on the data's range", async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  // What Prometheus answers for the three queries of both panels.
  const values = [
    (await instant(page, 'vector(200)'))[0]!.value,
    (await instant(page, 'vector(300)'))[0]!.value,
    (await instant(page, 'vector(500)'))[0]!.value,
  ];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  expect([min, max]).toEqual([200, 500]);

  const gauges = dash.panel("Gauges on the data's range").locator('svg[data-min]');
  await expect(gauges).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const g = gauges.nth(i);
    await expect(g).toHaveAttribute('data-min', String(min));
    await expect(g).toHaveAttribute('data-max', String(max));
    const want = (values[i]! - min) / (max - min);
    expect(Number(await g.getAttribute('data-fraction'))).toBeCloseTo(want, 9);
    // The filled arc ends where the fraction says: 240° clockwise from the lower left.
    const fill = g.locator('.gauge-fill');
    if (want === 0) {
      await expect(fill).toHaveCount(0);
      continue;
    }
    const d = (await fill.getAttribute('d'))!;
    const [ex, ey] = d.trim().split(/\s+/).slice(-2).map(Number) as [number, number];
    const size = Number(await g.getAttribute('width'));
    const deg = (Math.atan2(ex - size / 2, size / 2 - ey) * 180) / Math.PI;
    const drawn = ((deg + 120 + 360) % 360) / 240;
    expect(Math.abs(drawn - want)).toBeLessThan(0.01);
  }

  const rows = dash.panel("Bar gauges on the data's range").locator('.bar-row');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-min', '200');
    await expect(row).toHaveAttribute('data-max', '500');
    const track = (await row.locator('.bar-track').boundingBox())!;
    const fill = (await row.locator('.bar-fill').boundingBox())!;
    const want = (values[i]! - min) / (max - min);
    expect(Math.abs(fill.width / track.width - want)).toBeLessThan(0.01);
  }

  // A gauge in percent is drawn on 0–100, as Grafana's gauge does.
  const percent = dash.panel('Percent gauge').locator('svg[data-min]');
  await expect(percent).toHaveAttribute('data-min', '0');
  await expect(percent).toHaveAttribute('data-max', '100');
  await expect(percent).toHaveAttribute('data-fraction', '0.42');
});

test('a pie and a donut: slices are the shares of what Prometheus answers', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const pie = dash.panel('Browsers pie');
  const slices = pie.locator('.pie-slice');
  await expect(slices).toHaveCount(2);
  // Largest first, clockwise from 12 o'clock: Chrome 60 of 100, then Firefox.
  await expect(slices.nth(0)).toHaveAttribute('data-name', 'Chrome');
  expect(Number(await slices.nth(0).getAttribute('data-fraction'))).toBeCloseTo(0.6, 9);
  expect(Number(await slices.nth(0).getAttribute('data-end'))).toBeCloseTo(0.6 * 2 * Math.PI, 9);
  expect(Number(await slices.nth(1).getAttribute('data-start'))).toBeCloseTo(0.6 * 2 * Math.PI, 9);
  const legend = pie.getByRole('list', { name: 'legend' }).locator('li');
  await expect(legend.nth(0).locator('.legend-value')).toHaveText('60');
  await expect(legend.nth(0).locator('.legend-percent')).toHaveText('60%');
  await expect(legend.nth(1).locator('.legend-percent')).toHaveText('40%');
  // Pixels: the middle of each slice has its colour (the classic palette's first two).
  const svg = pie.locator('svg.pie');
  const outer = Number(await svg.getAttribute('data-outer'));
  const size = Number(await svg.getAttribute('width'));
  for (const [i, color] of [
    [0, '#73BF69'],
    [1, '#F2CC0C'],
  ] as const) {
    const a0 = Number(await slices.nth(i).getAttribute('data-start'));
    const a1 = Number(await slices.nth(i).getAttribute('data-end'));
    const mid = (a0 + a1) / 2;
    // Off the label (halfway out): at 0.8 of the radius.
    const [x, y] = await inSvg(
      svg,
      size / 2 + 0.8 * outer * Math.sin(mid),
      size / 2 - 0.8 * outer * Math.cos(mid),
    );
    expect(near(await pixelAt(page, x, y), hex(color))).toBe(true);
  }

  // The donut: one slice per job, each its share of Prometheus' own count.
  const jobs = await instant(page, 'count by (job) (up)');
  const total = jobs.reduce((s, j) => s + j.value, 0);
  const donut = dash.panel('Targets by job donut');
  await expect(donut.locator('.pie-slice')).toHaveCount(jobs.length);
  for (const j of jobs) {
    const row = donut.locator(`tr[data-name="${j.metric.job}"]`);
    await expect(row.locator('.legend-percent')).toHaveText(
      `${((j.value / total) * 100).toFixed(0)}%`,
    );
  }
  // The hole is the panel's background, the ring a slice's colour.
  const dsvg = donut.locator('svg.pie');
  const dsize = Number(await dsvg.getAttribute('width'));
  const [cx, cy] = await inSvg(dsvg, dsize / 2, dsize / 2);
  const hole = await pixelAt(page, cx, cy);
  const first = donut.locator('.pie-slice').first();
  const fillColor = (await first.getAttribute('fill'))!;
  expect(near(hole, hex(fillColor))).toBe(false);
  const mid =
    (Number(await first.getAttribute('data-start')) +
      Number(await first.getAttribute('data-end'))) /
    2;
  const ring =
    (Number(await dsvg.getAttribute('data-outer')) +
      Number(await dsvg.getAttribute('data-inner'))) /
    2;
  const [rx, ry] = await inSvg(
    dsvg,
    dsize / 2 + ring * Math.sin(mid),
    dsize / 2 - ring * Math.cos(mid),
  );
  expect(near(await pixelAt(page, rx, ry), hex(fillColor))).toBe(true);
});

test('the state timeline draws a box per minute of the minute clock, coloured by its mapping', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const panel = dash.panel('Demo up and the minute');
  const boxes = panel.locator('g.timeline-row[data-name="minute"] rect');
  await expect(boxes.nth(2)).toBeVisible();
  const drawn = await boxes.evaluateAll((els) =>
    els.map((e) => ({
      start: Number(e.getAttribute('data-start')),
      end: Number(e.getAttribute('data-end')),
      value: Number(e.getAttribute('data-value')),
      color: e.getAttribute('data-color'),
    })),
  );
  // floor(time() / 60) % 2 changes on each whole minute: every box but the first starts on
  // one, each holds the value of its minute, and the mapping's colour (odd orange, even blue).
  drawn.forEach((b, i) => {
    if (i > 0) expect(b.start % 60).toBe(0);
    if (i > 0 && i < drawn.length - 1) expect(b.end - b.start).toBe(60);
    expect(b.value).toBe(Math.floor(b.start / 60) % 2);
    expect(b.color).toBe(b.value === 1 ? '#FF9830' : '#5794F2');
  });
  // The pixels of a whole minute's box: its colour at 70 % over the panel.
  const whole = boxes.nth(1);
  await whole.scrollIntoViewIfNeeded();
  const box = (await whole.boundingBox())!;
  const color = (await whole.getAttribute('data-color'))!;
  const px = await pixelAt(page, box.x + box.width / 2 + 20, box.y + box.height / 2);
  expect(near(px, over(color, 0.7))).toBe(true);
  // `up` of the demo service: UP boxes, green, by the mapping. On a busy machine a scrape
  // can time out, and Prometheus records up = 0 for it: a DOWN box, red by the mapping, as
  // Grafana draws it (the red box once seen here; the same tree before the kinds moved draws
  // the same). So each box has its value's colour, and the demo is up in at least one.
  const up = panel.locator('g.timeline-row[data-name="demo"] rect');
  await expect(up.first()).toBeVisible();
  const upBoxes = await up.evaluateAll((els) =>
    els.map((e) => ({
      value: Number(e.getAttribute('data-value')),
      color: e.getAttribute('data-color'),
    })),
  );
  for (const b of upBoxes) expect(b.color).toBe(b.value === 1 ? '#73BF69' : '#F2495C');
  expect(upBoxes.some((b) => b.value === 1)).toBe(true);
  await expect(panel.getByRole('list', { name: 'legend' })).toContainText('UP');
});

test('the status history draws a box per sample, coloured by thresholds', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open(DASH);
  const panel = dash.panel('Demo up history');
  const minute = panel.locator('g.timeline-row[data-name="minute"] rect');
  await expect(minute.nth(3)).toBeVisible();
  const drawn = await minute.evaluateAll((els) =>
    els.map((e) => ({
      start: Number(e.getAttribute('data-start')),
      end: Number(e.getAttribute('data-end')),
      value: Number(e.getAttribute('data-value')),
      color: e.getAttribute('data-color'),
    })),
  );
  // interval 10s: boxes 9 s wide (colWidth 0.9), centred on samples 10 s apart; red below 1.
  drawn.slice(1, -1).forEach((b, i) => {
    expect(b.end - b.start).toBeCloseTo(9, 6);
    expect(Math.round((drawn[i + 2]!.start - b.start) * 1000) / 1000).toBe(10);
  });
  for (const b of drawn) expect(b.color).toBe(b.value >= 1 ? '#73BF69' : '#F2495C');
  expect(new Set(drawn.map((b) => b.value)).size).toBeGreaterThan(0);
  const legend = panel.getByRole('list', { name: 'legend' });
  await expect(legend.locator('li')).toHaveText(['< 1', '1+']);
  await minute.nth(1).scrollIntoViewIfNeeded();
  const first = (await minute.nth(1).boundingBox())!;
  const px = await pixelAt(page, first.x + first.width / 2, first.y + first.height / 2);
  expect(near(px, over((await minute.nth(1).getAttribute('data-color'))!, 0.7))).toBe(true);
});
