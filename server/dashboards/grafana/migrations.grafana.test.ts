// Grafana's own migration tests as the specification, transcribed as data:
// - DMT: public/app/features/dashboard/state/DashboardMigrator.test.ts (the browser's migrator)
// - GF:  apps/dashboard/pkg/migration/testdata/{input,output}/vNN.*.json (the backend's
//        golden files; the input's schemaVersion is given with each case)
// https://github.com/grafana/grafana/tree/main/apps/dashboard/pkg/migration/testdata
// A case named "differs on purpose" asserts what Promscope gives instead, and says why; the
// two sources disagree in a few places (the backend's colours come from the mapped value, the
// browser's from the mapped text), and Promscope follows the browser's migrator there, which
// is what wrote the dashboards people export.
import { describe, expect, it } from 'vitest';
import { normaliseDashboard } from './index.ts';
import { migratePanel } from './migrations.ts';

type J = Record<string, unknown>;
const norm = (d: J): J => normaliseDashboard(d).dashboard as J;
const panels = (d: J): J[] => d.panels as J[];
const byId = (d: J, id: number): J => {
  const all = panels(d).flatMap((p) => [p, ...((p.panels as J[] | undefined) ?? [])]);
  const p = all.find((x) => x.id === id);
  if (!p) throw new Error(`no panel ${id}`);
  return p;
};
const defaults = (p: J): J => (p.fieldConfig as { defaults: J }).defaults;
const vars = (d: J): J[] => (d.templating as { list: J[] }).list;

describe('DMT "when creating dashboard with old schema" (no schemaVersion)', () => {
  const old = () =>
    norm({
      panels: [
        { type: 'singlestat', thresholds: '10,20,30', targets: [{ refId: 'A' }, {}] },
        {
          type: 'table',
          styles: [{ thresholds: ['10', '20', '30'] }, { thresholds: ['100', '200', '300'] }],
        },
        { type: 'table', id: 500, repeatPanelId: 1 },
        { type: 'row', panels: [{ id: 501, type: 'table', repeat: 'server' }] },
      ],
    });

  it('queries without refId should get it', () => {
    const stat = panels(old()).find((p) => p.type === 'stat');
    expect(((stat?.targets ?? []) as J[])[1]?.refId).toBe('B');
  });

  it('table panel should only have two thresholds values (the v10 step)', () => {
    const table: J = {
      type: 'table',
      styles: [{ thresholds: ['10', '20', '30'] }, { thresholds: ['100', '200', '300'] }],
    };
    migratePanel(table, 0);
    expect((table.styles as J[]).map((s) => s.thresholds)).toEqual([
      ['20', '30'],
      ['200', '300'],
    ]);
  });

  it('should ignore repeated panels', () => {
    expect(panels(old()).some((p) => p.id === 500)).toBe(false);
  });
});

describe('DMT "when migrating from minSpan to maxPerRow"', () => {
  it('maxPerRow should be correct', () => {
    expect(panels(norm({ panels: [{ minSpan: 8 }] }))[0]).toMatchObject({ maxPerRow: 3 });
  });
});

describe('DMT "when migrating panel links" (no schemaVersion)', () => {
  const links = () =>
    panels(
      norm({
        panels: [
          {
            links: [
              { url: 'http://mylink.com', keepTime: true, title: 'test' },
              { url: 'http://mylink.com?existingParam', params: 'customParam', title: 'test' },
              { url: 'http://mylink.com?existingParam', includeVars: true, title: 'test' },
              { dashboard: 'my other dashboard', title: 'test' },
              { dashUri: '', title: 'test' },
              { type: 'dashboard', keepTime: true },
            ],
          },
        ],
      }),
    )[0]?.links as J[];

  it.each([
    ['should add keepTime as variable', 0, 'http://mylink.com?$__url_time_range'],
    ['should add params to url', 1, 'http://mylink.com?existingParam&customParam'],
    ['should add includeVars to url', 2, 'http://mylink.com?existingParam&$__all_variables'],
    ['should slugify dashboard name', 3, 'dashboard/db/my-other-dashboard'],
  ])('%s', (_name, i, url) => {
    expect(links()[i]?.url).toBe(url);
  });
});

