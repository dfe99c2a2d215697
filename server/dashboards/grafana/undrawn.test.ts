import { describe, expect, it } from 'vitest';
import { normaliseDashboard } from './normalise.ts';
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
        fieldConfig: { defaults: { links: [], custom: { gradientMode: 'none' } } },
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
            // Drawn now: not listed.
            transform: 'negative-Y',
            scaleDistribution: { type: 'log', log: 2 },
            stacking: { mode: 'percent', group: 'A' },
            axisLabel: 'bytes',
            // Not drawn.
            gradientMode: 'opacity',
            spanNulls: true,
          },
        },
      },
      targets: [
        { expr: 'a', exemplar: true },
        { expr: 'b', exemplar: true, hide: true },
      ],
    });
    expect(found.map((u) => u.path)).toEqual([
      'transformations',
      'fieldConfig.defaults.links',
      'fieldConfig.defaults.custom.gradientMode',
      'fieldConfig.defaults.custom.spanNulls',
      'targets[0].exemplar',
    ]);
    expect(found[0]!.message).toBe('transformations are not applied (organize)');
    expect(found[3]!.message).toBe('connect null values is not drawn; gaps are shown');
    expect(undrawnOptions({ type: 'timeseries', repeat: 'instance' })).toEqual([]);
    expect(undrawnOptions({ type: 'row', repeat: 'instance' })).toEqual([]);
  });

  it("Grafana's own defaults, as every export carries them, are what is drawn", () => {
    const custom = {
      axisBorderShow: false,
      axisCenteredZero: false,
      axisColorMode: 'text',
      axisLabel: '',
      axisPlacement: 'auto',
      barAlignment: 0,
      drawStyle: 'line',
      fillOpacity: 0,
      gradientMode: 'none',
      hideFrom: { legend: false, tooltip: false, viz: false },
      insertNulls: false,
      lineInterpolation: 'linear',
      lineWidth: 1,
      pointSize: 5,
      scaleDistribution: { type: 'linear' },
      showPoints: 'auto',
      spanNulls: false,
      stacking: { group: 'A', mode: 'none' },
      thresholdsStyle: { mode: 'off' },
    };
    expect(undrawnOptions({ type: 'timeseries', fieldConfig: { defaults: { custom } } })).toEqual(
      [],
    );
  });

  it('overrides: what is drawn is not listed, the rest is, per property, naming the series', () => {
    const found = undrawnOptions({
      type: 'timeseries',
      fieldConfig: {
        defaults: {},
        overrides: [
          {
            matcher: { id: 'byRegexp', options: '/transmit|write/' },
            properties: [
              { id: 'custom.transform', value: 'negative-Y' },
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'unit', value: 'bps' },
            ],
          },
          {
            matcher: { id: 'byName', options: 'Total' },
            properties: [
              { id: 'custom.stacking', value: { mode: 'none', group: 'A' } },
              { id: 'custom.fillBelowTo', value: 'Used' },
              { id: 'links', value: [{ title: 'x', url: 'https://x' }] },
              { id: 'custom', value: { transform: 'constant', lineWidth: 2 } },
              { id: 'noValue', value: 'n/a' },
            ],
          },
        ],
      },
    });
    expect(found).toEqual([
      {
        path: 'fieldConfig.overrides[1].properties[1]',
        message: 'fill below to "Used" is not drawn (override of "Total")',
      },
      {
        path: 'fieldConfig.overrides[1].properties[2]',
        message: 'data links are not drawn (override of "Total")',
      },
      {
        path: 'fieldConfig.overrides[1].properties[3]',
        message: 'transform constant is not drawn (override of "Total")',
      },
      {
        path: 'fieldConfig.overrides[1].properties[4]',
        message: 'option noValue is not drawn (override of "Total")',
      },
    ]);
  });

  it("a table's merge and reduce are what it draws anyway", () => {
    const table = { type: 'table', transformations: [{ id: 'merge' }, { id: 'reduce' }] };
    expect(undrawnOptions(table)).toEqual([]);
    expect(undrawnOptions({ ...table, type: 'stat' })).toHaveLength(1);
  });
});

describe('the import report', () => {
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
