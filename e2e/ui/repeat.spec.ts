// Repeating panels on a real Prometheus: one copy per selected value, side by side, each
// querying its own value; a changed selection changes the copies.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';

test('a repeated panel is drawn once per selected value, each with its own series', async ({
  page,
  request,
}, testInfo) => {
  const uid = `repeat-${testInfo.workerIndex}`;
  const saved = await request.post('/api/dashboards/db', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      overwrite: true,
      dashboard: {
        uid,
        title: 'Repeat e2e',
        time: { from: 'now-5m', to: 'now' },
        templating: {
          list: [
            {
              type: 'custom',
              name: 'job',
              query: 'prometheus,demo,promscope',
              multi: true,
              includeAll: true,
              current: { text: 'All', value: '$__all' },
            },
          ],
        },
        panels: [
          {
            id: 1,
            type: 'timeseries',
            title: 'Up of $job',
            repeat: 'job',
            gridPos: { x: 0, y: 0, w: 8, h: 7 },
            links: [{ title: 'Runbook of $job', url: '/runbooks/$job' }],
            targets: [{ refId: 'A', expr: 'up{job=~"$job"}', legendFormat: '{{job}}' }],
          },
          {
            id: 2,
            type: 'stat',
            title: 'Below',
            gridPos: { x: 0, y: 7, w: 24, h: 4 },
            targets: [{ refId: 'A', expr: 'count(up)' }],
          },
        ],
      },
    },
  });
  expect(saved.status()).toBe(200);

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  const titles = ['Up of prometheus', 'Up of demo', 'Up of promscope'];
  for (const t of titles) {
    const drawn = await dash.drawn(t, 1);
    expect(drawn.series).toBe(1);
    await expect(dash.panel(t).locator('.legend')).toContainText(t.slice('Up of '.length));
  }
  // Side by side on one line, a third of the width each; the stat moved below them.
  const boxes = await Promise.all(titles.map((t) => dash.panel(t).boundingBox()));
  expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  const below = await dash.panel('Below').boundingBox();
  expect(below!.y).toBeGreaterThanOrEqual(boxes[0]!.y + boxes[0]!.height);

  // Each copy's link has its own value.
  await dash.panel('Up of demo').getByRole('button', { name: 'Links of panel Up of demo' }).click();
  await expect(
    page.getByRole('menu', { name: 'Links of panel Up of demo' }).getByRole('menuitem'),
  ).toHaveAttribute('href', '/runbooks/demo');
  await page.keyboard.press('Escape');

  // Two values selected: two copies.
  await dash.open(`/d/${uid}?var-job=demo&var-job=prometheus`);
  await dash.drawn('Up of demo', 1);
  await dash.drawn('Up of prometheus', 1);
  await expect(dash.panel('Up of promscope')).toHaveCount(0);
});

test('a repeated row is copied with its panels, one per value, each querying its value', async ({
  page,
  request,
}, testInfo) => {
  const uid = `repeat-row-${testInfo.workerIndex}`;
  await createDashboard(request, {
    uid,
    title: 'Repeat row e2e',
    time: { from: 'now-5m', to: 'now' },
    templating: {
      list: [
        {
          type: 'custom',
          name: 'job',
          query: 'prometheus,demo',
          multi: true,
          current: { text: ['prometheus', 'demo'], value: ['prometheus', 'demo'] },
        },
      ],
    },
    panels: [
      {
        id: 1,
        type: 'row',
        title: 'Job $job',
        repeat: 'job',
        gridPos: { x: 0, y: 0, w: 24, h: 1 },
      },
      {
        id: 2,
        type: 'timeseries',
        title: 'Targets of $job',
        gridPos: { x: 0, y: 1, w: 24, h: 6 },
        targets: [{ refId: 'A', expr: 'up{job="$job"}', legendFormat: '{{job}}' }],
      },
    ],
  });

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  await expect(page.locator('.row-toggle')).toHaveText([/Job prometheus/, /Job demo/]);
  for (const job of ['prometheus', 'demo']) {
    expect((await dash.drawn(`Targets of ${job}`, 1)).series).toBe(1);
    await expect(dash.panel(`Targets of ${job}`).locator('.legend')).toContainText(job);
  }
  // Closing one copy of the row hides only its own panel.
  await page.locator('.row-toggle', { hasText: 'Job prometheus' }).click();
  await expect(dash.panel('Targets of prometheus')).toHaveCount(0);
  await expect(dash.panel('Targets of demo')).toBeVisible();
});
