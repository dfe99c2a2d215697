import { describe, expect, it } from 'vitest';
import { normaliseDashboard } from './index.ts';

type J = Record<string, unknown>;
const norm = (d: J, opts?: Parameters<typeof normaliseDashboard>[1]) =>
  normaliseDashboard({ schemaVersion: 30, ...d }, opts);
const panel = (d: J, i = 0) => (norm(d).dashboard.panels as J[])[i] as J;
const issueLines = (d: J) => norm(d).issues.map((i) => `${i.path}: ${i.message}`);

describe('graph → timeseries', () => {
  const graph = {
    type: 'graph',
    id: 1,
    title: 'G',
    bars: false,
    lines: true,
    points: true,
    fill: 3,
    linewidth: 2,
    stack: true,
    keepMe: { a: 1 },
    yaxes: [{ format: 'bytes', min: '0', max: null, decimals: 1, label: 'B' }, { format: 'short' }],
    legend: {
      show: true,
      alignAsTable: true,
      rightSide: true,
      values: true,
      avg: true,
      current: true,
      max: true,
      min: false,
      total: true,
    },
    seriesOverrides: [
      { alias: 'errors', color: '#f00' },
      { alias: '/5../', color: 'red', linewidth: 0 },
    ],
    thresholds: [{ value: 80, op: 'gt', colorMode: 'critical', fill: true, line: true }],
    targets: [{ expr: 'up' }],
  };

  it('maps draw style, axis, legend, overrides and thresholds', () => {
    const p = panel({ panels: [graph] });
    expect(p.type).toBe('timeseries');
    expect(p.keepMe).toEqual({ a: 1 });
    for (const k of ['yaxes', 'legend', 'seriesOverrides', 'thresholds', 'lines', 'fill'])
      expect(p).not.toHaveProperty(k);
    const fc = p.fieldConfig as { defaults: J; overrides: J[] };
    expect(fc.defaults).toMatchObject({ unit: 'bytes', min: 0, decimals: 1 });
    expect(fc.defaults).not.toHaveProperty('max');
    expect(fc.defaults.custom).toMatchObject({
      drawStyle: 'line',
      showPoints: 'always',
      fillOpacity: 30,
      lineWidth: 2,
      stacking: { mode: 'normal', group: 'A' },
      axisLabel: 'B',
      thresholdsStyle: { mode: 'line+area' },
    });
    expect(fc.defaults.thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'transparent', value: null },
        { color: 'red', value: 80 },
      ],
    });
    expect(fc.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'errors' },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#f00' } }],
      },
      {
        matcher: { id: 'byRegexp', options: '/5../' },
        properties: [
          { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
          { id: 'custom.lineWidth', value: 0 },
        ],
      },
    ]);
    expect((p.options as J).legend).toEqual({
      showLegend: true,
      displayMode: 'table',
      placement: 'right',
      calcs: ['mean', 'lastNotNull', 'max', 'sum'],
    });
  });

  it('maps bars and hidden legends', () => {
    const p = panel({
      panels: [{ type: 'graph', bars: true, lines: false, legend: { show: false } }],
    });
    expect((p.fieldConfig as { defaults: { custom: J } }).defaults.custom.drawStyle).toBe('bars');
    expect((p.options as J).legend).toMatchObject({ showLegend: false, displayMode: 'list' });
  });

  // Grafana's flotToGraphOptions (public/app/plugins/panel/timeseries/migrations.ts):
  // transform, yaxis 2 and fillBelowTo become override properties, kept in the JSON.
  it('migrates negative-Y, the second axis and stacking groups into overrides', () => {
    const seriesOverrides = [
      { alias: 'a', yaxis: 2 },
      { alias: '/transmit/', yaxis: 2, transform: 'negative-Y' },
      { alias: 'c', fillBelowTo: 'd' },
      { alias: 'Total', stack: false },
      { alias: 'e', stack: 'B', transform: 'constant' },
    ];
    const yaxes = [
      { format: 'bytes', show: true, label: 'Memory' },
      { format: 'percent', show: true, min: '0', logBase: 1 },
    ];
    const p = panel({ panels: [{ type: 'graph', seriesOverrides, yaxes }] });
    const fc = p.fieldConfig as { defaults: J; overrides: J[] };
    expect(fc.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'a' },
        properties: [
          { id: 'unit', value: 'percent' },
          { id: 'min', value: 0 },
          { id: 'custom.axisPlacement', value: 'right' },
        ],
      },
      {
        matcher: { id: 'byRegexp', options: '/transmit/' },
        properties: [
          { id: 'unit', value: 'percent' },
          { id: 'min', value: 0 },
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'custom.transform', value: 'negative-Y' },
        ],
      },
      {
        matcher: { id: 'byName', options: 'c' },
        properties: [{ id: 'custom.fillBelowTo', value: 'd' }],
      },
      {
        matcher: { id: 'byName', options: 'Total' },
        properties: [{ id: 'custom.stacking', value: { mode: 'none', group: 'A' } }],
      },
      {
        matcher: { id: 'byName', options: 'e' },
        properties: [
          { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          { id: 'custom.transform', value: 'constant' },
        ],
      },
    ]);
    expect(fc.defaults).toMatchObject({ unit: 'bytes', custom: { axisLabel: 'Memory' } });
    // What is drawn is not reported; what is not is, in Grafana's words, per override.
    expect(issueLines({ panels: [{ type: 'graph', seriesOverrides, yaxes }] })).toEqual([
      'panels[0].fieldConfig.overrides[2].properties[0]: override "c": fill below to "d" is not drawn',
      'panels[0].fieldConfig.overrides[4].properties[1]: override "e": transform constant is not drawn; values shown as they are',
    ]);
  });

  it('a hidden left axis is hidden; a second axis equal to the first adds nothing', () => {
    const p = panel({
      panels: [
        {
          type: 'graph',
          yaxes: [
            { show: false, logBase: 2 },
            { show: false, logBase: 2 },
          ],
          seriesOverrides: [{ alias: 'x', yaxis: 2 }],
        },
      ],
    });
    const fc = p.fieldConfig as { defaults: { custom: J }; overrides: J[] };
    expect(fc.defaults.custom).toMatchObject({
      axisPlacement: 'hidden',
      scaleDistribution: { type: 'log', log: 2 },
    });
    expect(fc.overrides).toEqual([]);
    expect(issueLines({ panels: [{ type: 'graph', yaxes: [{ logBase: 32 }] }] })).toEqual([
      'panels[0].fieldConfig.defaults.custom.scaleDistribution: scale log 32 is drawn linear',
    ]);
  });

  it('keeps what Grafana would drop from a series override, and reports it', () => {
    const seriesOverrides = [{ alias: 'c', fillBelowTo: 'd', zindex: 3, $$hashKey: 'object:1' }];
    const p = panel({ panels: [{ type: 'graph', seriesOverrides }] });
    expect(p.seriesOverrides).toEqual([{ alias: 'c', zindex: 3 }]);
    expect(issueLines({ panels: [{ type: 'graph', seriesOverrides }] })).toContain(
      'panels[0].seriesOverrides[0].zindex: graph series override "c": zindex 3 is not drawn',
    );
  });

  it('keeps the tooltip sort of the graph', () => {
    const sorted = (sort: number) =>
      (panel({ panels: [{ type: 'graph', tooltip: { shared: true, sort } }] }).options as J)
        .tooltip;
    expect([0, 1, 2].map(sorted)).toEqual([
      { mode: 'multi', sort: 'none' },
      { mode: 'multi', sort: 'asc' },
      { mode: 'multi', sort: 'desc' },
    ]);
  });
});

