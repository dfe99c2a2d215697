import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDashboard as importDashboard } from '../../../server/dashboards/grafana/index.ts';
import { GRAFANA_FIXTURES, haveGrafanaFixtures } from '../../../server/test-helpers.ts';
import type { Datasource } from '../../api/server.ts';
import { exportExternally, exportText, inputName } from './export.ts';

type J = Record<string, unknown>;

const ds = (uid: string, name: string, isDefault = false): Datasource => ({
  uid,
  name,
  type: 'prometheus',
  access: 'proxy',
  url: 'http://prometheus:9090',
  isDefault,
  readOnly: true,
  jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
});
const PROM = ds('prom-a', 'Prometheus', true);
const EU = ds('prom-b', 'Prom B (eu)');
const DATASOURCES = [PROM, EU];

const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);
const allPanels = (d: J): J[] => arr(d.panels).flatMap((p) => [p, ...arr(p.panels)]);
const targets = (d: J) => allPanels(d).flatMap((p) => arr(p.targets));
const refsOf = (d: J) =>
  allPanels(d).map((p) => [p.datasource, arr(p.targets).map((t) => t.datasource)]);

const concrete: J = {
  id: 42,
  uid: 'orders',
  title: 'Orders',
  schemaVersion: 39,
  templating: {
    list: [
      {
        type: 'query',
        name: 'route',
        datasource: { type: 'prometheus', uid: 'prom-a' },
        query: 'label_values(http_requests_total, route)',
        current: { text: '/api/orders', value: '/api/orders' },
        options: [{ text: '/api/orders', value: '/api/orders', selected: true }],
        refresh: 0,
      },
      { type: 'constant', name: 'job', query: 'demo' },
    ],
  },
  annotations: {
    list: [{ builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, name: 'A' }],
  },
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'Rate',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      datasource: { type: 'prometheus', uid: 'prom-a' },
      targets: [
        { refId: 'A', expr: 'sum(rate(http_requests_total{route=~"$route"}[5m]))' },
        { refId: 'B', expr: 'up', datasource: { type: 'prometheus', uid: 'prom-b' } },
      ],
    },
    {
      id: 2,
      type: 'row',
      title: 'More',
      collapsed: true,
      gridPos: { x: 0, y: 8, w: 24, h: 1 },
      panels: [
        {
          id: 3,
          type: 'stat',
          title: 'EU',
          gridPos: { x: 0, y: 9, w: 6, h: 4 },
          datasource: { type: 'prometheus', uid: 'prom-b' },
          targets: [{ refId: 'A', expr: 'sum(up)', legendFormat: 'up' }],
        },
      ],
    },
    {
      id: 4,
      type: 'timeseries',
      title: 'Logs',
      gridPos: { x: 12, y: 0, w: 12, h: 8 },
      datasource: { type: 'loki', uid: 'logs' },
      targets: [{ refId: 'A', expr: '{job="x"}' }],
    },
  ],
};

describe('inputName', () => {
  it("is Grafana's DS_ name, safe for the ${} placeholder", () => {
    expect(inputName('Prometheus')).toBe('DS_PROMETHEUS');
    expect(inputName('Prom B (eu)')).toBe('DS_PROM_B__EU_');
  });
});

