// Grafana's own cases for the graph → time series migration, transcribed as data from
// public/app/plugins/panel/timeseries/migrations.test.ts and
// public/app/plugins/panel/timeseries/__snapshots__/migrations.test.ts.snap (grafana/grafana).
// Each input is the Angular panel (`angular`), the expected output Grafana's snapshot. Where
// we differ on purpose the expectation says so (DIFF); docs/GRAFANA-COMPATIBILITY.md says why.
import { describe, expect, it } from 'vitest';
import { normaliseDashboard } from './index.ts';

type J = Record<string, unknown>;

/** The migrated panel's field config and legend/tooltip options, as Grafana's snapshot has them. */
function migrate(angular: J, fieldConfig: J = { defaults: {}, overrides: [] }) {
  const { dashboard } = normaliseDashboard({
    schemaVersion: 39,
    panels: [{ ...angular, type: 'graph', fieldConfig }],
  });
  const p = (dashboard.panels as J[])[0]!;
  const o = p.options as J;
  return {
    panel: p,
    fieldConfig: p.fieldConfig as J,
    options: { legend: o.legend, tooltip: o.tooltip },
  };
}

const YAXES = (leftShow: boolean, rightLog = 1) => [
  {
    $$hashKey: 'object:42',
    format: 'short',
    label: null,
    logBase: 1,
    max: null,
    min: null,
    show: leftShow,
  },
  {
    $$hashKey: 'object:43',
    format: 'short',
    label: null,
    logBase: rightLog,
    max: null,
    min: null,
    show: true,
  },
];
const XAXIS = { buckets: null, mode: 'time', name: null, show: true, values: [] };
const TOOLTIP = { shared: true, sort: 0, value_type: 'individual' };
const LEGEND_OFF = {
  show: true,
  values: false,
  min: false,
  max: false,
  current: false,
  total: false,
  avg: false,
};
const LEGEND_TABLE = {
  avg: true,
  current: true,
  max: false,
  min: false,
  show: true,
  total: true,
  values: true,
  alignAsTable: true,
};

/** migrations.test.ts `customColor` (and `stairscase`, the same without overrides). */
const customColor: J = {
  aliasColors: {},
  dashLength: 10,
  fill: 5,
  fillGradient: 6,
  legend: {
    avg: true,
    current: true,
    max: true,
    min: true,
    show: true,
    total: true,
    values: true,
    alignAsTable: true,
  },
  lines: true,
  linewidth: 1,
  nullPointMode: 'null',
  options: { alertThreshold: true },
  pointradius: 2,
  seriesOverrides: [
    { $$hashKey: 'object:12', alias: 'A-series', color: 'rgba(165, 72, 170, 0.77)' },
    { $$hashKey: 'object:13', alias: 'B-series', color: 'rgba(16, 72, 170, 0.77)' },
  ],
  spaceLength: 10,
  steppedLine: true,
  thresholds: [],
  timeRegions: [],
  title: 'Panel Title',
  tooltip: TOOLTIP,
  xaxis: XAXIS,
  yaxes: YAXES(false),
  yaxis: { align: false, alignLevel: null },
  timeFrom: null,
  timeShift: null,
  bars: false,
  dashes: false,
  hiddenSeries: false,
  percentage: false,
  points: false,
  stack: false,
  // DIFF: the graph's decimals (its legend and tooltip) become defaults.decimals here.
  decimals: 1,
  datasource: null,
};

