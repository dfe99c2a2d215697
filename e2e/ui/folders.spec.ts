// Folders in Chromium, on a server provisioned from e2e/fixtures/provisioning: the list shows
// the provider's two folders nested with their counts, search opens the folder with a match, a
// provisioned dashboard draws through the provisioned datasource, and a new dashboard saved
// into a folder through the save dialog's picker is listed inside it.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { EditDashboardPage } from '../pages/edit-page.ts';
import { startProvisioned } from '../provisioning.ts';

let started: Awaited<ReturnType<typeof startProvisioned>>;
const SHOTS = '/work/prompts/shots';

test.beforeAll(async () => {
  started = await startProvisioned('node');
});
test.afterAll(async () => {
  await started?.stop();
});

// A server of its own to start, a dashboard to draw and a save, on a 2-core machine shared with
// the other specs: a budget, not an assertion on time.
test.setTimeout(180_000);

test('the list nests folders, search spans them, and saving into a folder works', async ({
  page,
}) => {
  const base = started.server.url;
  await page.goto(`${base}/dashboards`);
  const list = page.getByRole('list', { name: 'Dashboard list' });
  const teamA = list.getByRole('button', { name: /^Team A 2 dashboards$/ });
  const teamB = list.getByRole('button', { name: /^team-b 1 dashboards$/ });
  await expect(teamA).toHaveAttribute('aria-expanded', 'false');
  await expect(teamB).toHaveAttribute('aria-expanded', 'false');
  // Folders first, then General's dashboard; nothing of a closed folder is listed.
  await expect(list.getByRole('link')).toHaveText(['Provisioned overview']);
  await expect(list.getByText('provisioned', { exact: true })).toHaveCount(3);
  await teamA.click();
  await expect(teamA).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page.getByRole('list', { name: 'Dashboards in Team A' }).getByRole('link'),
  ).toHaveText(['Team A errors', 'Team A latency']);
  await page.screenshot({ path: `${SHOTS}/s7-folders-list.png`, fullPage: true });
  await teamA.click();

  await page.getByRole('searchbox', { name: 'Search dashboards' }).fill('disk');
  await expect(list.getByRole('link')).toHaveText(['Team B disk']);
  await expect(teamB).toHaveAttribute('aria-expanded', 'true');
  await expect(teamA).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search dashboards' }).fill('');

  // A provisioned dashboard in a folder draws through the provisioned datasource.
  await page.getByRole('button', { name: /^Team A/ }).click();
  await list.getByRole('link', { name: 'Team A latency' }).click();
  await expect(page).toHaveURL(/\/d\/prov-a-latency\//);
  expect((await new DashboardPage(page).drawn('Targets up')).series).toBe(1);

  // A new dashboard, saved into "team-b" through the dialog's folder picker.
  await page.goto(`${base}/dashboard/new`);
  const edit = new EditDashboardPage(page);
  await edit.saveButton.click();
  await expect(edit.dialog).toBeVisible();
  const picker = edit.dialog.getByRole('combobox', { name: 'Folder' });
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option')).toHaveText(['Dashboards (General)', 'Team A', 'team-b']);
  await edit.dialog.getByRole('textbox', { name: 'Title' }).fill('Saved in team-b');
  await picker.selectOption({ label: 'team-b' });
  await page.screenshot({ path: `${SHOTS}/s7-save-folder.png` });
  await edit.dialog.getByRole('button', { name: /^Save$/ }).click();
  await expect(page).toHaveURL(/\/d\/[a-z0-9]+\/saved-in-team-b/);

  await page.goto(`${base}/dashboards`);
  const teamB2 = list.getByRole('button', { name: /^team-b 2 dashboards$/ });
  await teamB2.click();
  await expect(
    page.getByRole('list', { name: 'Dashboards in team-b' }).getByRole('link'),
  ).toHaveText(['Saved in team-b', 'Team B disk']);
  await page.screenshot({ path: `${SHOTS}/s7-folders-saved.png`, fullPage: true });
});
