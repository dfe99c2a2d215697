// Importing a Grafana dashboard from the list page's "Import" dialog: pasted JSON, the
// server's report of what is not drawn, a JSON error caught before sending, and the
// server's refusal to replace an existing uid without "Overwrite existing".
import type { Page } from '@playwright/test';
import { expect, grafanaFixture, haveGrafanaFixtures, NO_FIXTURES, test } from '../fixtures.ts';

const fixture = (haveGrafanaFixtures ? grafanaFixture('pool-overview.json') : {}) as {
  uid: string;
  title: string;
};
const fixtureText = JSON.stringify(fixture, null, 2);

async function openImport(page: Page) {
  await page.goto('/dashboards');
  await expect(
    page.getByRole('list', { name: 'Dashboard list' }).getByRole('link').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  return dialog;
}

test('a pasted Grafana dashboard is imported, its issues listed, and it opens', async ({
  page,
}, testInfo) => {
  test.skip(!haveGrafanaFixtures, NO_FIXTURES);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox').fill(fixtureText);
  await dialog.getByRole('checkbox', { name: 'Overwrite existing' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const result = dialog.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText(`Imported ${fixture.title}`);
  const issues = result.getByRole('list', { name: 'Import issues' }).getByRole('listitem');
  // Every option not drawn, per panel, in the words of Grafana's editor; never "Everything
  // was mapped" beside them.
  await expect(issues).toHaveCount(11);
  await expect(issues.filter({ hasText: 'old table sort by column 5 is not applied' })).toHaveCount(
    1,
  );
  await expect(
    issues.filter({ hasText: 'cell type color-text is not drawn' }).first(),
  ).toBeVisible();
  await expect(result).not.toContainText('Everything was mapped');
  await expect(result).toContainText('11 options are not drawn here (kept in the JSON):');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // The list behind the dialog is refreshed with the new dashboard.
  await expect(
    page.getByRole('list', { name: 'Dashboard list' }).getByRole('link', { name: fixture.title }),
  ).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('import-dialog.png') });
  if (process.env.IMPORT_SCREENSHOT) await page.screenshot({ path: process.env.IMPORT_SCREENSHOT });

  // Importing again without "Overwrite existing" is refused with the server's own words.
  await dialog.getByRole('checkbox', { name: 'Overwrite existing' }).uncheck();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `A dashboard with uid "${fixture.uid}" exists; import with overwrite to replace it`,
  );
  await expect(result).toHaveCount(0);

  // Back with overwrite, then follow the link to the dashboard.
  await dialog.getByRole('checkbox', { name: 'Overwrite existing' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await result.getByRole('link', { name: 'Open dashboard' }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${fixture.uid}/`));
  await expect(page.getByRole('heading', { level: 1, name: fixture.title })).toBeVisible();
  // The same words on the panel's ⓘ as in the import answer.
  const note = page
    .getByRole('region', { name: 'Pool Overview', exact: true })
    .getByRole('img', { name: /^Not drawn here/ });
  await expect(note).toHaveAccessibleName(/old table sort by column 5 is not applied/);
  await expect(note).toHaveAccessibleName(/override "Value #D": cell type color-text is not drawn/);
});

test('malformed JSON is reported in the dialog and nothing is sent', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  const dialog = await openImport(page);
  const list = page.getByRole('list', { name: 'Dashboard list' });

  await dialog.getByRole('textbox').fill('{"title":');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(/^Not valid JSON: \S/);
  await expect(dialog.getByRole('status')).toHaveCount(0);
  expect(posts).toEqual([]);

  // The same from a picked file: its text lands in the textarea, and is refused the same way.
  await dialog.getByRole('textbox').fill('');
  await dialog.getByLabel('Grafana dashboard JSON file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"title": "Broken", '),
  });
  await expect(dialog.getByRole('textbox')).toHaveValue('{"title": "Broken", ');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(/^Not valid JSON: \S/);
  expect(posts).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Other specs save dashboards on the shared server meanwhile, so the list is not compared
  // with itself before; nothing named Broken reached the list or the server.
  await expect(list.getByRole('link')).not.toHaveCount(0);
  await expect(list.getByRole('link', { name: 'Broken', exact: true })).toHaveCount(0);
  const hits = (await (await page.request.get('/api/search?query=Broken')).json()) as {
    title: string;
  }[];
  expect(hits.map((h) => h.title)).not.toContain('Broken');
  expect(posts).toEqual([]);
});

test('a dashboard over MAX_PANELS is refused with the count and the limit, and not saved', async ({
  page,
}) => {
  // 1001 panels, most in a collapsed row: over the server's default limit of 1000.
  const stat = (id: number) => ({ id, type: 'stat', gridPos: { x: 0, y: id, w: 6, h: 4 } });
  const dashboard = {
    uid: 'e2e-too-many-panels',
    title: 'Too many panels',
    panels: [
      stat(1),
      {
        id: 2,
        type: 'row',
        collapsed: true,
        gridPos: { x: 0, y: 2, w: 24, h: 1 },
        panels: Array.from({ length: 999 }, (_, i) => stat(i + 3)),
      },
    ],
  };
  const dialog = await openImport(page);
  await dialog.getByRole('textbox').fill(JSON.stringify(dashboard));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    "dashboard.panels: 1001 panels (rows and the panels inside them included) is over this server's limit of 1000 (MAX_PANELS)",
  );
  await expect(dialog.getByRole('status', { name: 'Import result' })).toHaveCount(0);
  const hits = (await (await page.request.get('/api/search?query=Too many panels')).json()) as [];
  expect(hits).toEqual([]);
});
