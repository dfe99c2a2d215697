import { describe, expect, it } from 'vitest';
import { variableSpans } from './variables-lint.ts';

describe('variableSpans', () => {
  it('finds $x, ${x}, ${x:fmt} and [[x]] references', () => {
    const text = 'rate(x{job=~"${job:regex}"}[$__rate_interval]) / [[y]]';
    expect(variableSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      '${job:regex}',
      '$__rate_interval',
      '[[y]]',
    ]);
  });

  it('finds nothing in plain PromQL', () => {
    expect(variableSpans('sum(rate(up[5m]))')).toEqual([]);
  });
});
