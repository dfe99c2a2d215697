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