describe('DMT "when migrating to new Text Panel"', () => {
  const content = '# React Text Panel from Angular Panel\n# $constant\n\n## $text';
  const text = () =>
    norm({
      panels: [
        { id: 2, type: 'text', title: 'Angular Text Panel', content: '# A', mode: 'markdown' },
        { id: 3, type: 'text2', options: { mode: 'markdown', content: '# B' } },
        {
          id: 4,
          type: 'text2',
          options: { mode: 'markdown', content, angular: { content, mode: 'markdown' } },
        },
      ],
    });

  it('differs on purpose: the Angular text panel gets the text panel’s own migration', () => {
    // Grafana leaves `content`/`mode` at the top for its text panel's migration handler to
    // move when the panel loads; Promscope runs that handler at import.
    expect(byId(text(), 2)).toMatchObject({ type: 'text', options: { content: '# A' } });
  });

  it('should migrate panels with new Text Panel id', () => {
    expect(byId(text(), 3)).toMatchObject({
      type: 'text',
      options: { mode: 'markdown', content: '# B' },
    });
  });

  it('should clean up old angular options for panels with new Text Panel id', () => {
    const p = byId(text(), 4);
    expect(p).toMatchObject({ type: 'text', options: { mode: 'markdown', content } });
    expect(p.options).not.toHaveProperty('angular');
  });
});

describe('DMT "when migrating constant variables so they are always hidden" (schemaVersion 10)', () => {
  const opt = { selected: true, text: 'A', value: 'B' };
  const constant = (name: string, hide: number) => ({
    name,
    type: 'constant',
    hide,
    query: 'default value',
    current: opt,
    options: [opt],
    datasource: null,
  });
  // By name: the import may add a datasource variable in front for the queries' `null`.
  const named = (list: J[]) => (n: number) => list.find((v) => v.name === `server${n}`);
  const list = () =>
    [1, 2, 3, 4, 5, 6].map(
      named(
        vars(
          norm({
            schemaVersion: 10,
            templating: {
              list: [
                { name: 'server1', type: 'query', hide: 0, datasource: null },
                { name: 'server2', type: 'query', hide: 1, datasource: null },
                { name: 'server3', type: 'query', hide: 2, datasource: null },
                constant('server4', 0),
                constant('server5', 1),
                constant('server6', 2),
              ],
            },
          }),
        ),
      ),
    );
  const migrated = { selected: true, text: 'default value', value: 'default value' };

  it('should not touch other variable types', () => {
    expect(
      list()
        .slice(0, 3)
        .map((v) => v?.hide),
    ).toEqual([0, 1, 2]);
  });

  it('should migrate visible constant variables to textbox variables', () => {
    expect(list()[3]).toEqual({
      ...constant('server4', 0),
      type: 'textbox',
      current: migrated,
      options: [migrated],
    });
    expect(list()[4]).toEqual({
      ...constant('server5', 1),
      type: 'textbox',
      current: migrated,
      options: [migrated],
    });
  });

  it('should change current and options for hidden constant variables', () => {
    expect(list()[5]).toEqual({
      ...constant('server6', 2),
      current: migrated,
      options: [migrated],
    });
  });
});

describe('DMT "when migrating old value mapping model"', () => {
  const panel = () =>
    byId(
      norm({
        panels: [
          {
            id: 1,
            type: 'timeseries',
            fieldConfig: {
              defaults: {
                thresholds: {
                  mode: 'absolute',
                  steps: [
                    { color: 'green', value: null },
                    { color: 'red', value: 80 },
                  ],
                },
                mappings: [
                  { id: 0, text: '1', type: 1, value: 'up' },
                  { id: 1, text: 'BAD', type: 1, value: 'down' },
                  { from: '0', id: 2, text: 'below 30', to: '30', type: 2 },
                  { from: '30', id: 3, text: '100', to: '100', type: 2 },
                  { type: 1, value: 'null', text: 'it is null' },
                ],
              },
              overrides: [
                {
                  matcher: { id: 'byName', options: 'D-series' },
                  properties: [
                    {
                      id: 'mappings',
                      value: [{ id: 0, text: 'OverrideText', type: 1, value: 'up' }],
                    },
                  ],
                },
              ],
            },
          },
        ],
      }),
      1,
    );

  it('should migrate value mapping model (defaults)', () => {
    expect(defaults(panel()).mappings).toEqual([
      { type: 'value', options: { down: { text: 'BAD' }, up: { text: '1', color: 'green' } } },
      { type: 'range', options: { from: 0, to: 30, result: { text: 'below 30' } } },
      { type: 'range', options: { from: 30, to: 100, result: { text: '100', color: 'red' } } },
      { type: 'special', options: { match: 'null', result: { text: 'it is null' } } },
    ]);
  });

  it('should migrate value mapping model (overrides)', () => {
    expect((panel().fieldConfig as { overrides: J[] }).overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'D-series' },
        properties: [
          { id: 'mappings', value: [{ type: 'value', options: { up: { text: 'OverrideText' } } }] },
        ],
      },
    ]);
  });
});

