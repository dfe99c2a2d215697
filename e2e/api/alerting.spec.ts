// Alerts, rules and targets through the proxy, on Node and on Deno, from the real Prometheus
// the global setup started with e2e/alerting-rules.ts and a scrape job on a closed port:
// GET reads them as Prometheus answers; other methods, unknown or malformed parameters and
// encoded paths are refused by the proxy in Prometheus' error shape.
import { expect, test } from '../fixtures.ts';

const proxy = '/api/datasources/proxy/uid/prometheus/api/v1';

interface Envelope<T> {
  status: string;
  data: T;
}
type Labels = Record<string, string>;

test('alerts: the always-firing alert with its labels, and the pending one', async ({
  request,
}) => {
  const res = await request.get(`${proxy}/alerts`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Envelope<{
    alerts: { labels: Labels; annotations: Labels; state: string; value: string }[];
  }>;
  const byName = new Map(body.data.alerts.map((a) => [a.labels.alertname, a]));
  expect(byName.get('PromscopeAlwaysFiring')).toMatchObject({
    state: 'firing',
    labels: { severity: 'warning' },
    annotations: { summary: 'Always firing, for the end-to-end tests' },
  });
  expect(byName.get('PromscopePending')).toMatchObject({ state: 'pending' });
});

test('rules: the group with both alerts and the recording rule, filtered by type', async ({
  request,
}) => {
  type Rule = { name: string; type: string; health: string; query: string };
  type Groups = Envelope<{ groups: { name: string; file: string; rules: Rule[] }[] }>;
  const all = (await (await request.get(`${proxy}/rules`)).json()) as Groups;
  const group = all.data.groups.find((g) => g.name === 'promscope-e2e');
  expect(group?.file).toMatch(/rules\.yml$/);
  expect(group?.rules.map((r) => [r.name, r.type])).toEqual([
    ['PromscopeAlwaysFiring', 'alerting'],
    ['PromscopePending', 'alerting'],
    ['job:up:sum', 'recording'],
  ]);
  // A recording rule has been evaluated once at least: ok, not unknown.
  await expect
    .poll(async () => {
      const r = (await (await request.get(`${proxy}/rules?type=record`)).json()) as Groups;
      return r.data.groups.flatMap((g) => g.rules.map((x) => `${x.name} ${x.health}`));
    })
    .toEqual(['job:up:sum ok']);
});

test('targets: the down target with its error; state and scrapePool pass', async ({ request }) => {
  type Targets = Envelope<{
    activeTargets: { scrapePool: string; health: string; lastError: string }[];
  }>;
  await expect
    .poll(async () => {
      const res = await request.get(`${proxy}/targets?state=active&scrapePool=down`);
      const t = (await res.json()) as Targets;
      return t.data.activeTargets.map((x) => `${x.scrapePool} ${x.health} ${x.lastError}`);
    })
    .toEqual([expect.stringMatching(/^down down .*connection refused/)]);
});

test('only GET, with documented parameters, reaches Prometheus', async ({ request, server }) => {
  for (const endpoint of ['alerts', 'rules', 'targets']) {
    const post = await request.post(`${proxy}/${endpoint}`, {
      form: { state: 'any' },
      headers: { Origin: server },
    });
    expect(post.status(), endpoint).toBe(405);
    expect(post.headers().allow).toBe('GET');
  }
  for (const [qs, words] of [
    ['alerts?match%5B%5D=up', 'parameter "match[]" is not one alerts takes (it takes none)'],
    ['rules?type=bogus', 'type must be one of alert, record, not "bogus"'],
    ['targets?state=down', 'state must be one of active, dropped, any, not "down"'],
    [
      `targets?${'k'.repeat(8000)}=1`,
      `parameter "${'k'.repeat(64)}" is not one targets takes (state, scrapePool)`,
    ],
  ] as const) {
    const res = await request.get(`${proxy}/${qs}`);
    expect(res.status(), qs.slice(0, 40)).toBe(400);
    expect(await res.json()).toEqual({ status: 'error', errorType: 'bad_data', error: words });
  }
  for (const path of ['%61lerts', 'rules%2f', 'targets/metadata', 'alertmanagers']) {
    expect((await request.get(`${proxy}/${path}`)).status(), path).toBe(404);
  }
});
