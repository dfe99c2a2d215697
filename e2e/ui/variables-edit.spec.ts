// The Variables tab of dashboard settings against the real Prometheus: a query variable made
// in the editor previews what Prometheus has, drives a panel, survives a save and a reload;
// invalid names are refused; the list's order, copies and deletions are what gets saved.
import type { Page } from '@playwright/test';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { createDashboard, EditDashboardPage, storedDashboard } from '../pages/edit-page.ts';
import { VariablesSettingsPage } from '../pages/variables-settings.ts';

const ROUTES = 'label_values(http_requests_total{job="demo"}, route)';
const PANEL_EXPR =
  'sum by (route) (rate(http_requests_total{job="demo", route=~"$route"}[$__rate_interval]))';

/** The routes Prometheus has for the demo job, from its label values API, sorted. */
async function routesFromPrometheus(page: Page): Promise<string[]> {
  const url = new URL(`${prometheusUrl()}/api/v1/label/route/values`);
  url.searchParams.set('match[]', 'http_requests_total{job="demo"}');
  url.searchParams.set('start', String(Math.floor(Date.now() / 1000) - 900));
  const body = (await (await page.request.get(url.toString())).json()) as { data: string[] };
  return body.data.sort();
}

async function openPicker(page: Page, name: string) {
  await page.locator(`[data-variable="${name}"] .variable-value`).click();
  return page.locator(`[data-variable="${name}"] [role="listbox"]`);
}

