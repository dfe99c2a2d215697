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
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
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
}
