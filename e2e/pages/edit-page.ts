// Page object for editing a dashboard: edit mode, dragging and resizing on the grid, the panel
// editor, and the save and conflict dialogs.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { DashboardPage } from './dashboard-page.ts';

const GAP = 8; // px between grid cells (styles.css --gap)
const ROW = 30; // px: one grid row

export class EditDashboardPage extends DashboardPage {
  readonly grid: Locator;
  readonly saveButton: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.grid = page.locator('.grid');
    this.saveButton = page.getByRole('button', { name: /^Save (dashboard|as copy)$/ });
    this.dialog = page.getByRole('dialog');
  }

  async edit() {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(this.page.locator('.grid.editing, .empty-dashboard').first()).toBeVisible();
  }

  /** The grid cell of a panel: its box, edit buttons and resize handle. */
  item(title: string): Locator {
    return this.page.locator('.grid-item').filter({ has: this.panel(title) });
  }

  /** One grid cell's step in px: a column (width share plus gap) and a row (30 px plus gap). */
  async cell(): Promise<{ w: number; h: number }> {
    const box = (await this.grid.boundingBox())!;
    return { w: (box.width - 23 * GAP) / 24 + GAP, h: ROW + GAP };
  }

  /** Drags a panel by its header by whole cells, with the pointer, as a person would. */
  async drag(title: string, cols: number, rows: number) {
    const header = this.item(title).locator('.panel-header');
    const box = (await header.boundingBox())!;
    const cell = await this.cell();
    const x = box.x + 40;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + cols * cell.w, y + rows * cell.h, { steps: 10 });
    await expect(this.page.locator('.grid-placeholder')).toBeVisible();
    await this.page.mouse.up();
  }

  /** Drags a panel's bottom-right handle by whole cells. */
  async resize(title: string, cols: number, rows: number) {
    const handle = this.item(title).locator('.resize-handle');
    const box = (await handle.boundingBox())!;
    const cell = await this.cell();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + cols * cell.w, y + rows * cell.h, { steps: 10 });
    await this.page.mouse.up();
  }

  /** The PromQL editor of query `refId` in the panel editor (the lazily loaded CodeMirror). */
  queryEditor(refId = 'A'): Locator {
    return this.page
      .locator('.cm-content')
      .and(this.page.getByRole('textbox', { name: `Query ${refId}` }));
  }

  async setQuery(expr: string, refId = 'A') {
    await this.queryEditor(refId).click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(expr);
    await this.page.keyboard.press('Escape'); // close the completion popup, so Enter runs
    await this.page.keyboard.press('Enter');
  }

  options(): Locator {
    return this.page.getByRole('complementary', { name: 'Panel options' });
  }

  async backToDashboard() {
    await this.page.getByRole('button', { name: 'Back to dashboard' }).click();
    await expect(this.page.locator('.grid.editing')).toBeVisible();
  }

  /** Opens the save dialog and saves; `title` for a new dashboard or a copy. */
  async save(opts: { title?: string; message?: string } = {}) {
    await this.saveButton.click();
    await expect(this.dialog).toBeVisible();
    if (opts.title !== undefined) {
      await this.dialog.getByRole('textbox', { name: 'Title' }).fill(opts.title);
    }
    if (opts.message !== undefined) {
      await this.dialog.getByRole('textbox', { name: 'Message (optional)' }).fill(opts.message);
    }
    await this.dialog.getByRole('button', { name: /^Save( as copy)?$/ }).click();
  }
}

/**
 * Playwright's API client keeps its connection to the server open between calls, and the
 * server closes one idle for 5 s (Node's keep-alive timeout). A test that saves through the API
 * at its start and reads the result at its end, after more than 5 s of UI, can send its read
 * on the connection just as the server closes it: ECONNRESET ("socket hang up"), seen on a
 * loaded machine. Browsers retry an idempotent request that failed that way on a reused
 * connection; these helpers do the same, once, for their GET.
 */
const RESET_RETRIES = 1;

/** The built-in annotation entry every Grafana dashboard export carries. */
export const GRAFANA_BUILT_IN_ANNOTATION = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

/**
 * Saves a dashboard through the API as a test's starting point, over whatever that uid held
 * (`overwrite`: a uid made from the worker index is saved again when the worker runs the
 * test's twin in another project); returns its uid.
 */
export async function createDashboard(
  request: APIRequestContext,
  dashboard: Record<string, unknown>,
): Promise<string> {
  const res = await request.post('/api/dashboards/db', { data: { overwrite: true, dashboard } });
  expect(res.status()).toBe(200);
  return (await res.json()).uid;
}

export async function storedDashboard(
  request: APIRequestContext,
  uid: string,
): Promise<{ dashboard: Record<string, unknown>; meta: { version: number } }> {
  const res = await request.get(`/api/dashboards/uid/${uid}`, { maxRetries: RESET_RETRIES });
  expect(res.status()).toBe(200);
  return res.json();
}
