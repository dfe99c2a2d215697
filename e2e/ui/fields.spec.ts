// Field options of the e2e-fields dashboard, drawn from a real Prometheus: the legend table's
// calcs against Prometheus' own answer, an override's colour and name, a value mapping, the
// threshold bands on the canvas, and the shared crosshair of graphTooltip 1.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const RATE_BY_ROUTE = 'Rate by route, thresholds and legend table';
const POINTS = 'Total rate as points';

interface Matrix {
  data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
}

/**
 * Every answer the page got for a range query whose expression contains `needle`, in the order
 * the answers came (each kept as its promise at once: bodies are read in whatever order they
 * finish, and the last to come must stay last).
 */
function answersFor(page: Page, needle: string): Promise<Matrix>[] {
  const answers: Promise<Matrix>[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('/query_range')) return;
    if (!url.searchParams.get('query')?.includes(needle) || !r.ok()) return;
    answers.push(r.json() as Promise<Matrix>);
  });
  return answers;
}

// As Grafana's lastNotNull, mean and max over the samples Prometheus returned.
function calcs(values: [number, string][]): [number, number, number] {
  const vs = values.map(([, v]) => Number(v)).filter(Number.isFinite);
  const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
  return [vs[vs.length - 1]!, mean, Math.max(...vs)];
}

/**
 * Waits until the chart has made room for the legend on its right: the legend comes with the
 * data, and the chart shrinks a frame later.
 */
async function settled(dash: DashboardPage) {
  await dash.drawn(RATE_BY_ROUTE, 2);
  const panel = dash.panel(RATE_BY_ROUTE);
  await expect(panel.getByRole('table', { name: 'legend' })).toBeVisible();
  await expect
    .poll(async () => {
      const over = (await panel.locator('.u-over').boundingBox())!;
      const legend = (await panel.locator('.legend-table-wrap').boundingBox())!;
      return over.x + over.width <= legend.x + 1;
    })
    .toBe(true);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('the legend table shows last, mean and max as Prometheus answers, sorted by mean', async ({
  page,
}) => {
  const answers = answersFor(page, 'sum by (route)');
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  await settled(dash);
  const table = dash.panel(RATE_BY_ROUTE).getByRole('table', { name: 'legend' });
  await expect(table.locator('thead th')).toHaveText(['Name', 'Last *', 'Mean ▼', 'Max']);

  const shown = () =>
    table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.querySelector('.legend-label')?.textContent ?? '',
        values: [...r.querySelectorAll('td.num')].map((td) =>
          Number(td.getAttribute('data-value')),
        ),
      })),
    );
  // The last answer is the one drawn (the legend on the right narrows the chart, which may
  // ask again at another step).
  await expect
    .poll(async () => {
      const answer = await answers.at(-1);
      if (!answer) return 'no answer yet';
      const expected = answer.data.result
        .map((s) => ({
          name: s.metric.route === '/api/orders' ? 'Orders' : (s.metric.route ?? ''),
          values: calcs(s.values),
        }))
        .sort((a, b) => b.values[1] - a.values[1]);
      const rows = await shown();
      const same =
        rows.length === expected.length &&
        rows.every(
          (r, i) =>
            r.name === expected[i]!.name &&
            r.values.every((v, k) => close(v, expected[i]!.values[k]!)),
        );
      return same ? 'same' : JSON.stringify({ rows, expected });
    })
    .toBe('same');

  // Values in the unit with the panel's 2 decimals.
  const cells = await table.locator('td.num').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(c).toMatch(/^\d+\.\d{2}K? req\/s$/);

  // Clicking a header sorts by that column, largest first.
  await table.getByRole('button', { name: 'Max' }).click();
  await expect(table.locator('thead th').nth(3)).toHaveAttribute('aria-sort', 'descending');
  // Polled: the rows may be rendered a moment after the header says so.
  await expect
    .poll(async () => {
      const maxes = (await shown()).map((r) => r.values[2]!);
      return maxes.length > 1 && maxes.every((m, i) => i === 0 || maxes[i - 1]! >= m);
    })
    .toBe(true);
});