describe('singlestat → stat / gauge', () => {
  const ss = {
    type: 'singlestat',
    format: 'percent',
    decimals: 2,
    valueName: 'total',
    thresholds: '50,80',
    colors: ['green', 'orange', 'red'],
    colorBackground: true,
    valueMaps: [
      { op: '=', value: '1', text: 'UP' },
      { op: '=', value: 'null', text: 'N/A' },
    ],
    rangeMaps: [{ from: '2', to: '5', text: 'mid' }],
    sparkline: { show: true },
    targets: [{ expr: 'x' }],
  };

  it('maps unit, decimals, calcs, thresholds, mappings and sparkline', () => {
    const p = panel({ panels: [ss] });
    expect(p.type).toBe('stat');
    const d = (p.fieldConfig as { defaults: J }).defaults;
    expect(d).toMatchObject({ unit: 'percent', decimals: 2 });
    expect(d.thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'green', value: null },
        { color: 'orange', value: 50 },
        { color: 'red', value: 80 },
      ],
    });
    // Without mappingType, Grafana applies the value maps when there are any: one mapping
    // each, in order; the range maps the singlestat did not apply are kept, unused.
    expect(d.mappings).toEqual([
      { type: 'value', options: { '1': { text: 'UP' } } },
      { type: 'special', options: { match: 'null', result: { text: 'N/A' } } },
    ]);
    expect(p.rangeMaps).toEqual(ss.rangeMaps);
    // Percent had an implied 0–100 range (sharedSingleStatMigrationHandler).
    expect(d).toMatchObject({ min: 0, max: 100 });
    expect(p.options).toMatchObject({
      reduceOptions: { calcs: ['sum'] },
      colorMode: 'background',
      graphMode: 'area',
    });
    expect(p).not.toHaveProperty('valueName');
  });

  it.each([
    ['avg', 'mean'],
    ['current', 'lastNotNull'],
    ['max', 'max'],
    ['min', 'min'],
    ['total', 'sum'],
    ['first', 'first'],
    ['delta', 'delta'],
    ['range', 'range'],
    // Not reducers in Grafana's registry: its migration falls back to mean.
    ['name', 'mean'],
    ['last_time', 'mean'],
  ])('valueName %s → %s', (valueName, calc) => {
    const p = panel({ panels: [{ type: 'singlestat', valueName }] });
    expect((p.options as { reduceOptions: J }).reduceOptions.calcs).toEqual([calc]);
  });

  it('keeps the sparkline colour when the value is not coloured, as StatMigrations', () => {
    const line = 'rgb(31, 120, 193)';
    const plain = panel({
      panels: [{ type: 'singlestat', sparkline: { show: true, lineColor: line } }],
    });
    const valued = panel({
      panels: [
        { type: 'singlestat', colorValue: true, sparkline: { show: true, lineColor: line } },
      ],
    });
    expect((plain.fieldConfig as { defaults: J }).defaults.color).toEqual({
      mode: 'fixed',
      fixedColor: line,
    });
    expect((valued.fieldConfig as { defaults: J }).defaults.color).toEqual({ mode: 'thresholds' });
  });

  it('maps nullText, decimals 0, valueName name and a range map list', () => {
    const p = panel({
      panels: [
        {
          type: 'singlestat',
          nullText: '-',
          decimals: 0,
          valueName: 'name',
          thresholds: '5',
          colors: ['green', 'red'],
          mappingType: 2,
          rangeMaps: [
            { from: '0', to: '4', text: '3 low' },
            { from: 'null', to: 'null', text: 'none' },
          ],
        },
      ],
    });
    const d = (p.fieldConfig as { defaults: J }).defaults;
    expect(d).toMatchObject({ noValue: '-', decimals: 0 });
    expect(d.mappings).toEqual([
      { type: 'range', options: { from: 0, to: 4, result: { text: '3 low', color: 'green' } } },
      { type: 'special', options: { match: 'null', result: { text: 'none' } } },
    ]);
    expect(p.options).toMatchObject({ textMode: 'name', reduceOptions: { calcs: ['mean'] } });
  });

  it('becomes a gauge when its gauge was shown', () => {
    const p = panel({
      panels: [{ type: 'singlestat', gauge: { show: true, minValue: 0, maxValue: 1 } }],
    });
    expect(p.type).toBe('gauge');
    expect((p.fieldConfig as { defaults: J }).defaults).toMatchObject({ min: 0, max: 1 });
  });
});

