// Page object for the Variables tab of dashboard settings: the list of variables and the
// editor of one, with its preview of values.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class VariablesSettingsPage {
  readonly table: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Variables' });
    this.preview = page.getByRole('list', { name: 'Preview of values' }).getByRole('listitem');
  }

  /** From the dashboard in edit mode: Settings, then the Variables tab. */
  async open() {
    await this.page.getByRole('button', { name: 'Settings' }).click();
    await this.page.getByRole('tab', { name: 'Variables' }).click();
    await expect(this.page).toHaveURL(/editview=variables/);
  }

  /** The variable names in list order, as the list shows them (`$name`). */
  names(): Locator {
    return this.table.locator('.variable-link');
  }

  row(name: string): Locator {
    return this.table.locator(`tr[data-variable-row="${name}"]`);
  }

  async edit(name: string) {
    await this.page.getByRole('button', { name: `Edit variable ${name}`, exact: true }).click();
    await expect(this.page).toHaveURL(/editIndex=\d+/);
  }

  /** A field of the editor by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  check(label: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${label}`) });
  }

  /** Types a text that applies when left (query, regex, values) and leaves the field. */
  async setText(label: string, text: string) {
    await this.field(label).fill(text);
    await this.field(label).blur();
  }

  nameError(): Locator {
    return this.page.locator('.field-error');
  }

  async backToList() {
    await this.page.getByRole('button', { name: 'Back to list' }).click();
    await expect(this.table).toBeVisible();
  }
}