describe('DMT "when migrating tooltipOptions to tooltip"', () => {
  it('should rename options.tooltipOptions to options.tooltip', () => {
    const d = norm({
      panels: [
        { type: 'timeseries', options: { tooltipOptions: { mode: 'multi' } } },
        { type: 'xychart', options: { tooltipOptions: { mode: 'single' } } },
      ],
    });
    expect(panels(d).map((p) => p.options)).toEqual([
      { tooltip: { mode: 'multi' } },
      { tooltip: { mode: 'single' } },
    ]);
  });
});

describe('GF v9.singlestat_thresholds (schemaVersion 8), the v9 step', () => {
  it.each([
    [{ type: 'singlestat', thresholds: '10,20,30' }, '20,30'],
    [{ type: 'singlestat', thresholds: '50,75' }, '50,75'],
    [{ type: 'graph', thresholds: '5,10,15' }, '5,10,15'],
  ])('%o → thresholds %s', (panel, thresholds) => {
    const p: J = { ...panel };
    migratePanel(p, 8);
    expect(p.thresholds).toBe(thresholds);
  });
});

describe('GF v17.minspan_to_maxperrow (schemaVersion 16)', () => {
  it.each([
    [8, 3],
    [4, 6],
    [2, 12],
    [12, 2],
    [24, 1],
    [1, 24],
    ['invalid', undefined],
    [0, undefined],
    [-5, undefined],
    [25, 1],
  ])('minSpan %o → maxPerRow %o, minSpan removed', (minSpan, maxPerRow) => {
    const p = panels(
      norm({ schemaVersion: 16, panels: [{ id: 1, type: 'stat', minSpan, gridPos: {} }] }),
    )[0] as J;
    expect(p.maxPerRow).toBe(maxPerRow);
    expect(p).not.toHaveProperty('minSpan');
  });

  it('a panel without minSpan gets no maxPerRow', () => {
    const p = panels(norm({ schemaVersion: 16, panels: [{ id: 7, type: 'stat' }] }))[0];
    expect(p).not.toHaveProperty('maxPerRow');
  });
});

describe('GF v19.panel_links (schemaVersion 18)', () => {
  const out = () =>
    norm({
      schemaVersion: 18,
      panels: [
        {
          id: 1,
          type: 'stat',
          links: [{ dashboard: 'my dashboard', title: 'Dashboard Link', keepTime: true }],
        },
        {
          id: 2,
          type: 'stat',
          links: [{ dashUri: 'my-dashboard-uid', title: 'DashUri Link', includeVars: true }],
        },
        {
          id: 3,
          type: 'table',
          links: [
            { url: 'http://example.com', params: 'customParam=value', title: 'Custom Params Link' },
          ],
        },
        {
          id: 4,
          type: 'timeseries',
          links: [
            {
              dashboard: 'complex dashboard',
              keepTime: true,
              includeVars: true,
              params: 'param1=value1&param2=value2',
              title: 'Complex Link',
              targetBlank: true,
            },
          ],
        },
        {
          id: 5,
          type: 'gauge',
          links: [{ url: 'http://existing-url.com', title: 'Existing URL Link' }],
        },
      ],
    });

  it.each([
    [1, { title: 'Dashboard Link', url: 'dashboard/db/my-dashboard?$__url_time_range' }],
    [2, { title: 'DashUri Link', url: 'dashboard/my-dashboard-uid?$__all_variables' }],
    [3, { title: 'Custom Params Link', url: 'http://example.com?customParam=value' }],
    [
      4,
      {
        targetBlank: true,
        title: 'Complex Link',
        url: 'dashboard/db/complex-dashboard?$__url_time_range&$__all_variables&param1=value1&param2=value2',
      },
    ],
    [5, { title: 'Existing URL Link', url: 'http://existing-url.com' }],
  ])('panel %i', (id, link) => {
    // Grafana writes `targetBlank: false` for a missing one; absent reads the same here.
    expect(byId(out(), id).links).toEqual([link]);
  });
});