test('an override by regex gives its series a fixed colour and a new name', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  await settled(dash);
  const table = dash.panel(RATE_BY_ROUTE).getByRole('table', { name: 'legend' });
  const orders = table.locator('tbody tr').filter({ hasText: /^Orders/ });
  await expect(orders).toHaveCount(1);
  await expect(table.locator('.legend-label').filter({ hasText: '/api/orders' })).toHaveCount(0);
  // semi-dark-red in Grafana's palette is #E02F44.
  await expect(orders.locator('.legend-swatch')).toHaveCSS('background-color', 'rgb(224, 47, 68)');
  // The others keep palette colours.
  const others = await table
    .locator('tbody tr .legend-swatch')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  expect(others.filter((c) => c === 'rgb(224, 47, 68)')).toHaveLength(1);
  // The tooltip uses the new name too.
  const tooltip = await dash.hoverChart(RATE_BY_ROUTE, 0.97);
  await expect(tooltip.locator('.tt-label').filter({ hasText: /^Orders$/ })).toHaveCount(1);
});

test('a value mapping turns up=1 into a green UP', async ({ page, request }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  const up = await (
    await request.get(
      `/api/datasources/proxy/uid/prometheus/api/v1/query?query=${encodeURIComponent('max(up{job="demo"})')}`,
    )
  ).json();
  expect(up.data.result[0].value[1]).toBe('1');
  const value = dash.statValue('Demo target');
  await expect(value).toHaveText('UP');
  await expect(value).toHaveAttribute('data-value', '1');
  const cell = dash.panel('Demo target').locator('.stat-cell');
  await expect(cell).toHaveAttribute('data-color', '#73BF69');
  // colorMode background: the cell is green, the text readable on it.
  await expect(cell.locator('.stat-bg')).toHaveCSS('background-image', /rgb\(115, 191, 105\)/);
});

test('the table panel names, formats and maps its columns by override', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  const table = dash.panel('Methods').getByRole('table');
  await expect(table.locator('thead th')).toHaveText(['Method', 'Rate']);
  await expect(table.locator('td.num').first()).toHaveText(/^\d+\.\dK? req\/s$/);
  const post = table.locator('tbody td').filter({ hasText: /^write$/ });
  await expect(post).toHaveCount(1);
  await expect(post).toHaveCSS('color', 'rgb(255, 152, 48)'); // orange
  await expect(table.locator('tbody td').filter({ hasText: /^GET$/ })).toHaveCount(1);
});

