import { describe, expect, it } from 'vitest';
import { arcPath, gaugeFraction, gaugeRange, thresholdBands } from './gauge.ts';

describe('gauge geometry', () => {
  it('places values between min and max, clamped', () => {
    expect(gaugeFraction(25, 0, 100)).toBe(0.25);
    expect(gaugeFraction(150, 0, 100)).toBe(1);
    expect(gaugeFraction(-5, 0, 100)).toBe(0);
    expect(gaugeFraction(null, 0, 100)).toBeNull();
    expect(gaugeFraction(5, 10, 10)).toBe(0);
  });

  it('defaults to 0–100, or 0–1 for percentunit', () => {
    expect(gaugeRange(undefined)).toEqual([0, 100]);
    expect(gaugeRange('percentunit')).toEqual([0, 1]);
    expect(gaugeRange('s', 0.5, 2)).toEqual([0.5, 2]);
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