describe('old table → table', () => {
  it("keeps a string style's value maps as the column's mappings", () => {
    // As pool-overview.json's "Compression" column: 1 was shown as ON by the Angular table.
    const styles = [
      {
        pattern: 'Value #K',
        type: 'string',
        mappingType: 1,
        valueMaps: [{ text: 'ON', value: '1' }],
        thresholds: [],
      },
    ];
    const p = panel({ schemaVersion: 22, panels: [{ type: 'table', transform: 'table', styles }] });
    const fc = p.fieldConfig as { overrides: J[] };
    expect(fc.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'Value #K' },
        properties: [
          { id: 'mappings', value: [{ type: 'value', options: { '1': { text: 'ON' } } }] },
        ],
      },
    ]);
  });

  it('maps styles to overrides and the table transform to merge', () => {
    const styles = [
      { pattern: 'Value', type: 'number', unit: 'bytes', decimals: 1, alias: 'Size' },
      { pattern: 'job', type: 'string' },
      { pattern: '/.*/', type: 'hidden' },
    ];
    const p = panel({ schemaVersion: 22, panels: [{ type: 'table', transform: 'table', styles }] });
    expect(p.type).toBe('table');
    expect(p.transformations).toEqual([{ id: 'merge', options: { reducers: [] } }]);
    const fc = p.fieldConfig as { defaults: J; overrides: J[] };
    expect(fc.defaults.custom).toEqual({ hidden: true });
    expect(fc.overrides[0]).toEqual({
      matcher: { id: 'byName', options: 'Value' },
      properties: [
        { id: 'displayName', value: 'Size' },
        { id: 'custom.hidden', value: false },
        { id: 'unit', value: 'bytes' },
        { id: 'decimals', value: 1 },
      ],
    });
  });

  it('keeps unsupported transforms as table-old and reports them', () => {
    const d = { panels: [{ type: 'table-old', transform: 'json' }] };
    expect(panel(d).type).toBe('table-old');
    expect(issueLines(d)).toEqual([
      'panels[0].transform: old table transform "json" is not supported; kept as table-old',
    ]);
  });

  it('leaves a new table alone from schemaVersion 24', () => {
    const p = panel({ schemaVersion: 30, panels: [{ type: 'table', styles: [] }] });
    expect(p.styles).toEqual([]);
  });
});