describe('GF v26.text2_to_text (schemaVersion 25)', () => {
  const body = '# React Text Panel from Angular Panel\n';
  const out = () =>
    norm({
      schemaVersion: 25,
      panels: [
        { id: 1, type: 'text2', title: 'Text2 Panel' },
        {
          id: 3,
          type: 'text2',
          options: {
            mode: 'markdown',
            content: body,
            angular: { content: body, mode: 'markdown' },
          },
        },
      ],
    });

  it('panel 1: text2 → text', () => {
    expect(byId(out(), 1).type).toBe('text');
  });

  it('panel 3: text2 → text, angular options removed', () => {
    expect(byId(out(), 3)).toMatchObject({
      type: 'text',
      options: { content: body, mode: 'markdown' },
    });
    expect(byId(out(), 3).options).not.toHaveProperty('angular');
  });
});

describe('GF v27.repeated_panels_and_constant_variable (schemaVersion 26)', () => {
  const out = () =>
    norm({
      schemaVersion: 26,
      panels: [
        { id: 1, type: 'stat', repeatPanelId: 'panel1' },
        { id: 2, type: 'stat', title: 'Normal Panel' },
        { id: 7, type: 'stat', title: 'Panel with falsy repeatByRow', repeatByRow: false },
        { id: 8, type: 'stat', title: 'Panel with falsy repeatPanelId', repeatPanelId: 0 },
        {
          id: 4,
          type: 'row',
          collapsed: true,
          panels: [
            { id: 5, type: 'stat', repeatPanelId: 'panel2' },
            { id: 6, type: 'stat', title: 'Normal nested panel' },
            { id: 9, type: 'stat', repeatPanelId: 0 },
          ],
        },
      ],
      templating: {
        list: [{ name: 'constant_var', type: 'constant', query: 'default_value', hide: 0 }],
      },
    });
  const ids = (d: J) => panels(d).map((p) => p.id);

  it('the constant shown becomes a textbox whose current value is its query', () => {
    const current = { selected: true, text: 'default_value', value: 'default_value' };
    expect(vars(out())[0]).toEqual({
      name: 'constant_var',
      type: 'textbox',
      query: 'default_value',
      hide: 0,
      current,
      options: [current],
    });
  });

  it('repeat copies are dropped, at the top and in a collapsed row', () => {
    expect(ids(out())).not.toContain(1);
    expect((byId(out(), 4).panels as J[]).map((p) => p.id)).not.toContain(5);
    expect(ids(out())).toContain(2);
    expect((byId(out(), 4).panels as J[]).map((p) => p.id)).toContain(6);
  });

  it('differs on purpose: a falsy repeatPanelId / repeatByRow keeps its panel', () => {
    // The backend drops any panel that has the key; the browser's removeRepeatedPanels only
    // truthy ones, so a real panel carrying `repeatByRow: false` is kept, as in Grafana's UI.
    expect(ids(out())).toEqual(expect.arrayContaining([7, 8]));
    expect((byId(out(), 4).panels as J[]).map((p) => p.id)).toContain(9);
  });
});

