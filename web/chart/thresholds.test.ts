import { describe, expect, it } from 'vitest';
import { thresholdColor } from './thresholds.ts';

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
