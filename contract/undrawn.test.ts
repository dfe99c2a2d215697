import { describe, expect, it } from 'vitest';
import { undrawnOptions } from './undrawn.ts';

describe('undrawnOptions', () => {
  it('nothing for a panel drawn as it is', () => {
    expect(
      undrawnOptions({
        type: 'timeseries',
        repeat: null,
        timeFrom: null,
        timeShift: '',
        transformations: [],
        fieldConfig: { defaults: { links: [], custom: { gradientMode: 'opacity' } } },
        targets: [{ expr: 'up', exemplar: false }],
      }),
    ).toEqual([]);
  });

  it('names each option it does not draw, with its path', () => {
    const found = undrawnOptions({
      type: 'timeseries',
      transformations: [{ id: 'organize' }, { id: 'filterByValue', disabled: true }],
      fieldConfig: {
        defaults: {
          links: [{ title: 'x', url: 'https://x' }],
          custom: {
            transform: 'constant',
            scaleDistribution: { type: 'log', log: 3 },
            gradientMode: 'hue',
          },
        },
      },
      targets: [
        { expr: 'a', exemplar: true },
        { expr: 'b', exemplar: true, hide: true },
      ],
    });
    expect(found.map((u) => `${u.path}: ${u.message}`)).toEqual([
      'transformations: transformations are not applied (organize)',
      'fieldConfig.defaults.links: data links are not drawn',
      'fieldConfig.defaults.custom.transform: transform constant is not drawn; values shown as they are',
      'fieldConfig.defaults.custom.scaleDistribution: scale log 3 is drawn linear',
      'fieldConfig.defaults.custom.gradientMode: gradient mode hue is drawn as a flat fill',
      'targets[0].exemplar: exemplars are not drawn',
    ]);
    expect(undrawnOptions({ type: 'timeseries', repeat: 'instance' })).toEqual([]);
    expect(undrawnOptions({ type: 'row', repeat: 'instance' })).toEqual([]);
  });

  it('draws negative-Y, log 2 and 10, symlog, percent stacks and axis labels (none listed)', () => {
    const ts = (custom: Record<string, unknown>) =>
      undrawnOptions({ type: 'timeseries', fieldConfig: { defaults: { custom } } });
    expect(ts({ transform: 'negative-Y' })).toEqual([]);
    expect(ts({ scaleDistribution: { type: 'log', log: 2 } })).toEqual([]);
    expect(ts({ scaleDistribution: { type: 'log', log: 10 } })).toEqual([]);
    expect(ts({ scaleDistribution: { type: 'symlog', log: 2 } })).toEqual([]);
    expect(ts({ stacking: { mode: 'percent', group: 'A' } })).toEqual([]);
    expect(ts({ axisLabel: 'bytes', axisSoftMin: 0, axisCenteredZero: true })).toEqual([]);
  });

  it("a table's merge and reduce are what it draws anyway", () => {
    const table = { type: 'table', transformations: [{ id: 'merge' }, { id: 'reduce' }] };
    expect(undrawnOptions(table)).toEqual([]);
    expect(undrawnOptions({ ...table, type: 'stat' })).toHaveLength(1);
  });

  it('reports an option only at a value it does not draw, in Grafana words', () => {
    const ts = (custom: Record<string, unknown>, options: Record<string, unknown> = {}) =>
      undrawnOptions({ type: 'timeseries', fieldConfig: { defaults: { custom } }, options }).map(
        (u) => u.message,
      );
    expect(
      ts(
        { spanNulls: false, barAlignment: 0, axisLabel: '' },
        { tooltip: { mode: 'multi', sort: 'desc' } },
      ),
    ).toEqual([]);
    expect(
      ts(
        { spanNulls: true, barAlignment: -1, axisLabel: 'bytes' },
        { tooltip: { mode: 'single', sort: 'none' } },
      ),
    ).toEqual([
      'bar alignment before is drawn centred',
      'connect null values always is not drawn; gaps stay gaps',
    ]);
    // The same option on a panel kind it does not belong to is not this rule's business.
    expect(undrawnOptions({ type: 'stat', options: { tooltip: { mode: 'single' } } })).toEqual([]);
  });

  // What Grafana's graph migration writes for hideZero / hideEmpty and a hidden x axis.
  it('reports an override whose matcher is not applied, and the graph time regions', () => {
    const hide = { id: 'custom.hideFrom', value: { tooltip: true, viz: false, legend: true } };
    const found = undrawnOptions({
      type: 'timeseries',
      timeRegions: [{ fromDayOfWeek: 1, fill: true }],
      fieldConfig: {
        overrides: [
          {
            matcher: { id: 'byValue', options: { reducer: 'allIsZero', op: 'gte', value: 0 } },
            properties: [hide],
          },
          {
            matcher: { id: 'byType', options: 'time' },
            properties: [{ id: 'custom.axisPlacement', value: 'hidden' }],
          },
          {
            matcher: { id: 'byType', options: 'number' },
            properties: [{ id: 'unit', value: 'bytes' }],
          },
          {
            matcher: { id: 'byRegexp', options: '/^A-/i' },
            properties: [{ id: 'unit', value: 'bytes' }],
          },
        ],
      },
    });
    expect(found).toEqual([
      {
        path: 'fieldConfig.overrides[0]',
        message: 'override on series by value (allIsZero) is not applied',
      },
      {
        path: 'fieldConfig.overrides[1]',
        message: 'override on the time field (x axis) is not applied',
      },
      { path: 'timeRegions', message: 'graph time regions are not drawn' },
    ]);
  });

  it('names an override property it does not draw by its matcher', () => {
    const found = undrawnOptions({
      type: 'table',
      fieldConfig: {
        overrides: [
          {
            matcher: { id: 'byName', options: 'job' },
            properties: [
              { id: 'custom.hidden', value: true },
              { id: 'unit', value: 'bytes' },
              { id: 'custom.cellOptions', value: { type: 'color-background' } },
            ],
          },
        ],
      },
    });
    expect(found).toEqual([
      {
        path: 'fieldConfig.overrides[0].properties[0]',
        message: 'override "job": hide in table is not applied; the column is shown',
      },
      {
        path: 'fieldConfig.overrides[0].properties[2]',
        message: 'override "job": cell type color-background is not drawn',
      },
    ]);
  });
});