test('create a dashboard, add a variable and a panel using it, save, reload and see it drawn', async ({
  page,
}) => {
  const dash = new EditDashboardPage(page);
  const vars = new VariablesSettingsPage(page);
  await page.goto('/dashboards');
  await page.getByRole('link', { name: '+ New dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard\/new$/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Default time range' }).selectOption('now-15m|now');

  await page.getByRole('tab', { name: 'Variables' }).click();
  await expect(page).toHaveURL(/editview=variables/);
  await expect(page.getByRole('region', { name: 'No variables' })).toBeVisible();
  await page.getByRole('button', { name: 'Add variable' }).click();
  await expect(vars.field('Name')).toHaveValue('query0');
  await expect(vars.field('Select variable type')).toHaveValue('query');
  await vars.field('Name').fill('route');
  await vars.field('Label').fill('Route');
  await vars.setText('Query', ROUTES);
  await vars.field('Sort').selectOption({ label: 'Alphabetical (asc)' });
  await vars.check('Multi-value').check();
  await vars.check('Include All option').check();

  // The preview is what Prometheus answers, with All first.
  const routes = await routesFromPrometheus(page);
  expect(routes.length).toBeGreaterThanOrEqual(4);
  await expect(vars.preview).toHaveText(['All', ...routes]);

  await vars.backToList();
  await expect(vars.names()).toHaveText(['$route']);
  await expect(vars.row('route')).toContainText(ROUTES);
  await expect(vars.row('route')).toContainText('Query');

  await dash.page.getByRole('button', { name: 'Back to dashboard' }).click();
  await expect(page.locator('[data-variable="route"] .variable-text')).toHaveText('All');
  await expect(page.locator('[data-variable="route"] .variable-label')).toHaveText('Route');
  await page.getByRole('button', { name: '+ Add visualization' }).first().click();
  await dash.setQuery(PANEL_EXPR);
  await dash.options().getByRole('textbox', { name: 'Title' }).fill('Requests by route');
  await dash.backToDashboard();

  const title = `Variables ${Date.now()}`;
  await dash.save({ title });
  await expect(page).toHaveURL(/\/d\/[a-z0-9]{12}\//);
  const uid = /\/d\/([a-z0-9]+)\//.exec(page.url())![1]!;

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('[data-variable="route"] .variable-text')).toHaveText('All');
  await expect
    .poll(async () => Number(await dash.chart('Requests by route').getAttribute('data-series')))
    .toBe(routes.length);

  // The saved variable is Grafana's JSON.
  const { dashboard } = await storedDashboard(page.request, uid);
  const list = (dashboard.templating as { list: Record<string, unknown>[] }).list;
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({
    name: 'route',
    label: 'Route',
    type: 'query',
    query: ROUTES,
    definition: ROUTES,
    multi: true,
    includeAll: true,
    sort: 1,
    refresh: 1,
    hide: 0,
  });
  // No selection was made: the dashboard falls back to All, as Grafana does.
  expect(list[0]!.current).toEqual({});

  // Two routes picked: two series.
  const two = [routes[0]!, routes[1]!];
  const picker = await openPicker(page, 'route');
  for (const r of two) await picker.getByRole('option', { name: r, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-variable="route"] .variable-text')).toHaveText(two.join(' + '));
  await expect
    .poll(async () => Number(await dash.chart('Requests by route').getAttribute('data-series')))
    .toBe(2);
  await expect(dash.legend('Requests by route')).toHaveCount(2);
});

const twoVariables = () => ({
  title: `Variable list ${Date.now()}-${Math.round(Math.random() * 1e6)}`,
  time: { from: 'now-15m', to: 'now' },
  panels: [
    {
      id: 1,
      type: 'stat',
      title: 'Up',
      gridPos: { x: 0, y: 0, w: 8, h: 4 },
      targets: [{ refId: 'A', expr: 'sum(up{job=~"$job"})' }],
    },
  ],
  templating: {
    list: [
      {
        name: 'job',
        type: 'query',
        query: {
          query: 'label_values(up, job)',
          refId: 'PrometheusVariableQueryEditor-VariableQuery',
        },
        definition: 'label_values(up, job)',
        refresh: 1,
        current: { text: 'demo', value: 'demo' },
        // Not known to Promscope: must survive editing.
        skipUrlSync: false,
        grafanaOnly: { kept: true },
      },
      {
        name: 'env',
        type: 'custom',
        query: 'prod,staging',
        current: { text: 'prod', value: 'prod' },
      },
    ],
  },
});

test('an invalid name shows an error and changes nothing', async ({ page }) => {
  const uid = await createDashboard(page.request, twoVariables());
  const dash = new EditDashboardPage(page);
  const vars = new VariablesSettingsPage(page);
  await dash.open(`/d/${uid}`);
  await dash.edit();
  await vars.open();
  await vars.edit('env');

  for (const [name, error] of [
    ['my env', /word characters/],
    ['job', /same name already exists/],
    ['__env', /cannot begin with '__'/],
    ['', /required/],
  ] as const) {
    await vars.field('Name').fill(name);
    await expect(vars.nameError()).toHaveText(error);
    await expect(vars.field('Name')).toHaveAttribute('aria-invalid', 'true');
  }
  // Nothing was applied: the working copy is as loaded.
  await expect(dash.saveButton).not.toHaveClass(/primary/);
  await vars.backToList();
  await expect(vars.names()).toHaveText(['$job', '$env']);
  await page.getByRole('button', { name: 'Back to dashboard' }).click();
  await expect(page.locator('[data-variable="env"] .variable-text')).toHaveText('prod');
  await expect(dash.saveButton).not.toHaveClass(/primary/);
});

test('the list: move, duplicate, delete and edit, saved in that order with unknown fields kept', async ({
  page,
}) => {
  const uid = await createDashboard(page.request, twoVariables());
  const dash = new EditDashboardPage(page);
  const vars = new VariablesSettingsPage(page);
  await dash.open(`/d/${uid}`);
  await dash.edit();
  await vars.open();
  await expect(vars.names()).toHaveText(['$job', '$env']);
  await expect(vars.row('env')).toContainText('unused');
  await expect(vars.row('job')).not.toContainText('unused');

  await page.getByRole('button', { name: 'Move env up' }).click();
  await expect(vars.names()).toHaveText(['$env', '$job']);
  await expect(page.getByRole('button', { name: 'Move env up' })).toBeDisabled();
  await page.getByRole('button', { name: 'Duplicate env' }).click();
  await expect(vars.names()).toHaveText(['$env', '$copy_of_env', '$job']);

  // Deleting asks first; Cancel keeps it.
  await page.getByRole('button', { name: 'Delete copy_of_env' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete variable' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(vars.names()).toHaveText(['$env', '$copy_of_env', '$job']);
  await page.getByRole('button', { name: 'Delete copy_of_env' }).click();
  await ask.getByRole('button', { name: 'Delete' }).click();
  await expect(vars.names()).toHaveText(['$env', '$job']);

  // Edit the custom list so the saved selection is gone: it falls back to the first value.
  await vars.edit('env');
  await vars.setText('Values separated by comma', 'Production : prod-eu, dev');
  await expect(vars.preview).toHaveText(['Production', 'dev']);
  await vars.backToList();
  // Edit the query of the other: its object form is kept.
  await vars.edit('job');
  await vars.field('Regex').fill('/^de.*/');
  await vars.field('Regex').press('Enter');
  await expect(vars.preview).toHaveText(['demo']);
  await vars.backToList();

  await page.getByRole('button', { name: 'Back to dashboard' }).click();
  await expect(page.locator('.variables .variable-label')).toHaveText(['env', 'job']);
  await dash.save();
  await expect(dash.saveButton).toHaveCount(0);

  const { dashboard } = await storedDashboard(page.request, uid);
  const list = (dashboard.templating as { list: Record<string, unknown>[] }).list;
  expect(list.map((v) => v.name)).toEqual(['env', 'job']);
  expect(list[0]).toMatchObject({
    type: 'custom',
    query: 'Production : prod-eu, dev',
    current: { text: 'Production', value: 'prod-eu' },
    options: [
      { selected: true, text: 'Production', value: 'prod-eu' },
      { selected: false, text: 'dev', value: 'dev' },
    ],
  });
  expect(list[1]).toEqual({
    ...twoVariables().templating.list[0],
    regex: '/^de.*/',
  });
});
