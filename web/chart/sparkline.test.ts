import { describe, expect, it } from 'vitest';
import { sparklinePaths } from './sparkline.ts';

describe('sparklinePaths', () => {
  it('scales a rising series across the box, low values at the bottom', () => {
    const p = sparklinePaths([0, 1, 2], [0, 5, 10], 100, 50)!;
    expect(p.line).toBe('M0.0,50.0L50.0,27.5L100.0,5.0');
    expect(p.area).toBe('M0.0,50.0L50.0,27.5L100.0,5.0L100.0,50L0.0,50Z');
  });

  it('breaks the line at gaps', () => {
    const p = sparklinePaths([0, 1, 2, 3], [1, null, 2, 3], 30, 10)!;
    expect(p.line.match(/M/g)).toHaveLength(2);
    expect(p.area.match(/Z/g)).toHaveLength(2);
  });

  it('draws a flat series mid-height and gives up with fewer than two x values', () => {
    const flat = sparklinePaths([0, 1], [7, 7], 10, 10)!;
    expect(flat.line).toBe('M0.0,5.5L10.0,5.5');
    expect(sparklinePaths([0], [1], 10, 10)).toBeNull();
    expect(sparklinePaths([0, 1], [null, null], 10, 10)).toBeNull();
  });
});