describe('GF v28.singlestat_migration (schemaVersion 27)', () => {
  const colors = ['#FF0000', 'green', 'orange'];
  const out = () =>
    norm({
      schemaVersion: 27,
      panels: [
        {
          id: 1,
          type: 'singlestat',
          legend: true,
          thresholds: '10,20,30',
          colors,
          grid: { min: 1, max: 10 },
        },
        { id: 2, type: 'singlestat', legend: true, thresholds: '', colors },
        {
          id: 3,
          type: 'singlestat',
          thresholds: '10,20,30',
          colors,
          gauge: { show: true, thresholdMarkers: true, thresholdLabels: false },
        },
        {
          id: 4,
          type: 'singlestat',
          thresholds: '10,20,30',
          colors,
          mappingTypes: [{ name: 'value to text', value: 1 }],
          valueMaps: [
            { op: '=', text: 'test', value: '20' },
            { op: '=', text: 'test1', value: '30' },
            { op: '=', text: '50', value: '40' },
          ],
        },
        {
          id: 5,
          type: 'grafana-singlestat-panel',
          colorBackground: false,
          colorValue: true,
          colors: ['#299c46', 'rgba(237, 129, 40, 0.89)', '#d44a3a'],
          format: 'areaF2',
          gauge: { maxValue: 100, minValue: 0, show: false },
          mappingType: 1,
          nullPointMode: 'connected',
          postfix: 'b',
          prefix: 'a',
          rangeMaps: [{ from: 'null', text: 'N/A', to: 'null' }],
          sparkline: { lineColor: 'rgb(31, 120, 193)', show: true },
          tableColumn: '',
          thresholds: '',
          valueMaps: [{ op: '=', text: 'N/A', value: 'null' }],
          valueName: 'avg',
        },
      ],
    });
  const statOptions = {
    colorMode: 'none',
    graphMode: 'none',
    justifyMode: 'auto',
    orientation: 'horizontal',
    reduceOptions: { calcs: ['mean'], fields: '', values: false },
    textMode: 'auto',
  };
  const steps = [
    { color: '#FF0000', value: null },
    { color: 'green', value: 10 },
    { color: 'orange', value: 20 },
  ];

  it('panel 1: one threshold step per colour, stat options, other fields kept', () => {
    const p = byId(out(), 1);
    expect(p).toMatchObject({ type: 'stat', legend: true, grid: { min: 1, max: 10 } });
    expect(defaults(p)).toMatchObject({ mappings: [], thresholds: { mode: 'absolute', steps } });
    expect(p.options).toMatchObject(statOptions);
  });

  it('panel 2: empty thresholds → the stat defaults', () => {
    expect(defaults(byId(out(), 2)).thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'green', value: null },
        { color: 'red', value: 80 },
      ],
    });
  });

  it('differs on purpose: panel 3, a shown gauge, becomes a gauge', () => {
    // The backend makes every singlestat a stat; DashboardMigrator's migrateSinglestat made a
    // singlestat whose gauge was shown a gauge, which is what its users saw.
    const p = byId(out(), 3);
    expect(p.type).toBe('gauge');
    expect(defaults(p).thresholds).toEqual({ mode: 'absolute', steps });
    expect(p.options).toMatchObject({ showThresholdMarkers: true, showThresholdLabels: false });
  });

  it('differs on purpose: panel 4, one value mapping each, coloured only by a numeric text', () => {
    // Same shape as the golden file; its colours come from the mapped value (all orange), the
    // browser's upgradeOldAngularValueMapping colours by the text ('50' → orange only).
    expect(defaults(byId(out(), 4)).mappings).toEqual([
      { type: 'value', options: { '20': { text: 'test' } } },
      { type: 'value', options: { '30': { text: 'test1' } } },
      { type: 'value', options: { '40': { text: '50', color: 'orange' } } },
    ]);
  });

  it('panel 5: unit, null value mode, sparkline and value colour', () => {
    const p = byId(out(), 5);
    expect(p).toMatchObject({ type: 'stat', prefix: 'a', postfix: 'b' });
    expect(defaults(p)).toMatchObject({ unit: 'areaF2', nullValueMode: 'connected' });
    expect(p.options).toMatchObject({ colorMode: 'value', graphMode: 'area' });
  });

  it('differs on purpose: panel 5, reducer, colour and its null mapping', () => {
    // The backend reads `mappingType: 1` as no type (a float against an int) and writes no
    // mapping, gives avg → lastNotNull and a fixed sparkline colour beside colorValue; the
    // browser's handlers give the null mapping, mean, and keep threshold colours when the
    // value is coloured.
    const p = byId(out(), 5);
    expect(defaults(p).mappings).toEqual([
      { type: 'special', options: { match: 'null', result: { text: 'N/A' } } },
    ]);
    expect(p.options).toMatchObject({ reduceOptions: { calcs: ['mean'] } });
    expect(defaults(p).color).toEqual({ mode: 'thresholds' });
    expect(p.rangeMaps).toEqual([{ from: 'null', text: 'N/A', to: 'null' }]);
  });
});

