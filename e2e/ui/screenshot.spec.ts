// The README screenshot: the live Service overview once it has a few minutes of data.
// Written to docs/screenshot.png only when UPDATE_SCREENSHOT=1, so a test run leaves the
// tree clean; otherwise it goes to the test output folder.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const UPDATE = process.env.UPDATE_SCREENSHOT === '1';
const HISTORY = 4 * 60_000; // ms of data behind the README picture

test('screenshot of the live Service overview', async ({ page }, testInfo) => {
  if (UPDATE) {
    test.setTimeout(HISTORY + 120_000);
    await page.waitForTimeout(HISTORY);
  }
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview/service-overview?from=now-5m&to=now');
  for (const title of [
    'Request rate by route',
    'Request rate by status class',
    'Latency p50 / p90 / p99',
    'p99 latency by route',
  ]) {
    await dash.drawn(title);
  }
  await expect(dash.statValue('p99 latency')).toHaveText(/\d/);
  await page.mouse.move(0, 0);
  const path = UPDATE ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path, fullPage: true });
});