describe('exportExternally', () => {
  it('replaces concrete datasources with inputs, once per datasource', () => {
    const { dashboard, replaced, throughVariable } = exportExternally(concrete, DATASOURCES, PROM);
    expect(dashboard.__inputs).toStrictEqual([
      {
        name: 'DS_PROMETHEUS',
        label: 'Prometheus',
        description: '',
        type: 'datasource',
        pluginId: 'prometheus',
        pluginName: 'Prometheus',
      },
      {
        name: 'DS_PROM_B__EU_',
        label: 'Prom B (eu)',
        description: '',
        type: 'datasource',
        pluginId: 'prometheus',
        pluginName: 'Prometheus',
      },
    ]);
    const P = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
    const B = { type: 'prometheus', uid: '${DS_PROM_B__EU_}' };
    expect(refsOf(dashboard)).toStrictEqual([
      [P, [P, B]], // target A takes its panel's datasource, as Grafana writes it
      [undefined, []],
      [B, [B]],
      [{ type: 'loki', uid: 'logs' }, [{ type: 'loki', uid: 'logs' }]],
    ]);
    // Panels 1 and 3, target 1B and the query variable; the other targets copy their panel's.
    expect(replaced).toBe(4);
    expect(throughVariable).toBe(0);
  });

  it("clears what this server's data put into variables, keeps constants, nulls the id", () => {
    const { dashboard } = exportExternally(concrete, DATASOURCES, PROM);
    const [route, job] = arr((dashboard.templating as J).list);
    expect(route).toMatchObject({
      datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
      current: {},
      options: [],
      refresh: 1,
      query: 'label_values(http_requests_total, route)',
    });
    expect(job).toStrictEqual({ type: 'constant', name: 'job', query: 'demo' });
    expect(dashboard.id).toBeNull();
    expect(Object.keys(dashboard).slice(0, 2)).toEqual(['__inputs', '__requires']);
    expect(dashboard.__requires).toStrictEqual([
      { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
      { type: 'panel', id: 'stat', name: 'Stat', version: '' },
      { type: 'panel', id: 'timeseries', name: 'Time series', version: '' },
    ]);
    expect(dashboard.annotations).toStrictEqual(concrete.annotations);
  });

  it('does not change the stored dashboard', () => {
    const before = JSON.stringify(concrete);
    exportExternally(concrete, DATASOURCES, PROM);
    expect(JSON.stringify(concrete)).toBe(before);
  });

  it('maps the default (null) and datasource names to the datasource they mean here', () => {
    const dash = {
      panels: [
        { id: 1, type: 'stat', datasource: null, targets: [{ refId: 'A', expr: 'up' }] },
        { id: 2, type: 'stat', datasource: 'Prom B (eu)', targets: [] },
      ],
    };
    const { dashboard } = exportExternally(dash, DATASOURCES, EU);
    expect(refsOf(dashboard).map(([p]) => (p as J).uid)).toEqual([
      '${DS_PROM_B__EU_}', // null is the selected datasource, as the dashboard draws it
      '${DS_PROM_B__EU_}',
    ]);
  });

  it('keeps references through the datasource variable, clearing its current value', () => {
    const so = JSON.parse(readFileSync('dashboards/service-overview.json', 'utf8')) as J;
    const { dashboard, replaced, throughVariable } = exportExternally(so, DATASOURCES, PROM);
    expect(replaced).toBe(0);
    expect(throughVariable).toBe(allPanels(so).length + targets(so).length);
    expect(dashboard.__inputs).toEqual([]);
    expect(refsOf(dashboard)).toStrictEqual(refsOf(so));
    expect(arr((dashboard.templating as J).list)[0]).toMatchObject({
      type: 'datasource',
      current: {},
    });
  });

  it('keeps inputs the stored JSON already declares', () => {
    const input = { name: 'DS_OLD', label: 'Old', type: 'datasource', pluginId: 'prometheus' };
    const dash = {
      __inputs: [input],
      panels: [{ id: 1, type: 'stat', datasource: '${DS_OLD}', targets: [] }],
    };
    const { dashboard } = exportExternally(dash, DATASOURCES, PROM);
    expect(dashboard.__inputs).toStrictEqual([input]);
    expect(allPanels(dashboard)[0]!.datasource).toBe('${DS_OLD}');
  });
});

// What an import keeps of a panel, with each target's datasource as it applies (its own or
// its panel's), so "written on the target" and "inherited" compare equal.
function panelsForCompare(d: J) {
  return allPanels(d).map((p) => ({
    ...p,
    panels: undefined,
    targets: arr(p.targets).map((t) => ({ ...t, datasource: t.datasource ?? p.datasource })),
  }));
}

describe('round trip: export for sharing externally, then import', () => {
  const inputs = [
    { name: 'DS_PROMETHEUS', value: 'prom-a' },
    { name: 'DS_PROM_B__EU_', value: 'prom-b' },
  ];

  it('gives back the same panels, targets and datasources when the inputs pick them', () => {
    const original = importDashboard(concrete, { inputs }).dashboard;
    const exported = exportExternally(original, DATASOURCES, PROM).dashboard;
    const again = importDashboard(JSON.parse(exportText(exported)), { inputs }).dashboard;
    expect(panelsForCompare(again)).toStrictEqual(panelsForCompare(original));
    // The import lays panels out top to bottom, left to right: same panels, that order.
    expect(allPanels(again).map((p) => p.id)).toEqual([1, 4, 2, 3]);
    expect(
      targets(again)
        .map((t) => t.expr)
        .sort(),
    ).toEqual(
      targets(concrete)
        .map((t) => t.expr)
        .sort(),
    );
  });

  it('imports without inputs onto the dashboard datasource, as Grafana files do', () => {
    const exported = exportExternally(concrete, DATASOURCES, PROM).dashboard;
    const imported = importDashboard(exported).dashboard;
    expect(allPanels(imported)[0]!.datasource).toStrictEqual({
      type: 'prometheus',
      uid: '${datasource}',
    });
    expect(arr((imported.templating as J).list).map((v) => v.name)).toContain('datasource');
  });

  const files = haveGrafanaFixtures
    ? readdirSync(GRAFANA_FIXTURES).filter((f) => f.endsWith('.json'))
    : [];
  it.runIf(files.length > 0).each(files)('keeps every panel and target of %s', (file) => {
    const fixture = JSON.parse(readFileSync(join(GRAFANA_FIXTURES, file), 'utf8')) as J;
    const pick = { inputs: [{ name: 'DS_PROMETHEUS', value: 'prom-a' }] };
    const original = importDashboard(fixture, pick).dashboard;
    const exported = exportExternally(original, DATASOURCES, PROM).dashboard;
    const again = importDashboard(JSON.parse(exportText(exported)), pick).dashboard;
    expect(panelsForCompare(again)).toStrictEqual(panelsForCompare(original));
    expect(targets(again).length).toBeGreaterThan(0);
  });
});
