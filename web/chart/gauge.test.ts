import { describe, expect, it } from 'vitest';
import { arcPath, dataRange, fieldRange, gaugeFraction, thresholdBands } from './gauge.ts';

describe('gauge geometry', () => {
  it('places values between min and max, clamped', () => {
    expect(gaugeFraction(25, 0, 100)).toBe(0.25);
    expect(gaugeFraction(150, 0, 100)).toBe(1);
    expect(gaugeFraction(-5, 0, 100)).toBe(0);
    expect(gaugeFraction(null, 0, 100)).toBeNull();
    expect(gaugeFraction(5, 10, 10)).toBe(0);
  });

  // packages/grafana-data/src/field/fieldOverrides.test.ts "Global MinMax": the frame's two
  // number fields [100, -20, 200] and [1234, null, 1000], then all zeros, then only nulls.
  it("finds the data's range over every value of every series, as findNumericFieldMinMax", () => {
    expect(
      dataRange([
        [100, -20, 200],
        [1234, null, 1000],
      ]),
    ).toEqual({ min: -20, max: 1234 });
    expect(
      dataRange([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ min: 0, max: 0 });
    expect(dataRange([[null, null]])).toEqual({ min: null, max: null });
    expect(dataRange([[Number.NaN, 3, Infinity]])).toEqual({ min: 3, max: 3 });
  });

  it('draws between the data range where min and max are unset, not 0–100', () => {
    const all = { min: -20, max: 1234 };
    const own = { min: 100, max: 200 };
    expect(fieldRange({}, own, all)).toEqual([-20, 1234]);
    // One side set: the other from the data (the applyFieldOverrides test keeps max 0, min -20).
    expect(fieldRange({ max: 0 }, own, all)).toEqual([-20, 0]);
    expect(fieldRange({ min: 5 }, own, all)).toEqual([5, 1234]);
    expect(fieldRange({ min: 0.5, max: 2, unit: 's' }, own, all)).toEqual([0.5, 2]);
    // "Field min/max": the series' own range (getMinMaxAndDelta).
    expect(fieldRange({ fieldMinMax: true }, own, all)).toEqual([100, 200]);
    expect(fieldRange({ fieldMinMax: true, min: 0 }, own, all)).toEqual([0, 200]);
    // No data: getMinMaxAndDelta's 0–100.
    expect(fieldRange({}, { min: null, max: null }, { min: null, max: null })).toEqual([0, 100]);
    // null is how a cleared min or max is saved.
    expect(fieldRange({ min: null, max: null }, own, all)).toEqual([-20, 1234]);
  });

  it('gives a gauge in percent 0–100 and in percentunit 0–1 (GaugePanel.tsx), a bar gauge not', () => {
    const all = { min: 12, max: 40 };
    expect(fieldRange({ unit: 'percent' }, all, all, true)).toEqual([0, 100]);
    expect(fieldRange({ unit: 'percentunit' }, all, all, true)).toEqual([0, 1]);
    expect(fieldRange({ unit: 'percent', max: 50 }, all, all, true)).toEqual([0, 50]);
    expect(fieldRange({ unit: 'percent' }, all, all)).toEqual([12, 40]);
    expect(fieldRange({ unit: 'short' }, all, all, true)).toEqual([12, 40]);
  });

  it('draws a half sweep from the lower left to the top right', () => {
    // 0 → -120° (lower left), 0.5 → 0° (top): a 120° arc, the small-arc flag off.
    expect(arcPath(50, 50, 40, 0, 0.5)).toBe('M 15.36 70.00 A 40 40 0 0 1 50.00 10.00');
    expect(arcPath(50, 50, 40, 0, 1)).toContain(' 0 1 1 ');
  });

  it('turns threshold steps into bands across the range', () => {
    const steps = [
      { color: 'green', value: null },
      { color: 'orange', value: 70 },
      { color: 'red', value: 90 },
    ];
    expect(thresholdBands(steps, 0, 100)).toEqual([
      [0, 0.7, 'green'],
      [0.7, 0.9, 'orange'],
      [0.9, 1, 'red'],
    ]);
    expect(
      thresholdBands(
        [
          { color: 'green', value: null },
          { color: 'red', value: 500 },
        ],
        0,
        100,
      ),
    ).toEqual([[0, 1, 'green']]);
  });
});
