// The folder breadcrumb before a dashboard's title, as Grafana's toolbar shows it:
// "Dashboards › Folder ›" with each crumb a link to the list, the folder's opening the list at
// that folder. A dashboard in General has the "Dashboards" crumb only.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

test('a dashboard shows its folder breadcrumb, and a crumb opens the list there', async ({
  page,
  request,
}, testInfo) => {
  const folderUid = `crumbs-${testInfo.workerIndex}`;
  const folderTitle = `Crumb <b>folder</b> ${testInfo.workerIndex}`;
  const made = await request.post('/api/folders', { data: { uid: folderUid, title: folderTitle } });
  expect([200, 409]).toContain(made.status());
  const uid = `crumbs-dash-${testInfo.workerIndex}`;
  const saved = await request.post('/api/dashboards/db', {
    data: {
      overwrite: true,
      folderUid,
      dashboard: { uid, title: 'Crumbs e2e', time: { from: 'now-5m', to: 'now' }, panels: [] },
    },
  });
  expect(saved.status()).toBe(200);
  const general = `crumbs-general-${testInfo.workerIndex}`;
  await request.post('/api/dashboards/db', {
    data: { overwrite: true, folderUid: '', dashboard: { uid: general, title: 'In General' } },
  });

  const dash = new DashboardPage(page);
  await dash.open(`/d/${general}`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  await expect(crumbs).toHaveText(['Dashboards']);

  await dash.open(`/d/${uid}`);
  await expect(crumbs).toHaveText(['Dashboards', folderTitle]);
  await expect(crumbs.nth(0)).toHaveAttribute('href', '/dashboards');
  await expect(crumbs.nth(1)).toHaveAttribute('href', new RegExp(`^/dashboards/f/${folderUid}/`));
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText('Crumbs e2e');
  await page.screenshot({ path: '/work/prompts/shots/p3-breadcrumb.png' });

  await crumbs.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/dashboards/f/${folderUid}/`));
  const list = page.getByRole('list', { name: 'Dashboard list' });
  await expect(list.getByRole('button', { name: folderTitle })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(list.getByRole('link', { name: 'Crumbs e2e' })).toBeVisible();
});
