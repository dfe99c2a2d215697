// Datasources as written (issue #11): a Grafana dashboard whose panels name their datasource by
// name, by uid, not at all, or Mixed (each query its own) is imported as it is, and each query
// goes to the datasource it names, seen in the requests the browser sends. One that names a
// datasource this server does not have says so in the panel and sends nothing. A server of the
// spec's own (its own DATA_DIR), on the real Prometheus of the global setup, which is reached
// a second time under another URL as the datasource "Prometheus-EU".
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { type ServerProcess, startPromscope } from '../server-process.ts';

const target = (refId: string, expr: string, datasource?: unknown) => ({
  refId,
  expr,
  ...(datasource !== undefined ? { datasource } : {}),
});
const panel = (id: number, title: string, datasource: unknown, targets: unknown[]) => ({
  id,
  type: 'stat',
  title,
  datasource,
  gridPos: { x: ((id - 1) % 3) * 8, y: Math.floor((id - 1) / 3) * 6, w: 8, h: 6 },
  targets,
});

test('each query goes to the datasource its panel or query names; import keeps the names', async ({
  page,
}) => {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-ds-refs-'));
  let server: ServerProcess | undefined;
  try {
    // A provisioned file is read as written, not imported: its panel still names a datasource.
    await mkdir(join(tmp, 'dashboards'));
    const provisioned = {
      uid: 'ds-names',
      title: 'Names as written',
      schemaVersion: 27,
      time: { from: 'now-15m', to: 'now' },
      panels: [panel(1, 'Provisioned by name', 'Prometheus-EU', [target('A', 'vector(10)')])],
    };
    await writeFile(join(tmp, 'dashboards', 'ds-names.json'), JSON.stringify(provisioned));
    server = await startPromscope('node', {
      PROMETHEUS_URL: prometheusUrl(),
      DATA_DIR: join(tmp, 'data'),
      DASHBOARDS_DIR: join(tmp, 'dashboards'),
    });
    const added = await page.request.post(`${server.url}/api/datasources`, {
      data: { url: prometheusUrl().replace('127.0.0.1', 'localhost'), name: 'Prometheus-EU' },
    });
    expect(added.status()).toBe(201);
    const eu = ((await added.json()) as { uid: string; name: string }).uid;
    expect(eu).not.toBe('prometheus');

    // What a Grafana export of several ages looks like: names (before schemaVersion 33), refs.
    const dashboard = {
      uid: 'ds-refs',
      title: 'Datasources as written',
      schemaVersion: 27,
      time: { from: 'now-15m', to: 'now' },
      panels: [
        panel(1, 'By name', 'Prometheus-EU', [target('A', 'vector(1)')]),
        panel(2, 'By uid', { type: 'prometheus', uid: eu }, [target('A', 'vector(2)')]),
        panel(3, 'Default', null, [target('A', 'vector(3)')]),
        panel(4, 'Mixed', '-- Mixed --', [
          target('A', 'vector(4)', 'Prometheus-EU'),
          target('B', 'vector(5)', { type: 'prometheus', uid: 'prometheus' }),
          target('C', 'vector(6)'),
        ]),
        panel(5, 'Missing', 'Prometheus-US', [target('A', 'vector(7)')]),
        panel(6, 'Mixed, one missing', { type: 'datasource', uid: '-- Mixed --' }, [
          target('A', 'vector(8)', { uid: eu }),
          target('B', 'vector(9)', { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' }),
        ]),
      ],
    };
    const imported = await page.request.post(`${server.url}/api/dashboards/import`, {
      data: { dashboard },
    });
    expect(imported.status()).toBe(200);
    // The import report names the datasources this server lacks.
    const { issues } = (await imported.json()) as { issues: { path: string; message: string }[] };
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'panels[4].datasource: datasource "Prometheus-US" is not configured here; kept as written, its queries fail until it is added',
      'panels[5].targets[1].datasource: datasource "P1809F7CD0C75ACF3" is not configured here; kept as written, its queries fail until it is added',
    ]);

    // The stored JSON keeps every reference: a name found here becomes its uid, one not found
    // stays as Grafana's { uid: name } (migrateDatasourceNameToRef).
    const stored = (await (
      await page.request.get(`${server.url}/api/dashboards/uid/ds-refs`)
    ).json()) as {
      dashboard: {
        panels: { title: string; datasource: unknown; targets: { datasource?: unknown }[] }[];
      };
    };
    const refs = Object.fromEntries(
      stored.dashboard.panels.map((p) => [
        p.title,
        [p.datasource, ...p.targets.map((t) => t.datasource ?? null)],
      ]),
    );
    expect(refs).toEqual({
      'By name': [{ type: 'prometheus', uid: eu }, null],
      'By uid': [{ type: 'prometheus', uid: eu }, null],
      Default: [{ type: 'prometheus', uid: `\${datasource}` }, null],
      Mixed: [
        { type: 'datasource', uid: '-- Mixed --' },
        { type: 'prometheus', uid: eu },
        { type: 'prometheus', uid: 'prometheus' },
        null,
      ],
      Missing: [{ uid: 'Prometheus-US' }, null],
      'Mixed, one missing': [
        { type: 'datasource', uid: '-- Mixed --' },
        { uid: eu },
        { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' },
      ],
    });

    // Every query the browser sends, as [datasource uid, expression].
    const sent = new Set<string>();
    page.on('request', (req) => {
      const url = new URL(req.url());
      const m = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/api\/v1\/query(?:_range)?$/.exec(
        url.pathname,
      );
      const query =
        url.searchParams.get('query') ?? new URLSearchParams(req.postData() ?? '').get('query');
      if (m && query) sent.add(`${decodeURIComponent(m[1]!)} ${query}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    const d = new DashboardPage(page);
    await d.open(`${server.url}/d/ds-refs`);
    for (const [title, value] of [
      ['By name', '1'],
      ['By uid', '2'],
      ['Default', '3'],
    ] as const) {
      await expect(d.statValue(title)).toHaveText(value);
    }
    await expect(d.statValue('Mixed')).toHaveCount(3);
    await expect(d.panel('Missing').getByRole('alert')).toHaveText(
      'datasource "Prometheus-US" is not configured in Promscope',
    );
    await expect(d.panel('Mixed, one missing').getByRole('alert')).toHaveText(
      'B: datasource "P1809F7CD0C75ACF3" is not configured in Promscope',
    );
    await expect(d.statValue('Mixed, one missing')).toHaveText('8');

    expect([...sent].sort()).toEqual(
      [
        `${eu} vector(1)`,
        `${eu} vector(2)`,
        'prometheus vector(3)',
        `${eu} vector(4)`,
        'prometheus vector(5)',
        'prometheus vector(6)',
        `${eu} vector(8)`,
      ].sort(),
    );

    await d.open(`${server.url}/d/ds-names`);
    await expect(d.statValue('Provisioned by name')).toHaveText('10');
    expect(sent.has(`${eu} vector(10)`)).toBe(true);
    expect(sent.has('prometheus vector(10)')).toBe(false);
    expect(errors).toEqual([]);
  } finally {
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});
