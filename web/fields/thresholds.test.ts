import { describe, expect, it } from 'vitest';
import { absoluteSteps, thresholdColor } from './thresholds.ts';

const steps = [
  { color: 'green', value: null },
  { color: 'orange', value: 0.01 },
  { color: 'red', value: 0.05 },
];

describe('thresholdColor', () => {
  it('picks the highest step reached', () => {
    expect(thresholdColor(0.001, steps)).toBe('#73BF69');
    expect(thresholdColor(0.01, steps)).toBe('#FF9830');
    expect(thresholdColor(0.2, steps)).toBe('#F2495C');
  });

  it('uses the base colour for no value, and green without thresholds', () => {
    expect(thresholdColor(null, steps)).toBe('#73BF69');
    expect(thresholdColor(5, undefined)).toBe('#73BF69');
  });

  it('never passes an unsafe colour string through', () => {
    expect(thresholdColor(1, [{ color: 'url(javascript:alert(1))', value: null }])).toBe('#73BF69');
  });
});

describe('absoluteSteps', () => {
  const steps = [
    { color: 'green', value: null },
    { color: 'red', value: 80 },
  ];
  it('reads percentage steps as percent of the range, absolute ones as they are', () => {
    expect(absoluteSteps(steps, 'percentage', [0, 200])).toEqual([
      { color: 'green', value: null },
      { color: 'red', value: 160 },
    ]);
    expect(absoluteSteps(steps, 'percentage', [-20, 1234])?.[1]?.value).toBeCloseTo(983.2);
    expect(absoluteSteps(steps, 'absolute', [0, 200])).toBe(steps);
    expect(absoluteSteps(steps, 'percentage', undefined)).toBe(steps);
  });
});
