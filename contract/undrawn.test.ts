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
            transform: 'negative-Y',
            scaleDistribution: { type: 'log', log: 2 },
            gradientMode: 'opacity',
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
      'fieldConfig.defaults.custom.transform',
      'fieldConfig.defaults.custom.scaleDistribution',
      'fieldConfig.defaults.custom.gradientMode',
      'targets[0].exemplar',
    ]);
    expect(found[0]!.message).toBe('transformations are not applied (organize)');
    expect(undrawnOptions({ type: 'timeseries', repeat: 'instance' })).toEqual([]);
    expect(undrawnOptions({ type: 'row', repeat: 'instance' })).toEqual([]);
  });

  it("a table's merge and reduce are what it draws anyway", () => {
    const table = { type: 'table', transformations: [{ id: 'merge' }, { id: 'reduce' }] };
    expect(undrawnOptions(table)).toEqual([]);
    expect(undrawnOptions({ ...table, type: 'stat' })).toHaveLength(1);
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
      { path: 'options.displayMode', message: 'the retro LCD bar style is drawn as basic bars' },
      { path: 'options.orientation', message: 'vertical bars are drawn horizontal' },
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
