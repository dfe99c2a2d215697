// Units as Grafana shows them, drawn from a real Prometheus (the e2e-units dashboard): one
// unit id gives Grafana's text in the stat value, the y axis ticks, the legend and the
// tooltip. The expected texts are Grafana's (web/fields/units.grafana.test.ts has its cases).
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

async function yTicks(dash: DashboardPage, title: string): Promise<string[]> {
  await dash.drawn(title, 2);
  const chart = dash.chart(title);
  await expect(chart).toHaveAttribute('data-y-ticks', /.+/);
  return JSON.parse((await chart.getAttribute('data-y-ticks'))!) as string[];
}

test('bytes read as Grafana writes them: stat, axis, legend and tooltip', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-units');
  // 2 MiB exactly: an integer in its scale has no decimals ("2.00 MiB" before).
  await expect(dash.statValue('Bytes stat')).toHaveText('2 MiB');

  const ticks = await yTicks(dash, 'Bytes over time');
  expect(ticks.length).toBeGreaterThan(2);
  expect(ticks[0]).toBe('0 B');
  // Whole-number steps leave the decimals to the unit (three significant digits), each tick
  // in the scale of its own value: "977 KiB", "1.91 MiB".
  for (const t of ticks) expect(t).toMatch(/^(0 B|\d+ KiB|\d\.\d\d MiB|2 MiB)$/);
  expect(ticks.some((t) => t.endsWith(' KiB'))).toBe(true);

  const legend = dash.panel('Bytes over time').getByRole('table', { name: 'legend' });
  await expect(legend.locator('tbody tr').filter({ hasText: 'top' }).locator('td.num')).toHaveText(
    '2 MiB',
  );
  await expect(legend.locator('tbody tr').filter({ hasText: 'zero' }).locator('td.num')).toHaveText(
    '0 B',
  );
  const tooltip = await dash.hoverChart('Bytes over time', 0.5);
  await expect(tooltip).toContainText('2 MiB');
  await expect(tooltip).toContainText('0 B');
});

test('dtdurations read as Grafana writes them: stat, axis, legend and tooltip', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-units');
  // 3725 s with auto decimals is its largest whole part.
  await expect(dash.statValue('Duration stat')).toHaveText('1 hour');

  const ticks = await yTicks(dash, 'Durations over time');
  expect(ticks.length).toBeGreaterThan(2);
  expect(ticks[0]).toBe('0 seconds');
  for (const t of ticks) expect(t).toMatch(/^\d+ (second|minute|hour)s?$/);

  const legend = dash.panel('Durations over time').getByRole('table', { name: 'legend' });
  await expect(legend.locator('tbody tr').filter({ hasText: 'top' }).locator('td.num')).toHaveText(
    '1 hour',
  );
  const tooltip = await dash.hoverChart('Durations over time', 0.5);
  await expect(tooltip).toContainText('1 hour');
  await expect(tooltip).toContainText('0 seconds');
});

test('`none` never abbreviates; an unknown or suffix: unit is a plain suffix', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-units');
  await expect(dash.statValue('None stat')).toHaveText('1500');
  await expect(dash.statValue('Custom unit stat')).toHaveText('1500 widgets');
});
