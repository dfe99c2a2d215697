// Page object for a dashboard: panels by title, the datasource bar, the pickers.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class DashboardPage {
  readonly health: Locator;
  readonly datasource: Locator;
  readonly urlField: Locator;
  readonly connect: Locator;
  readonly timeRange: Locator;
  readonly autoRefresh: Locator;

  constructor(readonly page: Page) {
    this.health = page.getByRole('status', { name: 'Datasource health' });
    this.datasource = page.getByRole('combobox', { name: 'Datasource' });
    this.urlField = page.getByRole('textbox', { name: 'Prometheus URL' });
    this.connect = page.getByRole('button', { name: 'Connect', exact: true });
    this.timeRange = page.getByRole('combobox', { name: 'Time range' });
    this.autoRefresh = page.getByRole('combobox', { name: 'Auto refresh' });
  }

  async open(path = '/') {
    await this.page.goto(path);
    // The page's own h1 comes first; a text panel's markdown may add more.
    await expect(this.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The uPlot root of a timeseries panel, carrying data-series / data-samples / data-end. */
  chart(title: string): Locator {
    return this.panel(title).locator('.uplot');
  }

  /**
   * Waits until the panel draws at least `min` series with samples, and returns its numbers.
   * The three attributes are read together, in one task of the page, so they describe one draw:
   * a live tick between separate reads could pair one draw's series with another's end.
   */
  async drawn(title: string, min = 1): Promise<{ series: number; samples: number; end: number }> {
    const chart = this.chart(title);
    const read = () =>
      chart.evaluate((el) => {
        const ds = (el as HTMLElement).dataset;
        return { series: Number(ds.series), samples: Number(ds.samples), end: Number(ds.end) };
      });
    await expect(chart).toHaveAttribute('data-series', /^\d+$/);
    let now = { series: 0, samples: 0, end: 0 };
    await expect
      .poll(async () => {
        now = await read();
        return now.series >= min && now.samples > 0 ? 'drawn' : JSON.stringify(now);
      })
      .toBe('drawn');
    return now;
  }

  /**
   * Moves the mouse over a chart at `fraction` of the span it draws data in; returns the
   * tooltip. That span is the plot's width once Prometheus holds the whole range; a Prometheus
   * started for this run holds only its last minutes, drawn at the right, and a point of the
   * plot before them has no value to show (data-start is the first instant with one). The
   * plot's box is read again on every try and the mouse comes in from outside: a late layout
   * change (the legend arriving, a scrollbar) moves the plot, and uPlot measures it again only
   * when the mouse enters.
   */
  async hoverChart(title: string, fraction: number): Promise<Locator> {
    const chart = this.chart(title);
    const over = chart.locator('.u-over');
    const tooltip = this.panel(title).locator('.chart-tooltip');
    await expect(async () => {
      const box = await over.boundingBox();
      if (!box) throw new Error(`"${title}" has no plot yet`);
      const { start, range } = await chart.evaluate((el) => ({
        start: Number((el as HTMLElement).dataset.start || Number.NaN),
        range: ((el as HTMLElement).dataset.xRange ?? '').split(',').map(Number),
      }));
      const [min, max] = range as [number, number];
      // Where data begins, as a fraction of the plot (0 when the range is all drawn).
      const from = max > min && start > min ? Math.min((start - min) / (max - min), 1) : 0;
      const x = from + (1 - from) * fraction;
      await this.page.mouse.move(0, 0);
      await this.page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
      await expect(tooltip).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    return tooltip;
  }

  legend(title: string): Locator {
    return this.panel(title).getByRole('list', { name: 'legend' }).getByRole('button');
  }

  statValue(title: string): Locator {
    return this.panel(title).locator('.stat-value');
  }

  /** A heatmap panel's body, carrying data-buckets / data-cells / data-max-count. */
  heatmap(title: string): Locator {
    return this.panel(title).locator('.panel-body.heatmap');
  }

  /** Waits until a heatmap draws cells; returns what its body says it drew, read at once. */
  async heatmapDrawn(title: string): Promise<{ buckets: number; cells: number; maxCount: number }> {
    const body = this.heatmap(title);
    await expect(body).toHaveAttribute('data-cells', /^[1-9]\d*$/);
    return body.evaluate((el) => {
      const ds = (el as HTMLElement).dataset;
      return {
        buckets: Number(ds.buckets),
        cells: Number(ds.cells),
        maxCount: Number(ds.maxCount),
      };
    });
  }

  /**
   * Hovers a heatmap column at `fraction` of the plot's width, from the bottom row up, until
   * a cell answers with a tooltip; returns the tooltip. As in hoverChart, the box is read
   * again and the mouse comes in from outside on every try.
   */
  async hoverHeatmapCell(title: string, fraction: number): Promise<Locator> {
    const over = this.heatmap(title).locator('.u-over');
    const tooltip = this.heatmap(title).locator('.heatmap-tooltip');
    await expect(async () => {
      const box = await over.boundingBox();
      if (!box) throw new Error(`"${title}" has no plot yet`);
      await this.page.mouse.move(0, 0);
      for (let y = box.height - 2; y > 0; y -= 6) {
        await this.page.mouse.move(box.x + box.width * fraction, box.y + y);
        // uPlot draws the cursor and the tooltip in the mousemove handler itself.
        if (await tooltip.isVisible()) return;
      }
      throw new Error(`no heatmap cell under x = ${fraction} of "${title}"`);
    }).toPass({ timeout: 20_000 });
    return tooltip;
  }
}
