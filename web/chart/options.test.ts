import uPlot from 'uplot';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FieldConfig, fieldConfigFor } from '../fields/overrides.ts';
import { loadUnitCatalogue } from '../fields/units.ts';
import { axisSpec, lineDash, stackingOf } from '../panels/kinds/timeseries/TimeseriesPanel.tsx';
import { type ChartSeries, chartOptions, seriesLook, seriesOptions, stackOf } from './options.ts';

// A dashboard in a rare unit awaits the lazy unit catalogue before drawing (unitsReady).
beforeAll(() => loadUnitCatalogue());

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

// What server/dashboards/grafana/graph.ts writes for Grafana's "twoYAxis" graph (its
// migrations.test.ts snapshot, with the right placement this project adds), drawn here.
describe('a migrated graph panel, as uPlot gets it', () => {
  const defaults: FieldConfig = {
    unit: 'areaMI2',
    decimals: 3,
    custom: {
      axisLabel: 'Y111',
      axisPlacement: 'auto',
      drawStyle: 'line',
      fillOpacity: 10,
      lineStyle: { dash: [10, 10], fill: 'dash' },
      lineWidth: 1,
      showPoints: 'never',
    },
  };
  const overrides = [
    {
      matcher: { id: 'byRegexp', options: '/^B-/i' },
      properties: [
        { id: 'unit', value: 'degree' },
        { id: 'decimals', value: 2 },
        { id: 'custom.axisLabel', value: 'Y222' },
        { id: 'custom.axisPlacement', value: 'right' },
        { id: 'custom.lineStyle', value: { dash: [5, 8], fill: 'dash' } },
      ],
    },
    {
      matcher: { id: 'byName', options: 'C-series' },
      properties: [
        { id: 'custom.drawStyle', value: 'bars' },
        { id: 'custom.fillOpacity', value: 100 },
      ],
    },
  ];
  const series = (name: string): ChartSeries => {
    const c = fieldConfigFor(defaults, overrides, { name, refId: 'A', labels: {} });
    return {
      ...base,
      key: name,
      label: name,
      lineWidth: c.custom?.lineWidth,
      fillOpacity: c.custom?.fillOpacity,
      drawStyle: c.custom?.drawStyle as ChartSeries['drawStyle'],
      dash: lineDash(c.custom?.lineStyle),
      axis: axisSpec(c),
    };
  };

  it('dashes, bars at full fill, and the regex-matched series on its own right axis in its unit', () => {
    const opts = chartOptions(
      { width: 400, height: 200 },
      ['A-series', 'b-series', 'C-series'].map(series),
      { unit: 'areaMI2' },
      [],
    );
    const [, a, b, c] = opts.series;
    expect([a!.dash, b!.dash, c!.dash]).toEqual([[10, 10], [5, 8], undefined]);
    expect([a!.scale, b!.scale, c!.scale]).toEqual(['y', 'y2', 'y']);
    expect(c!.fill).toBe('#73bf69ff');
    const right = opts.axes!.find((x) => x.scale === 'y2')!;
    expect(right).toMatchObject({ side: 1, label: 'Y222' });
    const u = { root: { dataset: {} } } as unknown as uPlot;
    const ticks = (right.values as (...a: unknown[]) => string[])(u, [10, 20], 1, 0, 10);
    expect(ticks).toEqual(['10.00 °', '20.00 °']);
  });

  it('an opacity gradient fades the fill from its opacity at the top to none at the bottom', () => {
    const stops: [number, string][] = [];
    const at: number[] = [];
    const u = {
      bbox: { top: 10, height: 100 },
      ctx: {
        createLinearGradient: (...xy: number[]) => {
          at.push(...xy);
          return { addColorStop: (o: number, c: string) => stops.push([o, c]) };
        },
      },
    } as unknown as uPlot;
    const s = seriesOptions({ ...base, fillOpacity: 60, gradient: true }, {});
    expect(typeof s.fill).toBe('function');
    (s.fill as (u: uPlot, i: number) => unknown)(u, 1);
    expect(at).toEqual([0, 10, 0, 110]);
    expect(stops).toEqual([
      [0, '#73bf6999'],
      [1, '#73bf6900'],
    ]);
    expect(seriesOptions({ ...base, fillOpacity: 60 }, {}).fill).toBe('#73bf6999');
  });
});
