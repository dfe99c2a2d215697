// The Alerts, Rules and Targets pages and the alert list panel in Chromium, on the real
// Prometheus of the global setup (e2e/alerting-rules.ts: PromscopeAlwaysFiring, PromscopePending,
// job:up:sum, and a scrape job `down` on a closed port). What is checked is what a user reads:
// states, labels, the rule's health, the target's error, and where links go.
import { expect, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

test('the Alerts page shows the firing and the pending alert, grouped by rule, with labels', async ({
  page,
}) => {
  // From the header's navigation, on a light page (the home dashboard draws many panels).
  await page.goto('/dashboards');
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Alerts' })
    .click();
  await expect(page).toHaveURL(/\/alerting$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Alerts');

  const firing = page.getByRole('region', { name: 'Alert rule PromscopeAlwaysFiring' });
  await expect(firing).toHaveAttribute('data-state', 'firing');
  await expect(firing.locator('.rule-definition')).toContainText(
    'Always firing, for the end-to-end tests',
  );
  const row = firing.getByRole('row').nth(1);
  await expect(row).toHaveAttribute('data-state', 'firing');
  await expect(row.locator('.alert-label')).toHaveText(['severity="warning"']);
  await expect(row.getByRole('cell').nth(2)).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(.+ ago\)$/,
  );
  await expect(row.getByRole('cell').nth(3)).toHaveText('1e+00');

  const pending = page.getByRole('region', { name: 'Alert rule PromscopePending' });
  await expect(pending).toHaveAttribute('data-state', 'pending');
  // expr, for, labels, then annotations: `for: 1h`.
  await expect(pending.locator('.rule-definition dt')).toHaveText([
    'expr',
    'for',
    'labels',
    'summary',
  ]);
  await expect(pending.locator('.rule-definition dd').nth(1)).toHaveText('1h');
  await expect(pending.getByRole('row').nth(1).locator('.alert-label')).toHaveText([
    'severity="info"',
  ]);
});

test('the Alerts page filters by state and by label matchers', async ({ page }) => {
  await page.goto('/alerting');
  const firing = page.getByRole('region', { name: 'Alert rule PromscopeAlwaysFiring' });
  const pending = page.getByRole('region', { name: 'Alert rule PromscopePending' });
  await expect(pending).toBeVisible();

  // By state: firing only.
  await page.getByRole('checkbox', { name: /Pending/ }).uncheck();
  await expect(page).toHaveURL(/state=firing/);
  await expect(pending).toHaveCount(0);
  await expect(firing).toBeVisible();
  await page.getByRole('checkbox', { name: /Pending/ }).check();

  // By labels, as Grafana's matchers; a bad one is said so.
  const filter = page.getByRole('searchbox', { name: 'Filter alerts by labels' });
  await filter.fill('severity="info"');
  await expect(pending).toBeVisible();
  await expect(firing).toHaveCount(0);
  await filter.fill('severity=~"warn.*"');
  await expect(firing).toBeVisible();
  await expect(pending).toHaveCount(0);
  await filter.fill('severity');
  await expect(page.getByRole('alert')).toHaveText(
    '"severity" is not a matcher such as severity="critical"',
  );
  await filter.fill('severity="none"');
  await expect(page.locator('.alerting-empty')).toHaveText(
    'No alert rule is firing or pending with alerts matching severity="none".',
  );
});

test('the Rules page shows the group, the recording rule healthy, and links to Explore', async ({
  page,
}) => {
  await page.goto('/rules');
  const group = page.getByRole('region', { name: 'Rule group promscope-e2e' });
  await expect(group.locator('.rule-group-head')).toContainText(/rules\.yml/);
  await expect(group.locator('.rule-group-head')).toContainText('interval 1s');
  await expect(group.locator('.rule-group-head')).toContainText(/last evaluation .+ ago/);
  const recording = group.locator('tr[data-type="recording"]');
  await expect(recording).toHaveCount(1);
  await expect(recording).toContainText('record: job:up:sum');
  await expect(recording).toHaveAttribute('data-health', 'ok');
  await expect(recording.locator('.alert-state')).toHaveText(['ok']);
  await expect(recording.getByRole('cell').nth(3)).toHaveText(/ago$/);
  await expect(recording.getByRole('cell').nth(4)).toHaveText(/^[\d.]+(ms|s)$/);
  await expect(group.locator('tr[data-type="alerting"]')).toHaveCount(2);

  // Only unhealthy: every rule here is ok.
  await page.getByRole('checkbox', { name: 'Only unhealthy' }).check();
  await expect(page.locator('.alerting-empty')).toHaveText('No rule is unhealthy.');
  await page.getByRole('checkbox', { name: 'Only unhealthy' }).uncheck();

  await recording.getByRole('link', { name: 'sum by (job) (up)' }).click();
  await expect(page).toHaveURL(/\/explore\?/);
  expect(new URL(page.url()).searchParams.get('q0.expr')).toBe('sum by (job) (up)');
  await expect(page.locator('.cm-content').first()).toHaveText('sum by (job) (up)');
});

test('the Targets page shows the down target with its error, filters and collapses', async ({
  page,
}) => {
  await page.goto('/targets');
  const down = page.getByRole('region', { name: 'Scrape pool down' });
  await expect(down.locator('.rule-group-head')).toContainText('0/1 up');
  const target = down.locator('tbody tr');
  await expect(target).toHaveAttribute('data-health', 'down');
  await expect(target.getByRole('cell').nth(0)).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  await expect(target.locator('.alert-label')).toContainText(['job="down"']);
  await expect(target.getByRole('cell').nth(3)).toHaveText(/ago$/);
  await expect(target.getByRole('cell').nth(5)).toContainText('connection refused');
  const demo = page.getByRole('region', { name: 'Scrape pool demo' });
  await expect(demo.locator('tbody tr')).toHaveAttribute('data-health', 'up');

  // Only unhealthy: the down pool stays, the healthy ones go.
  await page.getByRole('checkbox', { name: 'Only unhealthy' }).check();
  await expect(page).toHaveURL(/unhealthy=1/);
  await expect(demo).toHaveCount(0);
  await expect(down.locator('tbody tr')).toHaveCount(1);

  // Collapse one pool, then all.
  await down.getByRole('button', { name: 'down' }).click();
  await expect(down.getByRole('button', { name: 'down' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(down.locator('tbody tr')).toHaveCount(0);
  await down.getByRole('button', { name: 'down' }).click();
  await expect(down.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Only unhealthy' }).uncheck();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('.target-pool tbody tr')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Expand all' })).toBeVisible();
});

// A Prometheus that is down, or has no rules, is not something the shared one can be made into
// for one test: the proxy's answers for those cases are given by the browser's router instead.
test('an unreachable datasource is said in words on each page', async ({ page }) => {
  const unreachable =
    'datasource "Prometheus" (http://127.0.0.1:9) is unreachable: connection refused';
  await page.route(/\/api\/v1\/(rules|targets)/, (route) =>
    route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({ status: 'error', errorType: 'unavailable', error: unreachable }),
    }),
  );
  for (const path of ['/alerting', '/rules', '/targets']) {
    await page.goto(path);
    await expect(page.locator('.alerting-error'), path).toHaveText(unreachable);
  }
});