/** migrations.test.ts `stepedColordLine`, `legend`, `stacking`, `stackingGroups`: one shape. */
const stepped = (over: J = {}): J => ({
  aliasColors: { 'A-series': 'red' },
  dashLength: 10,
  fieldConfig: { defaults: { custom: {} }, overrides: [] },
  fill: 5,
  gridPos: { h: 9, w: 12, x: 0, y: 0 },
  id: 2,
  legend: { ...LEGEND_OFF, show: true },
  lines: true,
  linewidth: 5,
  maxDataPoints: 20,
  nullPointMode: 'null',
  options: { alertThreshold: true },
  pluginVersion: '7.4.0-pre',
  pointradius: 2,
  renderer: 'flot',
  seriesOverrides: [],
  spaceLength: 10,
  steppedLine: true,
  thresholds: [],
  timeRegions: [],
  title: 'Panel Title',
  tooltip: TOOLTIP,
  xaxis: XAXIS,
  yaxes: YAXES(true),
  yaxis: { align: false, alignLevel: null },
  bars: false,
  dashes: false,
  fillGradient: 0,
  hiddenSeries: false,
  percentage: false,
  points: false,
  stack: false,
  timeFrom: null,
  timeShift: null,
  datasource: null,
  ...over,
});

const color = (fixedColor: string) => ({ id: 'color', value: { mode: 'fixed', fixedColor } });
const redA = { matcher: { id: 'byName', options: 'A-series' }, properties: [color('red')] };
const steppedCustom = {
  axisPlacement: 'auto',
  drawStyle: 'line',
  fillOpacity: 50,
  lineInterpolation: 'stepAfter',
  lineWidth: 5,
  showPoints: 'never',
  spanNulls: false,
};
const customColorDefaults = {
  custom: {
    axisPlacement: 'hidden',
    drawStyle: 'line',
    fillOpacity: 60,
    gradientMode: 'opacity',
    lineInterpolation: 'stepAfter',
    lineWidth: 1,
    showPoints: 'never',
    spanNulls: false,
  },
  decimals: 1, // DIFF, see above
  nullValueMode: 'null',
  unit: 'short',
};
const listLegend = { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true };
const multi = { mode: 'multi', sort: 'none' };
const single = { mode: 'single', sort: 'none' };