describe('undrawnOptions of the reduced and timeline kinds', () => {
  it('names the options of gauges, bar gauges, pies and timelines it does not draw', () => {
    const found = (panel: Record<string, unknown>) => undrawnOptions(panel).map((u) => u.path);
    expect(found({ type: 'piechart', options: { reduceOptions: { values: true } } })).toEqual([
      'options.reduceOptions.values',
    ]);
    expect(found({ type: 'gauge', options: { showThresholdLabels: true } })).toEqual([
      'options.showThresholdLabels',
    ]);
    expect(
      undrawnOptions({
        type: 'bargauge',
        options: { displayMode: 'lcd', orientation: 'vertical' },
      }),
    ).toEqual([
      { path: 'options.orientation', message: 'orientation vertical is drawn horizontal' },
      { path: 'options.displayMode', message: 'bar gauge display mode lcd is drawn basic' },
    ]);
    expect(
      found({
        type: 'state-timeline',
        fieldConfig: { defaults: { custom: { lineWidth: 1, spanNulls: true, fillOpacity: 50 } } },
      }),
    ).toEqual(['fieldConfig.defaults.custom.lineWidth', 'fieldConfig.defaults.custom.spanNulls']);
    // What is drawn as Grafana draws it is not listed.
    expect(
      found({
        type: 'status-history',
        options: { reduceOptions: { values: true } },
        fieldConfig: { defaults: { custom: { lineWidth: 0, spanNulls: false } } },
      }),
    ).toEqual([]);
    expect(found({ type: 'bargauge', options: { displayMode: 'basic' } })).toEqual([]);
  });
});

describe('undrawnOptions of the alert list', () => {
  it('nothing for the current state with the options it draws', () => {
    expect(
      undrawnOptions({
        type: 'alertlist',
        options: {
          showOptions: 'current',
          maxItems: 10,
          sortOrder: 3,
          stateFilter: { firing: true, pending: true, noData: true, error: true },
          alertInstanceLabelFilter: '{severity="page"}',
          folder: { uid: '', title: '' },
          datasource: '',
          tags: [],
          statColorMode: 'none',
        },
      }),
    ).toEqual([]);
  });

  it('reports recent state changes, folder, data source and tag filters, legacy ones too', () => {
    const paths = (panel: Record<string, unknown>) =>
      undrawnOptions({ type: 'alertlist', ...panel }).map((u) => `${u.path}: ${u.message}`);
    expect(
      paths({
        options: {
          showOptions: 'changes',
          folder: { uid: 'f1', title: 'Ops' },
          datasource: 'Mimir',
          tags: ['prod'],
          showInactiveAlerts: true,
          statColorMode: 'value',
        },
      }),
    ).toEqual([
      'options.showOptions: show "Recent state changes" is not drawn; the current state of the alerting rules is listed',
      'options.folder: folder filter Ops is not applied; every rule group is listed',
      `options.datasource: data source filter Mimir is not applied; the alerts of the panel's datasource are listed`,
      'options.tags: dashboard filter ["prod"] (legacy dashboard alerts) is not applied',
      'options.showInactiveAlerts: show alerts with 0 instances is not applied in custom grouping',
      'options.statColorMode: stat color mode value is drawn uncoloured',
    ]);
    expect(paths({ show: 'changes', folderId: 3, dashboardTags: ['a'] })).toEqual([
      'show: show "Recent state changes" is not drawn; the current state of the alerting rules is listed',
      'folderId: folder filter 3 is not applied; every rule group is listed',
      'dashboardTags: dashboard filter ["a"] (legacy dashboard alerts) is not applied',
    ]);
  });
});
