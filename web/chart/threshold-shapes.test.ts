import { describe, expect, it } from 'vitest';
import { thresholdShapes } from './threshold-shapes.ts';

const steps = [
  { color: 'green', value: null },
  { color: 'red', value: 80 },
  { color: 'orange', value: 50 },
];

describe('thresholdShapes', () => {
  it('draws bands between sorted steps, clipped to the visible range', () => {
    const s = thresholdShapes(steps, 'area', [0, 100]);
    expect(s.areas).toEqual([
      { from: 0, to: 50, color: '#73BF69' },
      { from: 50, to: 80, color: '#FF9830' },
      { from: 80, to: 100, color: '#F2495C' },
    ]);
    expect(s.lines).toEqual([]);
  });

  it('leaves out bands and lines outside the range', () => {
    const s = thresholdShapes(steps, 'line+area', [0, 60]);
    expect(s.areas.map((a) => [a.from, a.to])).toEqual([
      [0, 50],
      [50, 60],
    ]);
    expect(s.lines).toEqual([{ value: 50, color: '#FF9830' }]);
    expect(s.dashed).toBe(false);
  });

  it('draws lines only at the steps after the base, dashed when asked', () => {
    const s = thresholdShapes(steps, 'dashed', [0, 100]);
    expect(s.lines.map((l) => l.value)).toEqual([50, 80]);
    expect(s.areas).toEqual([]);
    expect(s.dashed).toBe(true);
  });

  it('reads percentage steps against the field range', () => {
    const s = thresholdShapes(steps, 'line', [0, 2], 'percentage', [0, 2]);
    expect(s.lines.map((l) => l.value)).toEqual([1, 1.6]);
  });

  it('draws nothing when off, without steps, or on an empty range', () => {
    expect(thresholdShapes(steps, 'off', [0, 100]).areas).toEqual([]);
    expect(thresholdShapes(steps, undefined, [0, 100]).lines).toEqual([]);
    expect(thresholdShapes([], 'area', [0, 100]).areas).toEqual([]);
    expect(thresholdShapes(steps, 'area', [5, 5]).areas).toEqual([]);
  });
});
