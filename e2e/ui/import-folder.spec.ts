// Import into a folder (Grafana's import API takes folderUid): the Import dialog offers the
// same folder picker as Save, and the dashboard lands in the folder picked; the API refuses a
// folder that does not exist, naming it, and writes nothing.
import { expect, test } from '../fixtures.ts';

test('the Import dialog imports into the folder picked', async ({ page, request }, testInfo) => {
  const folderUid = `imp-folder-${testInfo.workerIndex}`;
  const folderTitle = `Imported here ${testInfo.workerIndex}`;
  const made = await request.post('/api/folders', { data: { uid: folderUid, title: folderTitle } });
  expect([200, 409]).toContain(made.status());
  const uid = `imp-into-folder-${testInfo.workerIndex}`;
  await request.delete(`/api/dashboards/uid/${uid}`);

  await page.goto('/dashboards');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
  await expect(dialog).toBeVisible();
  await dialog
    .getByRole('textbox')
    .fill(JSON.stringify({ uid, title: 'Into a folder', panels: [] }));
  const picker = dialog.getByRole('combobox', { name: 'Folder' });
  await expect(picker).toHaveValue('');
  await expect(picker.getByRole('option', { name: folderTitle })).toHaveCount(1);
  await picker.selectOption({ label: folderTitle });
  await page.screenshot({ path: '/work/prompts/shots/p3-import-folder.png' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText(
    'Imported Into a folder',
  );
  const got = await (await request.get(`/api/dashboards/uid/${uid}`)).json();
  expect(got.meta.folderUid).toBe(folderUid);
  expect(got.meta.folderTitle).toBe(folderTitle);
});

test('import and save refuse a folder that does not exist', async ({ request }, testInfo) => {
  const uid = `imp-no-folder-${testInfo.workerIndex}`;
  const dashboard = { uid, title: 'Nowhere', panels: [] };
  for (const path of ['/api/dashboards/import', '/api/dashboards/db']) {
    const res = await request.post(path, { data: { dashboard, folderUid: 'no-such-folder' } });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.errorType).toBe('folder_not_found');
    expect(body.error).toContain('"no-such-folder"');
  }
  expect((await request.get(`/api/dashboards/uid/${uid}`)).status()).toBe(404);
});
