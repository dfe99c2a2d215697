import { describe, expect, it } from 'vitest';
import { labelWidth } from './label-widths.ts';

describe('labelWidth', () => {
  it('measures each font and text once, then answers from the cache', () => {
    const measured: string[] = [];
    const measure = (t: string) => {
      measured.push(t);
      return t.length * 7;
    };
    expect(labelWidth('11px a', '0.5 req/s', measure)).toBe(63);
    expect(labelWidth('11px a', '0.5 req/s', measure)).toBe(63);
    expect(labelWidth('12px a', '0.5 req/s', measure)).toBe(63);
    expect(labelWidth('11px a', '1 GiB', measure)).toBe(35);
    expect(measured).toEqual(['0.5 req/s', '0.5 req/s', '1 GiB']);
  });
});
