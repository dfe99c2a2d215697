// Removing a datasource added in the header: a confirmation first, then the page moves to the
// default datasource and the removed one is gone from the list, the server and DATA_DIR. The
// configured datasource has no Remove button. A server of the spec's own (its own DATA_DIR),
// on the real Prometheus of the global setup, reached under a second name to add it again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type ServerProcess, startPromscope } from '../server-process.ts';

test('an added datasource is removed after a confirmation, and the page moves to the default', async ({
  page,
}) => {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-ds-remove-'));
  let server: ServerProcess | undefined;
  try {
    server = await startPromscope('node', {
      PROMETHEUS_URL: prometheusUrl(),
      DATA_DIR: join(tmp, 'data'),
      DASHBOARDS_DIR: join(tmp, 'dashboards'),
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const picker = page.getByRole('combobox', { name: 'Datasource' });
    const health = page.getByRole('status', { name: 'Datasource health' });
    const removeButton = page.getByRole('button', { name: 'Remove datasource' });

    await page.goto(`${server.url}/explore`);
    await expect(health).toHaveAttribute('data-state', 'up');
    await expect(removeButton).toHaveCount(0); // the configured one stays

    const second = prometheusUrl().replace('127.0.0.1', 'localhost');
    await page.getByRole('textbox', { name: 'Prometheus URL' }).fill(second);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(picker.locator('option')).toHaveCount(2);
    const added = await picker.inputValue();
    expect(added).not.toBe('prometheus');
    await expect(page).toHaveURL(new RegExp(`[?&]ds=${added}(&|$)`));
    await expect(health).toContainText(second.replace(/^http:\/\//, ''));

    // Cancel changes nothing.
    await removeButton.click();
    const dialog = page.getByRole('dialog', { name: 'Remove datasource' });
    await expect(dialog).toContainText(second);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(picker.locator('option')).toHaveCount(2);
    await expect(picker).toHaveValue(added);

    // Confirmed: gone, and the page is on the default datasource.
    await removeButton.click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(picker.locator('option')).toHaveCount(1);
    await expect(picker).toHaveValue('prometheus');
    await expect(page).toHaveURL(/[?&]ds=prometheus(&|$)/);
    await expect(health).toHaveAttribute('data-state', 'up');
    await expect(removeButton).toHaveCount(0);

    const listed = (await (await page.request.get(`${server.url}/api/datasources`)).json()) as {
      uid: string;
    }[];
    expect(listed.map((d) => d.uid)).toEqual(['prometheus']);
    const stored = JSON.parse(await readFile(join(tmp, 'data', 'datasources.json'), 'utf8'));
    expect(stored).toEqual({ datasources: [] });

    await page.reload();
    await expect(picker.locator('option')).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});