describe("Grafana's graph migrations (migrations.test.ts)", () => {
  it('simple bars', () => {
    expect(migrate({ bars: true })).toMatchObject({
      fieldConfig: {
        defaults: {
          custom: { drawStyle: 'bars', fillOpacity: 100, showPoints: 'never', spanNulls: false },
        },
        overrides: [],
      },
      options: { legend: listLegend, tooltip: single },
    });
    expect((migrate({ bars: true }).fieldConfig.defaults as J).custom).toEqual({
      drawStyle: 'bars',
      fillOpacity: 100,
      showPoints: 'never',
      spanNulls: false,
    });
  });

  it('stairscase: the y axis unit wins over the field config, its displayName stays', () => {
    const { seriesOverrides: _, ...stairscase } = customColor;
    const out = migrate(stairscase, {
      defaults: { custom: {}, unit: 'areaF2', displayName: 'DISPLAY NAME' },
      overrides: [],
    });
    expect(out.fieldConfig).toEqual({
      defaults: { ...customColorDefaults, displayName: 'DISPLAY NAME' },
      overrides: [],
    });
    expect(out.options).toEqual({
      legend: {
        ...listLegend,
        calcs: ['mean', 'lastNotNull', 'max', 'min', 'sum'],
        displayMode: 'table',
      },
      tooltip: multi,
    });
  });

  it('twoYAxis: the right axis as override properties, dashes from the panel', () => {
    const twoYAxis = {
      yaxes: [
        {
          label: 'Y111',
          show: true,
          logBase: 10,
          min: '0',
          max: '1000',
          format: 'areaMI2',
          $$hashKey: 'object:19',
          decimals: 3,
        },
        {
          label: 'Y222',
          show: true,
          logBase: 1,
          min: '-10',
          max: '25',
          format: 'degree',
          $$hashKey: 'object:20',
          decimals: 2,
        },
      ],
      xaxis: { show: true, mode: 'time', name: null, values: [], buckets: null },
      yaxis: { align: false, alignLevel: null },
      lines: true,
      fill: 1,
      linewidth: 1,
      dashLength: 10,
      spaceLength: 10,
      pointradius: 2,
      legend: LEGEND_OFF,
      nullPointMode: 'null',
      tooltip: { value_type: 'individual', shared: true, sort: 0 },
      aliasColors: {},
      seriesOverrides: [
        { alias: 'B-series', yaxis: 2, dashLength: 5, dashes: true, spaceLength: 8 },
      ],
      thresholds: [],
      timeRegions: [],
      targets: [{ refId: 'A' }, { refId: 'B' }],
      fillGradient: 0,
      dashes: true,
      hiddenSeries: false,
      points: false,
      bars: false,
      stack: false,
      percentage: false,
      steppedLine: false,
      timeFrom: null,
      timeShift: null,
      datasource: null,
    };
    const out = migrate(twoYAxis);
    expect(out.fieldConfig).toEqual({
      defaults: {
        custom: {
          axisLabel: 'Y111',
          axisPlacement: 'auto',
          drawStyle: 'line',
          fillOpacity: 10,
          lineStyle: { dash: [10, 10], fill: 'dash' },
          lineWidth: 1,
          scaleDistribution: { log: 10, type: 'log' },
          showPoints: 'never',
          spanNulls: false,
        },
        decimals: 3,
        max: 1000,
        min: 0,
        nullValueMode: 'null',
        unit: 'areaMI2',
      },
      overrides: [
        {
          matcher: { id: 'byName', options: 'B-series' },
          properties: [
            { id: 'unit', value: 'degree' },
            { id: 'decimals', value: 2 },
            { id: 'min', value: -10 },
            { id: 'max', value: 25 },
            { id: 'custom.axisLabel', value: 'Y222' },
            // DIFF: the series is placed on the right, where the graph drew it.
            { id: 'custom.axisPlacement', value: 'right' },
            { id: 'custom.lineStyle', value: { dash: [5, 8], fill: 'dash' } },
          ],
        },
      ],
    });
    expect(out.options).toEqual({ legend: listLegend, tooltip: multi });
  });

  it('stepped line', () => {
    const out = migrate(stepped());
    expect(out.fieldConfig).toEqual({
      defaults: { custom: steppedCustom, nullValueMode: 'null', unit: 'short' },
      overrides: [redA],
    });
    expect(out.options).toEqual({ legend: listLegend, tooltip: multi });
  });

  it('preserves colors from series overrides', () => {
    const out = migrate(customColor);
    expect(out.fieldConfig).toEqual({
      defaults: customColorDefaults,
      overrides: [
        {
          matcher: { id: 'byName', options: 'A-series' },
          properties: [color('rgba(165, 72, 170, 0.77)')],
        },
        {
          matcher: { id: 'byName', options: 'B-series' },
          properties: [color('rgba(16, 72, 170, 0.77)')],
        },
      ],
    });
  });

  it('preserves series overrides using a regex alias, whole, flags included', () => {
    const regex = structuredClone(customColor);
    const list = regex.seriesOverrides as J[];
    list[0]!.alias = '/^A-/';
    list[1]!.alias = '/.*Status: 2[0-9]+.*/i';
    expect((migrate(regex).fieldConfig.overrides as J[]).map((o) => o.matcher)).toEqual([
      { id: 'byRegexp', options: '/^A-/' },
      { id: 'byRegexp', options: '/.*Status: 2[0-9]+.*/i' },
    ]);
  });

  describe('legend', () => {
    it('without values', () => {
      const out = migrate({ legend: LEGEND_OFF });
      expect(out.fieldConfig).toEqual({
        defaults: { custom: { drawStyle: 'points', spanNulls: false } },
        overrides: [],
      });
      expect(out.options).toEqual({ legend: listLegend, tooltip: single });
    });
    it('with single value', () => {
      const out = migrate({ legend: { ...LEGEND_OFF, values: true, total: true } });
      expect(out.options).toEqual({ legend: { ...listLegend, calcs: ['sum'] }, tooltip: single });
    });
    it('with multiple values, in the order of the legend keys', () => {
      const out = migrate(stepped({ legend: LEGEND_TABLE }));
      expect(out.fieldConfig).toEqual({
        defaults: { custom: steppedCustom, nullValueMode: 'null', unit: 'short' },
        overrides: [redA],
      });
      expect(out.options).toEqual({
        legend: {
          calcs: ['mean', 'lastNotNull', 'sum'],
          displayMode: 'table',
          placement: 'bottom',
          showLegend: true,
        },
        tooltip: multi,
      });
    });
    it('with sideWidth', () => {
      const legend = {
        alignAsTable: true,
        rightSide: true,
        show: true,
        sideWidth: 200,
        total: true,
        values: true,
      };
      expect(migrate({ legend }).options.legend).toEqual({
        calcs: ['sum'],
        displayMode: 'table',
        placement: 'right',
        showLegend: true,
        width: 200,
      });
    });
  });

  describe('stacking', () => {
    it('simple', () => {
      const out = migrate(stepped({ legend: LEGEND_TABLE, stack: true }));
      expect(out.fieldConfig).toEqual({
        defaults: {
          custom: { ...steppedCustom, stacking: { group: 'A', mode: 'normal' } },
          nullValueMode: 'null',
          unit: 'short',
        },
        overrides: [redA],
      });
    });
    it('groups', () => {
      const seriesOverrides = [
        { alias: 'A-series', stack: 'A' },
        { alias: 'B-series', stack: 'A' },
      ];
      const out = migrate(stepped({ legend: LEGEND_TABLE, stack: true, seriesOverrides }));
      const stackA = { id: 'custom.stacking', value: { group: 'A', mode: 'normal' } };
      expect(out.fieldConfig.overrides).toEqual([
        redA,
        { matcher: { id: 'byName', options: 'A-series' }, properties: [stackA] },
        { matcher: { id: 'byName', options: 'B-series' }, properties: [stackA] },
      ]);
    });
  });

  describe('thresholds', () => {
    const steps = (thresholds: J[]) => {
      const d = migrate({ thresholds }).fieldConfig.defaults as {
        custom: J;
        thresholds: { steps: J[] };
      };
      return { mode: (d.custom.thresholdsStyle as J).mode, steps: d.thresholds.steps };
    };
    // -Infinity is null in JSON, as Grafana stores it.
    it('Only gt thresholds', () => {
      expect(
        steps([
          { colorMode: 'critical', fill: true, line: false, op: 'gt', value: 80, yaxis: 'left' },
          { colorMode: 'warning', fill: true, line: false, op: 'gt', value: 50, yaxis: 'left' },
        ]),
      ).toEqual({
        mode: 'area',
        steps: [
          { color: 'transparent', value: null },
          { color: 'orange', value: 50 },
          { color: 'red', value: 80 },
        ],
      });
    });
    it('gt & lt thresholds', () => {
      expect(
        steps([
          { colorMode: 'critical', fill: true, line: true, op: 'gt', value: 80, yaxis: 'left' },
          { colorMode: 'warning', fill: true, line: true, op: 'lt', value: 40, yaxis: 'left' },
        ]),
      ).toEqual({
        mode: 'line+area',
        steps: [
          { color: 'orange', value: null },
          { color: 'transparent', value: 40 },
          { color: 'red', value: 80 },
        ],
      });
    });
    it('Only lt thresholds', () => {
      expect(
        steps([
          { colorMode: 'warning', fill: true, line: true, op: 'lt', value: 40, yaxis: 'left' },
        ]),
      ).toEqual({
        mode: 'line+area',
        steps: [
          { color: 'orange', value: null },
          { color: 'transparent', value: 40 },
        ],
      });
    });
    it('hide series: hideFrom.graph is hideFrom.viz', () => {
      const fieldConfig = {
        defaults: { custom: { hideFrom: { tooltip: false, graph: false, legend: false } } },
        overrides: [
          {
            matcher: {
              id: 'byNames',
              options: {
                mode: 'exclude',
                names: ['Bedroom'],
                prefix: 'All except:',
                readOnly: true,
              },
            },
            properties: [
              { id: 'custom.hideFrom', value: { graph: true, legend: false, tooltip: false } },
            ],
          },
        ],
      };
      // Grafana runs this on a panel that is already a time series (graphPanelChangedHandler).
      const { dashboard } = normaliseDashboard({
        schemaVersion: 39,
        panels: [{ type: 'timeseries', fieldConfig }],
      });
      const fc = (dashboard.panels as J[])[0]!.fieldConfig as {
        defaults: { custom: J };
        overrides: { properties: J[] }[];
      };
      expect(fc.defaults.custom.hideFrom).toEqual({ viz: false, legend: false, tooltip: false });
      expect(fc.overrides[0]!.properties[0]!.value).toEqual({
        viz: true,
        legend: false,
        tooltip: false,
      });
    });
  });

  describe('tooltip', () => {
    it('tooltip mode', () => {
      expect(migrate({ tooltip: { shared: false } }).options.tooltip).toMatchObject({
        mode: 'single',
      });
      expect(migrate({ tooltip: { shared: true } }).options.tooltip).toMatchObject({
        mode: 'multi',
      });
    });
    it('sort order', () => {
      const sortOf = (tooltip: J) => (migrate({ tooltip }).options.tooltip as J).sort;
      expect([
        sortOf({ shared: true, sort: 0 }),
        sortOf({ shared: true, sort: 1 }),
        sortOf({ shared: true, sort: 2 }),
        sortOf({ shared: false, sort: 2 }), // singleModeWithUnnecessaryOption
      ]).toEqual(['none', 'asc', 'desc', 'none']);
    });
  });

  it('x axis: should hide x axis', () => {
    expect(migrate({ xaxis: { show: false, mode: 'time' } }).fieldConfig).toEqual({
      defaults: { custom: { drawStyle: 'points', spanNulls: false } },
      overrides: [
        {
          matcher: { id: 'byType', options: 'time' },
          properties: [{ id: 'custom.axisPlacement', value: 'hidden' }],
        },
      ],
    });
  });

  it.each(['negative-Y', 'constant'])('transforms: should preserve %s transform', (transform) => {
    expect(migrate({ seriesOverrides: [{ alias: 'out', transform }] }).fieldConfig).toEqual({
      defaults: { custom: { drawStyle: 'points', spanNulls: false } },
      overrides: [
        {
          matcher: { id: 'byName', options: 'out' },
          properties: [{ id: 'custom.transform', value: transform }],
        },
      ],
    });
  });

  it('null values: connected spans nulls, null does not', () => {
    const span = (nullPointMode: string) =>
      ((migrate({ nullPointMode }).fieldConfig.defaults as J).custom as J).spanNulls;
    expect([span('null'), span('connected')]).toEqual([false, true]);
  });
});

