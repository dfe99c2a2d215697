import uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { lineDash } from '../panels/TimeseriesPanel.tsx';
import { type ChartSeries, seriesLook, seriesOptions } from './options.ts';

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
