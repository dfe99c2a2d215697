// An option Promscope keeps but does not draw is said twice: in the import answer, per panel,
// and on the panel itself beside its title. The panel still draws what it can.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

test('options not drawn are reported on import and shown on the panel', async ({
  page,
  request,
}, testInfo) => {
  const uid = `undrawn-${testInfo.workerIndex}`;
  const res = await request.post('/api/dashboards/import', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      overwrite: true,
      dashboard: {
        uid,
        title: 'Undrawn e2e',
        schemaVersion: 39,
        time: { from: 'now-15m', to: 'now' },
        panels: [
          {
            id: 1,
            type: 'timeseries',
            title: 'Up organised',
            gridPos: { x: 0, y: 0, w: 12, h: 8 },
            transformations: [{ id: 'organize', options: {} }],
            targets: [{ refId: 'A', expr: 'up', exemplar: true }],
          },
          {
            id: 2,
            type: 'timeseries',
            title: 'Up plain',
            gridPos: { x: 12, y: 0, w: 12, h: 8 },
            targets: [{ refId: 'A', expr: 'up' }],
          },
        ],
      },
    },
  });
  expect(res.status()).toBe(200);
  const answer = (await res.json()) as { issues: { panelId?: number; message: string }[] };
  expect(answer.issues).toEqual([
    expect.objectContaining({ panelId: 1, message: 'transformations are not applied (organize)' }),
    expect.objectContaining({ panelId: 1, message: 'exemplars are not drawn' }),
  ]);

  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  const note = dash.panel('Up organised').getByRole('img', { name: /^Not drawn here/ });
  await expect(note).toHaveAccessibleName(
    'Not drawn here: transformations are not applied (organize); exemplars are not drawn',
  );
  await expect(dash.panel('Up plain').getByRole('img', { name: /^Not drawn here/ })).toHaveCount(0);
  // Still drawn: the series Prometheus has for `up`.
  const drawn = await dash.drawn('Up organised', 1);
  expect(drawn.samples).toBeGreaterThan(0);
});
