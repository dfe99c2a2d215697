import uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { axisSpec, lineDash, stackingOf } from '../panels/TimeseriesPanel.tsx';
import { type ChartSeries, chartOptions, seriesLook, seriesOptions, stackOf } from './options.ts';

const base: ChartSeries = { key: 'a', label: 'a', color: '#73bf69', show: true };

describe('line shape and style', () => {
  it('straight lines by default; uPlot spline and steps for Grafana lineInterpolation', () => {
    expect(seriesOptions(base, {}).paths).toBeUndefined();
    for (const interpolation of ['smooth', 'stepAfter', 'stepBefore'] as const) {
      expect(typeof seriesOptions({ ...base, interpolation }, {}).paths).toBe('function');
    }
    // The steps go the right way: stepAfter holds a value until the next sample.
    const spy: { align?: number }[] = [];
    const stepped = uPlot.paths.stepped!;
    uPlot.paths.stepped = (o) => {
      spy.push(o ?? {});
      return stepped(o);
    };
    try {
      seriesOptions({ ...base, interpolation: 'stepAfter' }, {});
      seriesOptions({ ...base, interpolation: 'stepBefore' }, {});
    } finally {
      uPlot.paths.stepped = stepped;
    }
    expect(spy.map((o) => o.align)).toEqual([1, -1]);
  });

  it('bars and points keep their own paths whatever the interpolation', () => {
    const bars = seriesOptions({ ...base, drawStyle: 'bars', interpolation: 'smooth' }, {});
    expect(bars.paths).toBeDefined();
    const points = seriesOptions({ ...base, drawStyle: 'points', interpolation: 'smooth' }, {});
    expect(points.paths?.({} as uPlot, 1, 0, 0)).toBeNull();
  });

  it('dashes from lineStyle; dots get round ends', () => {
    expect(lineDash(undefined)).toBeUndefined();
    expect(lineDash({ fill: 'solid' })).toBeUndefined();
    expect(lineDash({ fill: 'dash' })).toEqual([10, 10]);
    expect(lineDash({ fill: 'dash', dash: [4, 2] })).toEqual([4, 2]);
    expect(lineDash({ fill: 'dot' })).toEqual([0, 10]);
    expect(lineDash({ fill: 'dash', dash: [-1, 'x'] as unknown as number[] })).toEqual([10, 10]);
    const dotted = seriesOptions({ ...base, dash: [0, 10] }, {});
    expect(dotted).toMatchObject({ dash: [0, 10], cap: 'round' });
    expect(seriesOptions({ ...base, dash: [10, 10] }, {}).cap).toBeUndefined();
  });

  it('a change of shape or dashes rebuilds the series', () => {
    expect(seriesLook({ ...base, interpolation: 'smooth' })).not.toBe(seriesLook(base));
    expect(seriesLook({ ...base, dash: [10, 10] })).not.toBe(seriesLook(base));
  });
});

describe('y axes and scales from the series', () => {
  it('a label, a right-hand second axis for another unit, the grid on the first only', () => {
    const opts = chartOptions(
      { width: 400, height: 200 },
      [
        { ...base, axis: { unit: 'bytes', label: 'Memory' } },
        { ...base, key: 'b', axis: { unit: 'percent', placement: 'right' } },
      ],
      {},
      [],
    );
    expect(opts.series.map((s) => s.scale)).toEqual([undefined, 'y', 'y2']);
    const [, left, right] = opts.axes!;
    expect(left).toMatchObject({ scale: 'y', side: 3, label: 'Memory', grid: { show: true } });
    expect(right).toMatchObject({ scale: 'y2', side: 1, grid: { show: false } });
    expect(right!.label).toBeUndefined();
    expect(Object.keys(opts.scales!)).toEqual(['x', 'y', 'y2']);
  });

  it('hidden axes are not shown; log scales are uPlot log scales', () => {
    const opts = chartOptions(
      { width: 400, height: 200 },
      [{ ...base, axis: { placement: 'hidden', distribution: 'log', log: 2 } }],
      {},
      [],
    );
    expect(opts.axes![1]!.show).toBe(false);
    expect(opts.scales!.y).toMatchObject({ distr: 3, log: 2 });
  });

  it('stacked series fill by default, a series taken out of the stack does not', () => {
    const stacked = seriesOptions({ ...base, stack: { mode: 'normal', group: 'A' } }, {});
    const total = seriesOptions({ ...base, stack: null }, { mode: 'stacked' });
    expect(stacked.fill).toBeDefined();
    expect(total.fill).toBeUndefined();
    expect(stackOf({ ...base }, { mode: 'stacked' })).toEqual({ mode: 'normal', group: 'A' });
  });
});

describe('a series field config, read as Grafana does', () => {
  it('stacking: normal or percent in its group, else none', () => {
    expect(stackingOf({ mode: 'percent', group: 'cpu' })).toEqual({
      mode: 'percent',
      group: 'cpu',
    });
    expect(stackingOf({ mode: 'normal' })).toEqual({ mode: 'normal', group: 'A' });
    expect(stackingOf({ mode: 'none', group: 'A' })).toBeNull();
    expect(stackingOf(undefined)).toBeNull();
  });

  it('axis settings: only what is set, log base 2 or 10', () => {
    expect(
      axisSpec({
        unit: 'bytes',
        min: 0,
        custom: {
          axisLabel: 'Traffic',
          axisPlacement: 'right',
          axisSoftMax: 100,
          axisCenteredZero: true,
          scaleDistribution: { type: 'log', log: 2 },
        },
      }),
    ).toEqual({
      unit: 'bytes',
      min: 0,
      label: 'Traffic',
      placement: 'right',
      softMax: 100,
      centeredZero: true,
      distribution: 'log',
      log: 2,
    });
    expect(axisSpec({ custom: { scaleDistribution: { type: 'linear' }, axisLabel: ' ' } })).toEqual(
      {},
    );
  });
});