describe('heatmap', () => {
  // The shape of shared/fixtures/grafana/ceph-cluster.json's old Angular heatmaps.
  const old = {
    type: 'heatmap',
    id: 7,
    title: 'H',
    cards: { cardPadding: null, cardRound: 1 },
    color: { colorScheme: 'interpolateBlues', mode: 'spectrum', exponent: 0.5 },
    dataFormat: 'tsbuckets',
    yAxis: { format: 's', logBase: 1, show: true },
    targets: [{ expr: 'sum by (le) (rate(x_bucket[5m]))', format: 'heatmap' }],
  };

  it('keeps an old heatmap as it came and reports only its rounded cells', () => {
    const p = panel({ panels: [old] });
    expect(p.type).toBe('heatmap');
    for (const key of ['cards', 'color', 'dataFormat', 'yAxis'] as const)
      expect(p[key]).toEqual(old[key]);
    expect(p.options).toBeUndefined(); // read as Grafana migrates it, not rewritten
    expect(issueLines({ panels: [old] })).toEqual([
      'panels[0].cards.cardRound: heatmap cell radius 1 is drawn square',
    ]);
  });

  it('reports log-scale buckets and cell values, which are not drawn', () => {
    expect(issueLines({ panels: [{ ...old, cards: {}, yAxis: { logBase: 2 } }] })).toEqual([
      'panels[0].yAxis.logBase: heatmap y axis log base 2 is drawn linear',
    ]);
    const current = {
      type: 'heatmap',
      options: {
        calculate: true,
        calculation: { yBuckets: { mode: 'count', scale: { type: 'log', log: 2 } } },
        showValue: 'always',
      },
    };
    expect(issueLines({ panels: [current] })).toEqual([
      'panels[0].options.calculation.yBuckets.scale.type: heatmap y buckets scale log is drawn linear',
      'panels[0].options.showValue: heatmap show values always is not written in the cells',
    ]);
  });
});

