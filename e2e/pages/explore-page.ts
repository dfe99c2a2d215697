// Page object for Explore: query editors by letter, tabs, the graph, the table, the side panel.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class ExplorePage {
  readonly chart: Locator;
  readonly table: Locator;
  readonly info: Locator;
  readonly timeRange: Locator;

  constructor(readonly page: Page) {
    this.chart = page.locator('.graph-box .uplot');
    this.table = page.getByRole('table');
    this.info = page.getByRole('region', { name: 'Query info' });
    this.timeRange = page.getByRole('combobox', { name: 'Time range' });
  }

  async open(query = '') {
    await this.page.goto(`/explore${query}`);
    await expect(this.page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  }

  /** The CodeMirror editor of query A, B… (waits for the lazily loaded editor chunk). */
  editor(refId = 'A'): Locator {
    return this.page
      .locator('.cm-content')
      .and(this.page.getByRole('textbox', { name: `Query ${refId}` }));
  }

  row(refId = 'A'): Locator {
    return this.page
      .locator('.query-row')
      .filter({ has: this.page.getByRole('textbox', { name: `Query ${refId}` }) });
  }

  /** Replaces query `refId` with `expr` and runs it with Enter, as a person would. */
  async run(expr: string, refId = 'A') {
    const editor = this.editor(refId);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(expr);
    await this.page.keyboard.press('Escape'); // close the completion popup, so Enter runs
    await this.page.keyboard.press('Enter');
  }

  tab(name: 'Graph' | 'Table' | 'Metrics' | 'History'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /**
   * Series and samples drawn, once at least `min` series are on the chart; both read in one
   * task of the page, so they describe the same draw.
   */
  async drawn(min = 1): Promise<{ series: number; samples: number }> {
    await expect(this.chart).toHaveAttribute('data-series', /^\d+$/);
    let now = { series: 0, samples: 0 };
    await expect
      .poll(async () => {
        now = await this.chart.evaluate((el) => {
          const ds = (el as HTMLElement).dataset;
          return { series: Number(ds.series), samples: Number(ds.samples) };
        });
        return now.series >= min && now.samples > 0 ? 'drawn' : JSON.stringify(now);
      })
      .toBe('drawn');
    return now;
  }
}