test('a Prometheus without rules or targets is said so on each page', async ({ page }) => {
  await page.route(/\/api\/v1\/(rules|targets)/, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        status: 'success',
        data: { groups: [], activeTargets: [], droppedTargets: [] },
      }),
    }),
  );
  for (const [path, words] of [
    ['/alerting', /has no alerting rules/],
    ['/rules', /has no rules/],
    ['/targets', /scrapes no targets/],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('.alerting-empty'), path).toHaveText(words);
  }
});

test('the alert list panel lists the firing alert, counts, groups and reports', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-alerts/e2e-alerts?refresh=off');
  const firing = dash.panel('Firing alerts');
  await expect(firing.locator('.alertlist-rule')).toHaveCount(1);
  await expect(firing.locator('.alertlist-rule .alertlist-name')).toHaveText(
    'PromscopeAlwaysFiring',
  );
  await expect(firing.locator('.alertlist-rule')).toHaveAttribute('data-state', 'firing');
  await expect(firing.locator('.alertlist-instance .alert-label')).toHaveText(['severity=warning']);
  await expect(firing.locator('.alertlist-summary')).toHaveText(
    'Always firing, for the end-to-end tests',
  );

  // Stat view: firing and pending rules.
  await expect(dash.panel('Firing and pending').locator('.alertlist-stat')).toHaveText('2');
  // Custom grouping by severity.
  await expect(dash.panel('By severity').locator('.alertlist-group .alertlist-head')).toHaveText([
    'severity=warning',
    'severity=info',
  ]);
  // Name and instance label filters.
  await expect(dash.panel('Warnings named Promscope').locator('.alertlist-name')).toHaveText([
    'PromscopeAlwaysFiring',
  ]);
  // Legacy options: importance order, and "recent state changes" said not drawn.
  const legacy = dash.panel('Legacy alert list');
  await expect(legacy.locator('.alertlist-rule .alertlist-name')).toHaveText([
    'PromscopeAlwaysFiring',
    'PromscopePending',
  ]);
  await expect(legacy.getByRole('img', { name: /^Not drawn here/ })).toHaveAccessibleName(
    'Not drawn here: show "Recent state changes" is not drawn; the current state of the alerting rules is listed',
  );
});
