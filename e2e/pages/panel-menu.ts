// Page object for a panel's menu and the Inspect drawer it opens.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class PanelMenu {
  constructor(
    readonly page: Page,
    readonly panel: Locator,
    readonly title: string,
  ) {}

  get button(): Locator {
    return this.panel.getByRole('button', { name: `Menu for panel ${this.title}` });
  }

  get menu(): Locator {
    return this.page.getByRole('menu', { name: `Panel ${this.title}` });
  }

  item(name: string): Locator {
    return this.menu.getByRole('menuitem', { name });
  }

  async open(): Promise<Locator> {
    await this.panel.hover();
    await this.button.click();
    await expect(this.menu).toBeVisible();
    return this.menu;
  }

  async pick(name: 'View' | 'Back to dashboard' | 'Edit' | 'Explore' | 'Inspect') {
    await this.open();
    await this.item(name).click();
  }
}

export class InspectDrawer {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Inspect: / });
  }

  tab(name: 'Data' | 'Query' | 'JSON'): Locator {
    return this.dialog.getByRole('tab', { name, exact: true });
  }

  /** One fact of query `refId` on the Query tab (Step, Expression, Query string…). */
  fact(refId: string, name: string): Locator {
    return this.dialog
      .getByRole('region', { name: `Query ${refId}` })
      .locator(`[data-fact="${name}"] dd`);
  }

  get table(): Locator {
    return this.dialog.getByRole('table', { name: 'Data' });
  }

  /** The Data tab's table: column headers and, per row, time (s) and raw cells. */
  async readTable(): Promise<{ headers: string[]; rows: { time: number; cells: string[] }[] }> {
    return this.table.evaluate((table) => ({
      headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => {
        const tds = [...tr.querySelectorAll('td')];
        return {
          time: Number(tds[0]?.getAttribute('data-time')),
          cells: tds.slice(1).map((td) => td.getAttribute('data-value') ?? ''),
        };
      }),
    }));
  }
}