test('threshold bands and lines are drawn behind the series', async ({ page }) => {
  const dash = new DashboardPage(page);
  // No live ticks: the percentage thresholds follow the data, and the canvas is read twice.
  await dash.open('/d/e2e-fields?refresh=off');
  await settled(dash);
  const chart = dash.chart(RATE_BY_ROUTE);
  await expect(chart).toHaveAttribute('data-thresholds', /"lines":\[\{/);
  const drawn = JSON.parse((await chart.getAttribute('data-thresholds'))!) as {
    areas: { top: number; bottom: number; color: string }[];
    lines: { y: number; color: string }[];
  };
  // Percentage steps at 50 % and 80 % of the data's range: three bands, two lines.
  expect(drawn.areas.map((a) => a.color)).toEqual(['#73BF69', '#FF9830', '#F2495C']);
  expect(drawn.lines.map((l) => l.color)).toEqual(['#FF9830', '#F2495C']);

  // Read the canvas across the red band (above every series but the top one's peak) and along
  // the orange line, every device pixel of the plot's width. The band is read on three rows, at
  // a quarter, half and three quarters of its height, and one must be mostly the tint: a grid
  // line (drawn over the band) or the top series can run along any one row. The line sits at
  // half the data's range, where series cross it and may run along it for a while (drawn over
  // it, as they must be): a tenth of its row in its colour is a line no series could paint. The
  // shapes are read in the same task as the pixels, and the whole is polled, so a redraw between
  // (a late resize for the legend) cannot pair old positions with a new canvas.
  const sample = () =>
    chart.evaluate((root) => {
      const shapes = JSON.parse((root as HTMLElement).dataset.thresholds!) as typeof drawn;
      const canvas = root.querySelector('canvas')!;
      const over = root.querySelector('.u-over')!.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const k = canvas.width / box.width;
      const ctx = canvas.getContext('2d')!;
      const red = shapes.areas[2]!;
      const x0 = Math.round((over.left - box.left) * k);
      const width = Math.round(over.width * k);
      // The share of a row's pixels within 12 of a colour, with an alpha in a range.
      const share = (y: number, rgb: number[], alpha: [number, number]) => {
        const row = ctx.getImageData(x0, Math.round((over.top - box.top + y) * k), width, 1).data;
        let n = 0;
        for (let i = 0; i < row.length; i += 4) {
          const near = rgb.every((c, j) => Math.abs(row[i + j]! - c) <= 12);
          if (near && row[i + 3]! >= alpha[0] && row[i + 3]! <= alpha[1]) n++;
        }
        return Math.round((100 * n) / width);
      };
      const line = shapes.lines[0]!.y;
      const h = red.bottom - red.top;
      return {
        // A 0.15 tint of #F2495C: subtle, like Grafana's.
        band: [0.25, 0.5, 0.75].map((f) => share(red.top + h * f, [242, 73, 92], [25, 60])),
        // The orange line at 0.7 over its band; two device pixels wide around its rounded y,
        // so one row either side is read too.
        line: [line - 1, line, line + 1].map((y) => share(y, [255, 152, 48], [150, 230])),
      };
    });
  await expect
    .poll(async () => {
      const pct = await sample();
      const ok = { band: Math.max(...pct.band) >= 50, line: Math.max(...pct.line) >= 10 };
      // On failure, the shares (in %) say how near it came.
      return ok.band && ok.line ? ok : { ...ok, pct };
    })
    .toEqual({ band: true, line: true });
});

test('graphTooltip 1: hovering one chart moves the crosshair on the others', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  await settled(dash);
  await dash.drawn(POINTS, 1);
  const otherCursor = dash.chart(POINTS).locator('.u-cursor-x');
  const position = () =>
    otherCursor.evaluate((el) => ({
      transform: getComputedStyle(el).transform,
      off: el.classList.contains('u-off'),
    }));
  const over = dash.chart(RATE_BY_ROUTE).locator('.u-over');
  const box = (await over.boundingBox())!;
  // Near the end of the window: the e2e Prometheus is only a minute or two old.
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect.poll(async () => (await position()).off).toBe(false);
  const first = await position();
  await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2);
  await expect.poll(async () => (await position()).transform).not.toBe(first.transform);
  // Shared crosshair only: the hovered chart shows its tooltip, the other does not.
  await expect(dash.panel(RATE_BY_ROUTE).locator('.chart-tooltip')).toBeVisible();
  await expect(dash.panel(POINTS).locator('.chart-tooltip')).toBeHidden();
});

test('graphTooltip 2: hovering one chart shows the tooltip on the others too', async ({ page }) => {
  // The same dashboard, served with a shared tooltip instead of a shared crosshair.
  await page.route('**/api/dashboards/uid/e2e-fields', async (route) => {
    const body = await (await route.fetch()).json();
    body.dashboard.graphTooltip = 2;
    await route.fulfill({ json: body });
  });
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-fields');
  await settled(dash);
  await dash.drawn(POINTS, 1);
  await dash.hoverChart(RATE_BY_ROUTE, 0.97);
  const other = dash.panel(POINTS).locator('.chart-tooltip');
  await expect(other).toBeVisible();
  await expect(other.locator('.tt-label')).toHaveText(['total']);
  expect(Number.parseFloat((await other.locator('.tt-value').textContent())!)).toBeGreaterThan(0);
});