describe('GF v30.value_mappings_and_tooltip_options (schemaVersion 29)', () => {
  const out = () =>
    norm({
      schemaVersion: 29,
      panels: [
        {
          type: 'timeseries',
          id: 1,
          fieldConfig: {
            defaults: {
              thresholds: {
                mode: 'absolute',
                steps: [
                  { color: 'green', value: null },
                  { color: 'red', value: 80 },
                ],
              },
              mappings: [
                { id: 0, text: 'Up', type: 1, value: '1' },
                { id: 1, text: 'Down', type: 1, value: '0' },
                { from: '10', to: '20', text: 'Medium', type: 2 },
                { type: 1, value: 'null', text: 'Null Value' },
              ],
            },
            overrides: [
              {
                matcher: { id: 'byName', options: 'test-field' },
                properties: [
                  { id: 'mappings', value: [{ id: 0, text: 'Override Up', type: 1, value: '1' }] },
                ],
              },
            ],
          },
          options: { tooltipOptions: { mode: 'multi' } },
        },
        { type: 'xychart', id: 2, options: { tooltipOptions: { mode: 'single' } } },
        { type: 'xychart2', id: 3, options: { tooltipOptions: { mode: 'single', sort: 'none' } } },
        {
          type: 'stat',
          id: 5,
          fieldConfig: {
            defaults: {
              mappings: [
                { id: 0, text: 'Critical', type: 1, value: '100' },
                { from: '50', to: '99', text: 'Warning', type: 2 },
                { from: '0', to: '49', text: 'OK', type: 2 },
              ],
            },
          },
        },
        {
          type: 'row',
          id: 6,
          collapsed: true,
          panels: [
            {
              type: 'timeseries',
              id: 7,
              fieldConfig: {
                defaults: {
                  mappings: [
                    { id: 0, text: 'On', type: 1, value: '1' },
                    { id: 1, text: 'Off', type: 1, value: '0' },
                  ],
                },
              },
              options: { tooltipOptions: { mode: 'multi' } },
            },
          ],
        },
        {
          type: 'stat',
          id: 9,
          fieldConfig: {
            defaults: { mappings: [] },
            overrides: [
              {
                matcher: { id: 'byName', options: 'empty-field' },
                properties: [{ id: 'mappings', value: [] }],
              },
            ],
          },
        },
      ],
    });

  it('differs on purpose: panel 1 defaults, no colour for a text that is not a number', () => {
    // The golden file colours Up, Down, Medium and Null Value green (from the value); the
    // browser's upgradeValueMappings colours by the text, and DMT expects exactly that.
    expect(defaults(byId(out(), 1)).mappings).toEqual([
      { type: 'value', options: { '0': { text: 'Down' }, '1': { text: 'Up' } } },
      { type: 'range', options: { from: 10, to: 20, result: { text: 'Medium' } } },
      { type: 'special', options: { match: 'null', result: { text: 'Null Value' } } },
    ]);
  });

  it('panel 1 overrides', () => {
    const o = (byId(out(), 1).fieldConfig as { overrides: { properties: J[] }[] }).overrides;
    expect(o[0]?.properties).toEqual([
      { id: 'mappings', value: [{ type: 'value', options: { '1': { text: 'Override Up' } } }] },
    ]);
  });

  it.each([
    [1, { mode: 'multi' }],
    [2, { mode: 'single' }],
    [3, { mode: 'single', sort: 'none' }],
    [7, { mode: 'multi' }],
  ])('panel %i: tooltipOptions → tooltip', (id, tooltip) => {
    const p = byId(out(), id);
    expect(p.options).toMatchObject({ tooltip });
    expect(p.options).not.toHaveProperty('tooltipOptions');
  });

  it('panel 5: value and range mappings', () => {
    expect(defaults(byId(out(), 5)).mappings).toEqual([
      { type: 'value', options: { '100': { text: 'Critical' } } },
      { type: 'range', options: { from: 50, to: 99, result: { text: 'Warning' } } },
      { type: 'range', options: { from: 0, to: 49, result: { text: 'OK' } } },
    ]);
  });

  it('panel 7 (in a collapsed row): value mappings merged', () => {
    expect(defaults(byId(out(), 7)).mappings).toEqual([
      { type: 'value', options: { '0': { text: 'Off' }, '1': { text: 'On' } } },
    ]);
  });

  it('panel 9: empty mapping lists stay empty', () => {
    const fc = byId(out(), 9).fieldConfig as { defaults: J; overrides: { properties: J[] }[] };
    expect(fc.defaults.mappings).toEqual([]);
    expect(fc.overrides[0]?.properties).toEqual([{ id: 'mappings', value: [] }]);
  });
});
