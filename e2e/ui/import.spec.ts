// Importing a real public Grafana dashboard (unbound-full.json from shared/) and opening it.
import { expect, grafanaFixture, haveGrafanaFixtures, NO_FIXTURES, test } from '../fixtures.ts';

test.skip(!haveGrafanaFixtures, NO_FIXTURES);

test('an imported Grafana dashboard opens with its rows and panels laid out', async ({
  page,
  request,
}) => {
  const source = grafanaFixture('unbound-full.json') as { uid: string; panels: { type: string }[] };
  const res = await request.post('/api/dashboards/import', {
    headers: { 'Content-Type': 'application/json' },
    data: { dashboard: source, overwrite: true },
  });
  expect(res.status()).toBe(200);
  const answer = await res.json();
  expect(answer).toMatchObject({ imported: true, uid: source.uid });
  // Not "everything mapped": one heatmap's y-axis minimum and bucket layout are not drawn,
  // each reported against its panel (the graphs' tooltip sorts are drawn).
  expect(answer.issues).toHaveLength(2);
  for (const issue of answer.issues) expect(issue.panelTitle).toEqual(expect.any(String));

  await page.goto(answer.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Unbound Full' })).toBeVisible();
  // Seven rows: Principal open with its panels, the others closed with their counts.
  const rows = page.locator('.row-toggle');
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: /^Queries detail/ })).toContainText('(8 panels)');
  const openPanels = page.locator('.grid-item:not([data-panel-type="row"])');
  const before = await openPanels.count();
  expect(before).toBe(source.panels.filter((p: { type: string }) => p.type !== 'row').length);
  await page.getByRole('button', { name: /^Queries detail/ }).click();
  await expect(openPanels).toHaveCount(before + 8);
  // Panels sit side by side within the 24 columns, never on top of each other.
  const boxes = await openPanels.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().toJSON()),
  );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.left < b.right - 1 &&
        b.left < a.right - 1 &&
        a.top < b.bottom - 1 &&
        b.top < a.bottom - 1;
      expect(overlap).toBe(false);
    }
  }
});