// Cases of migrations.ts that its tests do not cover, and where we differ on purpose.
describe('graph migration beyond Grafana’s tests', () => {
  const props = (o: J) =>
    (
      (
        migrate({ lines: true, seriesOverrides: [{ alias: 'x', ...o }] }).fieldConfig
          .overrides as J[]
      )[0] as J
    ).properties;

  it('maps each series override option as migrations.ts does', () => {
    expect(props({ bars: true })).toEqual([
      { id: 'custom.drawStyle', value: 'bars' },
      { id: 'custom.fillOpacity', value: 100 },
    ]);
    expect(props({ bars: false })).toEqual([{ id: 'custom.drawStyle', value: 'line' }]);
    expect(props({ lines: true })).toEqual([{ id: 'custom.drawStyle', value: 'line' }]);
    expect(props({ lines: false })).toEqual([{ id: 'custom.lineWidth', value: 0 }]);
    expect(props({ points: true, pointradius: 3 })).toEqual([
      { id: 'custom.showPoints', value: 'always' },
      { id: 'custom.pointSize', value: 8 },
    ]);
    expect(props({ fill: 4, linewidth: 3 })).toEqual([
      { id: 'custom.fillOpacity', value: 40 },
      { id: 'custom.lineWidth', value: 3 },
    ]);
    expect(props({ stack: false })).toEqual([
      { id: 'custom.stacking', value: { mode: 'none', group: 'A' } },
    ]);
    expect(props({ stack: true })).toEqual([
      { id: 'custom.stacking', value: { mode: 'normal', group: 'A' } },
    ]);
    // DIFF: Grafana writes custom.fillGradient, which no panel reads.
    expect(props({ fillGradient: 4 })).toEqual([
      { id: 'custom.gradientMode', value: 'opacity' },
      { id: 'custom.fillOpacity', value: 40 },
    ]);
    expect(props({ dashes: true })).toEqual([
      { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
    ]);
  });

  it('fills at 35 % when a series fills below another; points with their radius', () => {
    const out = migrate({
      lines: true,
      fill: 1,
      seriesOverrides: [{ alias: 'max', fillBelowTo: 'min' }],
    });
    expect((out.fieldConfig.defaults as J).custom).toMatchObject({ fillOpacity: 35 });
    const dots = migrate({ lines: false, points: true, pointradius: 2 });
    expect((dots.fieldConfig.defaults as J).custom).toMatchObject({
      drawStyle: 'points',
      showPoints: 'always',
      pointSize: 6,
    });
  });

  it('DIFF: stacks in percent when the graph did', () => {
    const out = migrate({ lines: true, stack: true, percentage: true });
    expect((out.fieldConfig.defaults as J).custom).toMatchObject({
      stacking: { mode: 'percent', group: 'A' },
    });
  });

  it('DIFF: a second axis hidden stays hidden, not on the right', () => {
    const out = migrate({
      yaxes: [
        { show: true, format: 'short' },
        { show: false, format: 'short' },
      ],
      seriesOverrides: [{ alias: 'x', yaxis: 2 }],
    });
    expect(out.fieldConfig.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'x' },
        properties: [{ id: 'custom.axisPlacement', value: 'hidden' }],
      },
    ]);
  });

  it('carries the legend sort over (DIFF) and hides all-zero / all-null series as Grafana does', () => {
    const out = migrate({
      legend: {
        show: true,
        values: true,
        max: true,
        current: true,
        sort: 'current',
        sortDesc: true,
        hideZero: true,
        hideEmpty: true,
      },
    });
    expect(out.options.legend).toMatchObject({
      calcs: ['max', 'lastNotNull'],
      sortBy: 'Last *',
      sortDesc: true,
    });
    const hide = { id: 'custom.hideFrom', value: { tooltip: true, viz: false, legend: true } };
    expect(out.fieldConfig.overrides).toEqual([
      {
        matcher: { id: 'byValue', options: { reducer: 'allIsZero', op: 'gte', value: 0 } },
        properties: [hide],
      },
      {
        matcher: { id: 'byValue', options: { reducer: 'allIsNull', op: 'gte', value: 0 } },
        properties: [hide],
      },
    ]);
    // A sort by a column the legend does not show is none, as in Grafana's legend.
    expect(
      migrate({ legend: { show: true, values: true, max: true, sort: 'avg' } }).options.legend,
    ).not.toHaveProperty('sortBy');
  });

  it('an lt after an lt colours up to it; ok is green (DIFF)', () => {
    const d = migrate({
      thresholds: [
        { colorMode: 'critical', op: 'lt', value: 10, fill: true },
        { colorMode: 'warning', op: 'lt', value: 20, fill: true },
        { colorMode: 'ok', op: 'gt', value: 90, line: true },
      ],
    }).fieldConfig.defaults as J;
    expect(d.thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'red', value: null },
        { color: 'orange', value: 10 },
        { color: 'transparent', value: 20 },
        { color: 'green', value: 90 },
      ],
    });
  });

  it('keeps time regions, which Grafana makes annotations, and reports them', () => {
    const timeRegions = [{ colorMode: 'red', fill: true, fromDayOfWeek: 1, op: 'time' }];
    const { panel } = migrate({ lines: true, timeRegions });
    expect(panel.timeRegions).toEqual(timeRegions);
    const { issues } = normaliseDashboard({
      schemaVersion: 39,
      panels: [{ type: 'graph', lines: true, timeRegions }],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      'panels[0].timeRegions: graph time regions are not drawn',
    );
  });
});
