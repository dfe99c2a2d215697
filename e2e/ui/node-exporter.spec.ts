// A node-exporter-style dashboard (e2e/fixtures/dashboards/e2e-node-exporter.json) on the real
// Prometheus scraping Debian's prometheus-node-exporter: drawn as Grafana draws it. Asserts on
// what uPlot holds and drew — its scales, the drawn columns, the axes, the canvas pixels —
// read from the uPlot instance on the chart's root element.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type uPlot from 'uplot';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const UPDATE = process.env.UPDATE_SCREENSHOT === '1';
const FIXTURES = join(dirname(dirname(fileURLToPath(import.meta.url))), 'fixtures');

interface Plot {
  scales: Record<string, { min: number; max: number }>;
  series: { label: string; scale: string; data: (number | null)[] }[];
  axes: { scale: string; side: number; label: string | null; show: boolean }[];
}

/** What uPlot holds for a panel's chart, once it draws `min` series. */
async function plot(dash: DashboardPage, title: string, min: number): Promise<Plot> {
  await dash.drawn(title, min);
  return dash.chart(title).evaluate((el) => {
    const u = (el as HTMLElement & { uplot: uPlot }).uplot;
    const scales: Plot['scales'] = {};
    for (const [k, s] of Object.entries(u.scales)) {
      if (k !== 'x') scales[k] = { min: s.min!, max: s.max! };
    }
    return {
      scales,
      series: u.series.slice(1).map((s, i) => ({
        label: String(s.label),
        scale: String(s.scale),
        data: Array.from(u.data[i + 1] as (number | null)[]),
      })),
      axes: u.axes.slice(1).map((a) => ({
        scale: String(a.scale),
        side: a.side ?? 3,
        label: typeof a.label === 'string' ? a.label : null,
        show: a.show !== false,
      })),
    };
  });
}

const values = (p: Plot, label: RegExp) => {
  const s = p.series.find((x) => label.test(x.label));
  expect(s, `series ${label}`).toBeDefined();
  return s!.data.filter((v): v is number => v != null);
};

/** Canvas pixels of a colour (±40 per channel, opaque) above and below the y = 0 line. */
async function pixelsAboutZero(dash: DashboardPage, title: string, rgb: [number, number, number]) {
  return dash.chart(title).evaluate((el, rgb) => {
    const u = (el as HTMLElement & { uplot: uPlot }).uplot;
    const zero = Math.round(u.valToPos(0, 'y', true));
    const { left, top, width, height } = u.bbox;
    const img = u.ctx.getImageData(left, top, width, height).data;
    let above = 0;
    let below = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const near =
          img[i + 3]! > 200 &&
          Math.abs(img[i]! - rgb[0]) < 40 &&
          Math.abs(img[i + 1]! - rgb[1]) < 40 &&
          Math.abs(img[i + 2]! - rgb[2]) < 40;
        if (!near) continue;
        if (top + y < zero - 1) above++;
        else if (top + y > zero + 1) below++;
      }
    }
    return { above, below };
  }, rgb);
}