// Cases of public/app/plugins/panel/piechart/migrations.test.ts, through the whole import.
describe('grafana-piechart-panel → piechart', () => {
  const old = (fields: J) => panel({ panels: [{ type: 'grafana-piechart-panel', ...fields }] });

  it('carries alias colours over as fixed-colour overrides by name', () => {
    const p = old({ aliasColors: { x: '#fff' } });
    expect(p.type).toBe('piechart');
    expect((p.fieldConfig as J).overrides).toContainEqual({
      matcher: { id: 'byName', options: 'x' },
      properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#fff' } }],
    });
    expect(p.aliasColors).toBeUndefined();
  });

  it('sets the calculation from valueName (total → sum)', () => {
    expect(old({ valueName: 'total' }).options).toMatchObject({
      reduceOptions: { calcs: ['sum'] },
    });
    expect(old({ valueName: 'current' }).options).toMatchObject({
      reduceOptions: { calcs: ['lastNotNull'] },
    });
  });

  it('draws labels on the pie for a legend "On graph", and hides the legend', () => {
    expect(old({ legendType: 'On graph', legend: { values: true } }).options).toMatchObject({
      displayLabels: ['name', 'value'],
      legend: { showLegend: false },
    });
    expect(old({ legendType: 'On graph', legend: {} }).options).toMatchObject({
      legend: { showLegend: false },
    });
  });

  it('keeps unit, decimals (0 when unset), donut and a table legend under the graph', () => {
    const p = old({
      format: 'bytes',
      pieType: 'donut',
      legendType: 'Under graph',
      legend: { show: true, values: true, percentage: true },
    });
    expect((p.fieldConfig as J).defaults).toEqual({ unit: 'bytes', decimals: 0 });
    expect(p.options).toEqual({
      pieType: 'donut',
      legend: {
        placement: 'bottom',
        values: ['value', 'percent'],
        displayMode: 'table',
        showLegend: true,
        calcs: [],
      },
    });
  });

  it('reports what the new pie chart has no place for, and keeps it', () => {
    const d = {
      panels: [
        {
          type: 'grafana-piechart-panel',
          combine: { threshold: 0.05, label: 'Rest' },
          legend: { show: true, percentageDecimals: 1 },
        },
      ],
    };
    expect(issueLines(d)).toEqual([
      'panels[0].combine: slices under 5% are not combined into one "Rest" slice (the new pie chart has no such option); each is drawn',
      "panels[0].legend.percentageDecimals: the legend's percent decimals are the field's decimals, as in Grafana's pie chart",
    ]);
    expect(panel(d).combine).toEqual({ threshold: 0.05, label: 'Rest' });
  });
});

describe('the import report of what is not drawn (contract/undrawn.ts)', () => {
  it('lists what a drawn panel keeps but does not draw, per panel', () => {
    const { issues, dashboard } = normaliseDashboard({
      schemaVersion: 39,
      panels: [
        {
          id: 4,
          type: 'timeseries',
          title: 'Latency',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          transformations: [{ id: 'calculateField' }],
          targets: [{ refId: 'A', expr: 'up' }],
        },
      ],
    });
    expect(issues).toEqual([
      {
        panelId: 4,
        panelTitle: 'Latency',
        path: 'panels[0].transformations',
        message: 'transformations are not applied (calculateField)',
      },
    ]);
    // Kept as it came, so a save here does not lose it.
    expect((dashboard.panels as { transformations?: unknown[] }[])[0]!.transformations).toEqual([
      { id: 'calculateField' },
    ]);
  });
});
