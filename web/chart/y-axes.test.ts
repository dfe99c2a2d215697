import { describe, expect, it } from 'vitest';
import { yLayout, yRange } from './y-axes.ts';

describe('yLayout: scales and axes as Grafana places them', () => {
  it('series with the same axis settings share one scale, on the left', () => {
    const l = yLayout([{ unit: 'bytes' }, { unit: 'bytes' }]);
    expect(l.seriesScale).toEqual(['y', 'y']);
    expect(l.scales).toMatchObject([{ key: 'y', side: 3, show: true, drawGrid: true }]);
  });

  it('another unit gets its own axis: auto goes left first, then right', () => {
    const l = yLayout([{ unit: 'bytes' }, { unit: 'percent' }, { unit: 'bytes' }]);
    expect(l.seriesScale).toEqual(['y', 'y2', 'y']);
    expect(l.scales.map((s) => [s.key, s.side, s.drawGrid])).toEqual([
      ['y', 3, true],
      ['y2', 1, false],
    ]);
  });

  it('placement right, left and hidden; the grid goes with the first shown axis', () => {
    const l = yLayout([{ placement: 'hidden' }, { placement: 'right', label: 'Temp' }]);
    expect(l.scales.map((s) => [s.key, s.side, s.show, s.drawGrid, s.label])).toEqual([
      ['y', 3, false, false, undefined],
      ['y2', 1, true, true, 'Temp'],
    ]);
    // A right axis first, then an auto one: auto takes the free left side.
    expect(yLayout([{ placement: 'right' }, { unit: 's' }]).scales.map((s) => s.side)).toEqual([
      1, 3,
    ]);
    // An axis switched off in Grafana draws no grid either.
    expect(yLayout([{ grid: false }]).scales[0]!.drawGrid).toBe(false);
  });

  it('label, soft limits, log and centred zero each make another scale', () => {
    for (const other of [
      { label: 'Packets' },
      { softMin: 0 },
      { distribution: 'log', log: 2 },
      { centeredZero: true },
      { percent: true },
    ]) {
      expect(yLayout([{}, other]).scales).toHaveLength(2);
    }
  });

  it('no series: still one axis to draw', () => {
    expect(yLayout([]).scales).toMatchObject([{ key: 'y', side: 3, show: true }]);
  });
});

describe('yRange: the range of a y scale, as Grafana’s UPlotScaleBuilder', () => {
  it('with no limits, 10 % padding, down to zero when the padding would cross it', () => {
    const [lo, hi] = yRange({}, 2, 10);
    expect(lo).toBeCloseTo(1.2);
    expect(hi).toBeCloseTo(10.8);
    expect(yRange({}, 0.5, 10)[0]).toBe(0);
    expect(yRange({}, -3, 10)[0]).toBeLessThan(-3);
  });

  it('a hard min alone or a hard max alone is the edge itself', () => {
    expect(yRange({ min: 0 }, 2, 10)[0]).toBe(0);
    expect(yRange({ max: 50 }, 2, 10)[1]).toBe(50);
    expect(yRange({ min: 5, max: 7 }, 2, 10)).toEqual([5, 7]);
  });

  it('an all-zero or flat series with min 0 still gets a range', () => {
    expect(yRange({ min: 0 }, 0, 0)).toEqual([0, 100]);
    const [lo, hi] = yRange({ min: 0 }, 5, 5);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(5);
    expect(yRange({}, 0, 0)).toEqual([0, 100]);
  });

  it('soft min and max widen the range to them, never narrow it', () => {
    expect(yRange({ softMin: 0, softMax: 100 }, 20, 30)).toEqual([0, 100]);
    expect(yRange({ softMax: 100 }, 20, 300)[1]).toBeGreaterThanOrEqual(300);
    expect(yRange({ softMin: -10 }, -50, 30)[0]).toBeLessThanOrEqual(-50);
  });

  it('centred zero: as far below zero as above', () => {
    const [lo, hi] = yRange({ centeredZero: true }, -2, 10);
    expect(lo).toBe(-hi!);
    expect(hi).toBeGreaterThanOrEqual(10);
  });

  it('log scales snap to powers of the base and drop limits at or below zero', () => {
    expect(yRange({ distribution: 'log', log: 10 }, 3, 700)).toEqual([1, 1000]);
    expect(yRange({ distribution: 'log', log: 2 }, 3, 700)).toEqual([2, 1024]);
    expect(yRange({ distribution: 'log', log: 10, min: 0 }, 3, 700)).toEqual([1, 1000]);
    expect(yRange({ distribution: 'log', log: 10, min: 20 }, 3, 700)[0]).toBe(10);
  });

  it('symlog spans zero', () => {
    const [lo, hi] = yRange({ distribution: 'symlog', log: 10 }, -10, 1000);
    expect(lo).toBeLessThanOrEqual(-10);
    expect(hi).toBeGreaterThanOrEqual(1000);
  });

  it('percent stacks: 0 to 1, or −1 to 0 below zero', () => {
    expect(yRange({ percent: true }, 0, 0.98)).toEqual([0, 1]);
    expect(yRange({ percent: true }, -1, 0)).toEqual([-1, 0]);
    expect(yRange({ percent: true }, -1, 1)).toEqual([-1, 1]);
    expect(yRange({ percent: true }, 0, 0)).toEqual([0, 1]);
  });

  it('nothing shown on the scale: no range (uPlot then hides what is empty)', () => {
    expect(yRange({}, null, null)).toEqual([null, null]);
  });
});
