import { describe, expect, it } from 'vitest';
import { bytes, fmt, mark, median, percentile, table } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank of the sorted values', () => {
    const v = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 99)).toBe(10);
    expect(percentile(v, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });
  it('is NaN for nothing measured', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('formatting', () => {
  it('formats numbers, bytes and marks', () => {
    expect(fmt(1.234, 2)).toBe('1.23');
    expect(fmt(Number.NaN)).toBe('–');
    expect(bytes(999)).toBe('999 B');
    expect(bytes(98_765)).toBe('98.8 KB');
    expect(bytes(2_500_000)).toBe('2.50 MB');
    expect(mark(true)).toBe('✓');
    expect(mark(false)).toBe('✗ missed');
  });
  it('writes a Markdown table', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