test.describe('a node-exporter-style dashboard drawn as Grafana draws it', () => {
  test.beforeEach(async ({ page }) => {
    if (!test.info().title.includes('imported')) {
      await new DashboardPage(page).open('/d/e2e-node-exporter');
    }
  });

  test('network traffic: receive above zero, transmit below (negative-Y override)', async ({
    page,
  }) => {
    const dash = new DashboardPage(page);
    // Two scrapes inside the rate window give both series some values.
    await expect
      .poll(async () => {
        const p = await plot(dash, 'Network traffic', 2);
        return values(p, /transmit/).length > 1 && values(p, /receive/).length > 1;
      })
      .toBe(true);
    const p = await plot(dash, 'Network traffic', 2);
    const tx = values(p, /transmit/);
    const rx = values(p, /receive/);
    expect(tx.every((v) => v <= 0) && tx.some((v) => v < 0)).toBe(true);
    expect(rx.every((v) => v >= 0) && rx.some((v) => v > 0)).toBe(true);
    expect(p.scales.y!.min).toBeLessThan(0);
    expect(p.scales.y!.max).toBeGreaterThan(0);
    expect(p.axes[0]).toMatchObject({ side: 3, label: 'bits out (-) / in (+)' });
    // Drawn so: the red transmit line lies below the zero line, the green receive line above.
    const red = await pixelsAboutZero(dash, 'Network traffic', [0xf2, 0x49, 0x5c]);
    const green = await pixelsAboutZero(dash, 'Network traffic', [0x73, 0xbf, 0x69]);
    expect(red.below).toBeGreaterThan(10);
    expect(red.above).toBe(0);
    expect(green.above).toBeGreaterThan(10);
    expect(green.below).toBe(0);
    // The axis reads below zero as Grafana's does: negative ticks.
    const ticks = JSON.parse((await dash.chart('Network traffic').getAttribute('data-y-ticks'))!);
    expect(ticks.some((t: string) => t.startsWith('-'))).toBe(true);
  });

  test('an old graph panel, imported: its seriesOverrides negative-Y is drawn too', async ({
    page,
    request,
  }) => {
    // A Grafana 6-style export with a graph panel; import maps it as Grafana does.
    const source = JSON.parse(readFileSync(join(FIXTURES, 'node-exporter-legacy.json'), 'utf8'));
    const res = await request.post('/api/dashboards/import', {
      headers: { 'Content-Type': 'application/json' },
      data: { dashboard: source, overwrite: true },
    });
    expect(res.status()).toBe(200);
    const answer = await res.json();
    // The import report tells the truth: the negative-Y override and the graph's unsorted
    // tooltip are drawn, so nothing is listed.
    expect(answer).toMatchObject({ imported: true });
    expect(answer.issues.map((i: { message: string }) => i.message)).toEqual([]);
    const dash = new DashboardPage(page);
    await dash.open(answer.url);
    const title = 'Network traffic (old graph panel)';
    await expect
      .poll(async () => values(await plot(dash, title, 2), /transmit/).length > 1)
      .toBe(true);
    const p = await plot(dash, title, 2);
    expect(values(p, /transmit/).every((v) => v <= 0)).toBe(true);
    expect(values(p, /transmit/).some((v) => v < 0)).toBe(true);
    expect(values(p, /receive/).some((v) => v > 0)).toBe(true);
    expect(p.scales.y!.min).toBeLessThan(0);
    expect(p.axes[0]!.label).toBe('packets out (-) / in (+)');
    // Nothing of it is left undrawn: no panel carries the "not drawn here" mark.
    await expect(page.locator('.panel-undrawn-icon')).toHaveCount(0);
  });

  test('CPU by mode, 100 % stacked: the top of the stack is 1 everywhere', async ({ page }) => {
    const dash = new DashboardPage(page);
    await expect.poll(async () => values(await plot(dash, 'CPU', 3), /idle/).length > 1).toBe(true);
    const p = await plot(dash, 'CPU', 3);
    const n = p.series[0]!.data.length;
    let columns = 0;
    for (let i = 0; i < n; i++) {
      const col = p.series.map((s) => s.data[i]).filter((v): v is number => v != null);
      if (col.length === 0) continue;
      columns++;
      expect(Math.max(...col)).toBeCloseTo(1, 9);
      expect(Math.min(...col)).toBeGreaterThanOrEqual(0);
    }
    expect(columns).toBeGreaterThan(1);
    expect(p.scales.y).toEqual({ min: 0, max: 1 });
    expect(p.axes[0]!.label).toBe('share of CPU time');
    const ticks = JSON.parse((await dash.chart('CPU').getAttribute('data-y-ticks'))!);
    expect(ticks[0]).toBe('0%');
    expect(ticks[ticks.length - 1]).toBe('100%');
  });

  test('memory stacked, with "Total" drawn over the stack and not on it', async ({ page }) => {
    const dash = new DashboardPage(page);
    const p = await plot(dash, 'Memory', 5);
    const total = p.series.find((s) => s.label === 'Total')!;
    const free = p.series.find((s) => s.label === 'Free')!; // the top of the stack
    let compared = 0;
    total.data.forEach((t, i) => {
      const top = free.data[i];
      if (t == null || top == null) return;
      compared++;
      // Used + buffers + cached + free is the total: the stack's top meets the Total line.
      // Stacked on them, Total would be drawn at twice that.
      expect(Math.abs(t - top) / t).toBeLessThan(0.02);
    });
    expect(compared).toBeGreaterThan(0);
    expect(p.scales.y!.min).toBe(0);
    expect(p.axes[0]!.label).toBe('bytes');
  });

  test('a second axis on the right for the series in percent', async ({ page }) => {
    const dash = new DashboardPage(page);
    const p = await plot(dash, 'Load and memory use', 2);
    expect(p.series.map((s) => [s.label, s.scale])).toEqual([
      ['load 1m', 'y'],
      ['memory used', 'y2'],
    ]);
    expect(p.axes).toEqual([
      { scale: 'y', side: 3, label: 'load', show: true },
      { scale: 'y2', side: 1, label: 'memory used', show: true },
    ]);
    expect(p.scales.y2).toEqual({ min: 0, max: 100 });
    expect(p.scales.y!.min).toBe(0); // axisSoftMin 0
    const right = JSON.parse(
      (await dash.chart('Load and memory use').getAttribute('data-y2-ticks'))!,
    );
    expect(right[right.length - 1]).toBe('100%');
  });

  test('nothing is reported as not drawn, and a screenshot to look at', async ({
    page,
  }, testInfo) => {
    const dash = new DashboardPage(page);
    for (const [title, min] of [
      ['Network traffic', 2],
      ['CPU', 3],
      ['Memory', 5],
      ['Load and memory use', 2],
    ] as const) {
      await dash.drawn(title, min);
    }
    await expect(page.locator('.panel-undrawn-icon')).toHaveCount(0);
    const path = UPDATE ? 'docs/node-exporter.png' : testInfo.outputPath('node-exporter.png');
    await page.mouse.move(0, 0);
    await page.screenshot({ path, fullPage: true });
  });
});
