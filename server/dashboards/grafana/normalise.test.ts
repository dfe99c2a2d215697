import { describe, expect, it } from 'vitest';
import { ImportError, normaliseDashboard } from './index.ts';

type J = Record<string, unknown>;
const norm = (d: J, opts?: Parameters<typeof normaliseDashboard>[1]) =>
  normaliseDashboard({ schemaVersion: 30, ...d }, opts);
const panel = (d: J, i = 0) => (norm(d).dashboard.panels as J[])[i] as J;
const issueLines = (d: J) => norm(d).issues.map((i) => `${i.path}: ${i.message}`);

describe('invalid input', () => {
  it.each([
    [null, 'dashboard'],
    [[], 'dashboard'],
    [{ panels: {} }, 'panels'],
    [{ panels: [1] }, 'panels[0]'],
    [{ panels: [{ type: 'row', panels: 'x' }] }, 'panels[0].panels'],
    [{ rows: 'x' }, 'rows'],
    [{ templating: { list: {} } }, 'templating.list'],
    [{ schemaVersion: '16' }, 'schemaVersion'],
  ])('%j names %s', (input, field) => {
    expect(() => normaliseDashboard(input)).toThrow(ImportError);
    expect(() => normaliseDashboard(input)).toThrow(
      new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}:`),
    );
  });
});

describe('layout', () => {
  it('turns old rows into row panels with Grafana grid positions', () => {
    const rows = [
      {
        title: 'A',
        height: '250px',
        showTitle: true,
        panels: [
          { id: 1, span: 6 },
          { id: 2, span: 6 },
          { id: 3, span: 12, height: 100 },
        ],
      },
      { title: 'B', collapse: true, panels: [{ id: 4, span: 4 }] },
    ];
    const { dashboard } = normaliseDashboard({ schemaVersion: 14, rows, x: 1 });
    const ps = dashboard.panels as J[];
    expect(ps.map((p) => [p.id, p.type ?? null, p.gridPos])).toEqual([
      [5, 'row', { x: 0, y: 0, w: 24, h: 1 }],
      [1, null, { x: 0, y: 1, w: 12, h: 7 }],
      [2, null, { x: 12, y: 1, w: 12, h: 7 }],
      [3, null, { x: 0, y: 8, w: 24, h: 3 }],
      [6, 'row', { x: 0, y: 11, w: 24, h: 1 }],
    ]);
    expect(ps[4]?.collapsed).toBe(true);
    expect(((ps[4] as J).panels as J[]).map((p) => [p.id, p.gridPos])).toEqual([
      [4, { x: 0, y: 12, w: 8, h: 7 }],
    ]);
    expect(dashboard).not.toHaveProperty('rows');
    expect(dashboard.x).toBe(1);
    expect(ps[1]).not.toHaveProperty('span');
  });

  it('lays out panels without gridPos left to right, top to bottom', () => {
    const { dashboard } = norm({
      panels: [{ type: 'text' }, { type: 'text' }, { type: 'text', span: 12 }],
    });
    expect((dashboard.panels as J[]).map((p) => p.gridPos)).toEqual([
      { x: 0, y: 0, w: 12, h: 8 },
      { x: 12, y: 0, w: 12, h: 8 },
      { x: 0, y: 8, w: 24, h: 8 },
    ]);
  });

  it('assigns unique ids, keeping the first of duplicates', () => {
    const { dashboard } = norm({
      panels: [{ id: 3, type: 'text' }, { id: 3, type: 'text' }, { type: 'text' }],
    });
    expect((dashboard.panels as J[]).map((p) => p.id)).toEqual([3, 4, 5]);
  });

  it('compacts overlapping panels like Grafana grid and clamps to 24 columns', () => {
    const panels = [
      { id: 1, type: 'text', gridPos: { x: 0, y: 2, w: 12, h: 4 } },
      { id: 2, type: 'text', gridPos: { x: 6, y: 3, w: 30, h: 4 } },
    ];
    const ps = norm({ panels }).dashboard.panels as J[];
    expect(ps.map((p) => p.gridPos)).toEqual([
      { x: 0, y: 0, w: 12, h: 4 },
      { x: 0, y: 4, w: 24, h: 4 },
    ]);
  });
});

describe('datasources and targets', () => {
  const DASH = { type: 'prometheus', uid: '${datasource}' };

  it.each([
    [null, DASH],
    ['default', DASH],
    ['$datasource', DASH],
    ['-- Mixed --', { type: 'datasource', uid: '-- Mixed --' }],
    [
      { type: 'prometheus', uid: 'abc' },
      { type: 'prometheus', uid: 'abc' },
    ],
    [{ type: 'prometheus', uid: '${DS_PROMETHEUS}' }, DASH],
  ])('%j → %j', (datasource, ref) => {
    expect(
      panel({
        __inputs: [{ name: 'DS_PROMETHEUS' }],
        panels: [{ type: 'stat', datasource, targets: [] }],
      }).datasource,
    ).toEqual(ref);
  });

  it('resolves __inputs from opts.inputs', () => {
    const d = {
      __inputs: [{ name: 'DS_P' }],
      panels: [{ type: 'stat', datasource: '${DS_P}', targets: [] }],
    };
    const { dashboard } = norm(d, { inputs: [{ name: 'DS_P', value: 'prom1' }] });
    expect((dashboard.panels as J[])[0]?.datasource).toEqual({ type: 'prometheus', uid: 'prom1' });
    expect((dashboard.templating as J | undefined)?.list ?? []).toEqual([]);
  });

  it('an input with a datasource variable of its name: panels follow the variable', () => {
    // rfmoz's community exports (bind9-full.json, unbound-full.json): __inputs DS_PROMETHEUS
    // and a datasource variable DS_PROMETHEUS that every panel names.
    const ref = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
    const variable = {
      name: 'DS_PROMETHEUS',
      type: 'datasource',
      query: 'prometheus',
      current: { selected: false, text: 'Prometheus', value: 'Prometheus' },
    };
    const d = {
      __inputs: [{ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }],
      templating: { list: [variable] },
      panels: [{ type: 'stat', datasource: ref, targets: [{ expr: 'up', datasource: ref }] }],
    };
    const bound = norm(d, {
      inputs: [{ name: 'DS_PROMETHEUS', value: 'eu' }],
      datasources: [
        { uid: 'prometheus', name: 'Prometheus' },
        { uid: 'eu', name: 'Prometheus-EU' },
      ],
    }).dashboard;
    const p = (bound.panels as J[])[0]!;
    expect(p.datasource).toEqual(ref);
    expect((p.targets as J[])[0]?.datasource).toEqual(ref);
    // The variable starts at the bound datasource; no second datasource variable.
    expect((bound.templating as { list: J[] }).list).toEqual([
      { ...variable, current: { selected: true, text: 'Prometheus-EU', value: 'eu' } },
    ]);
    // Not bound: the same references, the variable as exported.
    const unbound = norm(d).dashboard;
    expect((unbound.panels as J[])[0]?.datasource).toEqual(ref);
    expect((unbound.templating as { list: J[] }).list).toEqual([variable]);
  });

  it('keeps a plain name as written, never the dashboard datasource', () => {
    const d = { panels: [{ type: 'stat', datasource: 'Prom', targets: [] }] };
    expect(panel(d).datasource).toEqual({ uid: 'Prom' });
    expect(issueLines(d)).toEqual([]);
    const configured = [{ uid: 'p1', name: 'Prom' }];
    const known = norm(d, { datasources: configured });
    expect(known.issues).toEqual([]);
    expect((known.dashboard.panels as J[])[0]?.datasource).toEqual({
      type: 'prometheus',
      uid: 'p1',
    });
    const other = [{ uid: 'o', name: 'Other' }];
    expect(norm(d, { datasources: other }).issues.map((i) => i.message)).toEqual([
      'datasource "Prom" is not configured here; kept as written, its queries fail until it is added',
    ]);
    const byUid = { panels: [{ type: 'stat', datasource: { uid: 'gone' }, targets: [] }] };
    expect(norm(byUid, { datasources: configured }).issues.map((i) => i.message)).toEqual([
      'datasource "gone" is not configured here; kept as written, its queries fail until it is added',
    ]);
    expect(
      norm({ panels: [{ type: 'stat', datasource: { uid: 'p1' } }] }, { datasources: configured })
        .issues,
    ).toEqual([]);
  });

  it('adds the datasource variable once when used', () => {
    const { dashboard } = norm({
      templating: { list: [{ name: 'x', type: 'custom' }] },
      panels: [{ type: 'stat', targets: [] }],
    });
    const list = (dashboard.templating as { list: J[] }).list;
    expect(list.map((v) => [v.name, v.type, v.query])).toEqual([
      ['datasource', 'datasource', 'prometheus'],
      ['x', 'custom', undefined],
    ]);
  });

  it('reports non-Prometheus targets once per panel', () => {
    const targets = [
      { datasource: { type: 'loki', uid: 'l' } },
      { datasource: { type: 'loki', uid: 'l' } },
    ];
    expect(
      issueLines({ panels: [{ type: 'timeseries', datasource: '-- Mixed --', targets }] }),
    ).toEqual([
      'panels[0].datasource: queries use non-Prometheus datasource type "loki"; kept unchanged',
    ]);
  });

  it('keeps target fields and assigns missing or duplicate refIds', () => {
    const t = {
      expr: 'up',
      legendFormat: '{{job}}',
      interval: '1m',
      instant: true,
      format: 'table',
      hide: true,
      x: 1,
    };
    const p = panel({
      panels: [
        { type: 'stat', targets: [t, { refId: 'A', expr: 'b' }, { refId: 'A', expr: 'c' }] },
      ],
    });
    expect(p.targets).toEqual([
      { ...t, refId: 'B' },
      { refId: 'A', expr: 'b' },
      { refId: 'C', expr: 'c' },
    ]);
  });
});

describe('unsupported things', () => {
  it('keeps and reports unknown panel types', () => {
    const pie = {
      id: 7,
      title: 'Graph of nodes',
      type: 'nodeGraph',
      gridPos: { x: 6, y: 0, w: 6, h: 6 },
      options: { z: 1 },
    };
    const r = norm({ panels: [{ type: 'text', gridPos: { x: 0, y: 0, w: 6, h: 6 } }, pie] });
    expect((r.dashboard.panels as J[])[1]).toEqual(pie);
    expect(r.issues).toEqual([
      {
        panelId: 7,
        panelTitle: 'Graph of nodes',
        path: 'panels[1].type',
        message: 'panel type "nodeGraph" is not supported; kept unchanged',
      },
    ]);
  });

  it('reports unsupported panels nested in collapsed rows with their path', () => {
    const row = { type: 'row', collapsed: true, panels: [{ type: 'dashlist' }] };
    expect(issueLines({ panels: [row] })).toEqual([
      'panels[0].panels[0].type: panel type "dashlist" is not supported; kept unchanged',
    ]);
  });

  it('keeps all variables and reports unsupported variable types', () => {
    const list = [
      { name: 'a', type: 'adhoc' },
      { name: 'b', type: 'interval' },
    ];
    const r = norm({ templating: { list } });
    expect((r.dashboard.templating as J).list).toEqual(list);
    expect(r.issues.map((i) => i.path)).toEqual(['templating.list[0].type']);
  });

  it('moves old text panel content into options', () => {
    expect(
      panel({ panels: [{ type: 'text', content: '# hi', mode: 'markdown' }] }).options,
    ).toEqual({ mode: 'markdown', content: '# hi' });
  });
});
