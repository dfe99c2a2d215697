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
    this.connect = page.getByRole('button', { name: 'Connect' });
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

  /** Waits until the panel draws at least `min` series with samples, and returns its numbers. */
  async drawn(title: string, min = 1): Promise<{ series: number; samples: number; end: number }> {
    const chart = this.chart(title);
    await expect(chart).toHaveAttribute('data-series', /^[1-9]\d*$/);
    await expect
      .poll(async () => Number(await chart.getAttribute('data-series')))
      .toBeGreaterThanOrEqual(min);
    await expect
      .poll(async () => Number(await chart.getAttribute('data-samples')))
      .toBeGreaterThan(0);
    return {
      series: Number(await chart.getAttribute('data-series')),
      samples: Number(await chart.getAttribute('data-samples')),
      end: Number(await chart.getAttribute('data-end')),
    };
  }

  /** Moves the mouse over a chart at `fraction` of its width; returns the tooltip. */
  async hoverChart(title: string, fraction: number): Promise<Locator> {
    const over = this.chart(title).locator('.u-over');
    const box = (await over.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
    const tooltip = this.panel(title).locator('.chart-tooltip');
    await expect(tooltip).toBeVisible();
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

  /** Waits until a heatmap draws cells; returns what its body says it drew. */
  async heatmapDrawn(title: string): Promise<{ buckets: number; cells: number; maxCount: number }> {
    const body = this.heatmap(title);
    await expect(body).toHaveAttribute('data-cells', /^[1-9]\d*$/);
    return {
      buckets: Number(await body.getAttribute('data-buckets')),
      cells: Number(await body.getAttribute('data-cells')),
      maxCount: Number(await body.getAttribute('data-max-count')),
    };
  }

  /**
   * Hovers a heatmap column at `fraction` of the plot's width, from the bottom row up, until
   * a cell answers with a tooltip; returns the tooltip.
   */
  async hoverHeatmapCell(title: string, fraction: number): Promise<Locator> {
    const over = this.heatmap(title).locator('.u-over');
    const tooltip = this.heatmap(title).locator('.heatmap-tooltip');
    const box = (await over.boundingBox())!;
    for (let y = box.height - 2; y > 0; y -= 6) {
      await this.page.mouse.move(box.x + box.width * fraction, box.y + y);
      if (await tooltip.isVisible()) return tooltip;
    }
    throw new Error(`no heatmap cell under x = ${fraction} of "${title}"`);
  }
}
