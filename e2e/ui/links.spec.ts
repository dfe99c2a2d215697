// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${__url_time_range} is what this link uses
// Grafana's dashboard and panel links: a URL link carrying the variables and the time range,
// a tag link listing the dashboards with those tags (as a dropdown), a panel's links in its
// header, and a `javascript:` link shown as refused text. Links follow a variable's change.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const json = { 'Content-Type': 'application/json' };
const TAG = 'links-e2e-target';

test('dashboard and panel links carry the variables and the range; script links are refused', async ({
  page,
  request,
}, testInfo) => {
  const uid = `links-${testInfo.workerIndex}`;
  for (const [u, title] of [
    ['links-target-b', 'Links target B'],
    ['links-target-a', 'Links target A'],
  ]) {
    const res = await request.post('/api/dashboards/db', {
      headers: json,
      data: { dashboard: { uid: u, title, tags: [TAG, 'e2e-links'], panels: [] }, overwrite: true },
    });
    expect(res.status()).toBe(200);
  }
  const dashboard = {
    uid,
    title: 'Links e2e',
    tags: [TAG],
    time: { from: 'now-30m', to: 'now' },
    templating: {
      list: [{ type: 'textbox', name: 'env', query: 'prod', current: { value: 'prod' } }],
    },
    links: [
      {
        type: 'link',
        title: 'Runbook for $env',
        url: 'https://runbooks.example/$env',
        includeVars: true,
        keepTime: true,
        targetBlank: true,
        tooltip: 'The runbook',
      },
      { type: 'link', title: 'Evil', url: 'javascript:window.__xss=1' },
      {
        type: 'dashboards',
        title: 'Related',
        tags: [TAG, 'e2e-links'],
        asDropdown: true,
        keepTime: true,
      },
    ],
    panels: [
      {
        id: 1,
        type: 'text',
        title: 'Notes',
        gridPos: { x: 0, y: 0, w: 12, h: 4 },
        options: { mode: 'markdown', content: 'Linked' },
        links: [{ title: 'Logs of $env', url: '/explore?${__url_time_range}&env=$env' }],
      },
    ],
  };
  const saved = await request.post('/api/dashboards/db', {
    headers: json,
    data: { dashboard, overwrite: true },
  });
  expect(saved.status()).toBe(200);

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  const bar = page.getByRole('navigation', { name: 'Dashboard links' });
  const runbook = bar.getByRole('link', { name: 'Runbook for prod' });
  await expect(runbook).toHaveAttribute(
    'href',
    'https://runbooks.example/prod?from=now-30m&to=now&var-env=prod',
  );
  await expect(runbook).toHaveAttribute('target', '_blank');
  await expect(runbook).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(runbook).toHaveAttribute('title', 'The runbook');

  // The script link is words, not a link, and says why.
  await expect(bar.getByRole('link', { name: 'Evil' })).toHaveCount(0);
  await expect(bar.getByText('Evil')).toHaveAttribute(
    'title',
    'Not a link: javascript: links are not followed',
  );
  expect(await page.locator('a[href^="javascript"]').count()).toBe(0);

  // The variable changes: the link follows.
  const env = page.locator('[data-variable="env"] input');
  await env.fill('staging');
  await env.press('Enter');
  await expect(bar.getByRole('link', { name: 'Runbook for staging' })).toHaveAttribute(
    'href',
    'https://runbooks.example/staging?from=now-30m&to=now&var-env=staging',
  );

  // The panel's link, from its header.
  const notes = dash.panel('Notes');
  await notes.getByRole('button', { name: 'Links of panel Notes' }).click();
  const logs = page.getByRole('menu', { name: 'Links of panel Notes' }).getByRole('menuitem');
  await expect(logs).toHaveText(['Logs of staging']);
  await expect(logs).toHaveAttribute('href', '/explore?from=now-30m&to=now&env=staging');
  await page.keyboard.press('Escape');

  // The tag link: both other dashboards, by title, not this one; the range goes along.
  await bar.getByRole('button', { name: 'Related' }).click();
  const related = page.getByRole('menu', { name: 'Related' }).getByRole('menuitem');
  await expect(related).toHaveText(['Links target A', 'Links target B']);
  await related.first().click();
  await expect(page).toHaveURL(/\/d\/links-target-a\/[^?]*\?from=now-30m&to=now$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Links target A' })).toBeVisible();
});
