// The README screenshot: the live Service overview once it has a few minutes of data.
// Written to docs/screenshot.png only when UPDATE_SCREENSHOT=1, so a test run leaves the
// tree clean; otherwise it goes to the test output folder.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const UPDATE = process.env.UPDATE_SCREENSHOT === '1';
const HISTORY = 4 * 60_000; // ms of data behind the README picture

test('screenshot of the live Service overview', async ({ page }, testInfo) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?from=now-5m&to=now');
  if (UPDATE) {
    // Open while history builds, so the panel of Promscope's own upstream latency has this
    // dashboard's live queries to show.
    test.setTimeout(HISTORY + 120_000);
    await page.waitForTimeout(HISTORY);
  }
  for (const title of [
    'Request rate by route',
    'Request rate by status class',
    'Latency p50 / p90 / p99',
    'p99 latency by route',
  ]) {
    await dash.drawn(title);
  }
  await expect(dash.statValue('p99 latency')).toHaveText(/\d/);
  // Show the tooltip; without the long history only the right edge has data yet.
  await dash.hoverChart('Request rate by route', UPDATE ? 0.72 : 0.98);
  const path = UPDATE ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path, fullPage: true });
});

test('screenshot of Explore with the latency trio', async ({ page }, testInfo) => {
  const trio = [0.5, 0.9, 0.99]
    .map(
      (q, i) =>
        `q${i}.expr=${encodeURIComponent(`histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))`)}&q${i}.legend=p${Math.round(q * 100)}`,
    )
    .join('&');
  await page.goto(`/explore?${trio}&from=now-5m&to=now&unit=s`);
  const chart = page.locator('.graph-box .uplot');
  await expect(chart).toHaveAttribute('data-series', '3');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-samples')))
    .toBeGreaterThan(3);
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('http');
  await page.mouse.move(0, 0);
  const path = UPDATE ? 'docs/explore.png' : testInfo.outputPath('explore.png');
  await page.screenshot({ path });
});
