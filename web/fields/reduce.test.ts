import { describe, expect, it } from 'vitest';
import { type ReducerId, reduce, reducerByName } from './reduce.ts';

const ALL: ReducerId[] = [
  'lastNotNull',
  'last',
  'mean',
  'max',
  'min',
  'sum',
  'first',
  'firstNotNull',
  'count',
];

describe('reduce', () => {
  const values = [null, 3, 1, null, 8, 4, null];

  it.each([
    ['first', null],
    ['firstNotNull', 3],
    ['last', null],
    ['lastNotNull', 4],
    ['mean', 4],
    ['max', 8],
    ['min', 1],
    ['sum', 16],
    ['count', 4],
  ] as const)('%s skips gaps as Grafana does', (calc, expected) => {
    expect(reduce(values, calc)).toBe(expected);
  });

  it('reports first and last as they are when they are values', () => {
    expect(reduce([2, null, 5], 'first')).toBe(2);
    expect(reduce([2, null, 5], 'last')).toBe(5);
  });

  it('gives null for every reducer on an empty series', () => {
    for (const calc of ALL) expect(reduce([], calc)).toBeNull();
  });

  it('gives null for an all-gap series, except a count of 0', () => {
    for (const calc of ALL) {
      expect(reduce([null, null], calc)).toBe(calc === 'count' ? 0 : null);
    }
  });

  it('handles negatives, zero and a single value', () => {
    expect(reduce([-5, -2, -9], 'max')).toBe(-2);
    expect(reduce([-5, -2, -9], 'min')).toBe(-9);
    expect(reduce([0, null], 'lastNotNull')).toBe(0);
    expect(reduce([0, 0], 'sum')).toBe(0);
    expect(reduce([7], 'mean')).toBe(7);
  });

  it('averages over values only, not gaps', () => {
    expect(reduce([1, null, 2], 'mean')).toBe(1.5);
  });
});

describe('reduce: spread and change', () => {
  const values = [null, 3, 1, null, 8, 4, null];

  it.each([
    ['range', 7],
    ['diff', 1],
    ['median', 3.5],
    ['changeCount', 3],
    ['distinctCount', 4],
    ['logmin', 1],
  ] as const)('%s over the values, gaps dropped', (calc, expected) => {
    expect(reduce(values, calc)).toBe(expected);
  });

  it('delta counts a drop as a counter reset', () => {
    expect(reduce([10, 12, 15, null, 3, 5], 'delta')).toBe(5 + 3 + 2);
    expect(reduce([1, 1, 1], 'delta')).toBe(0);
    expect(reduce([null, null], 'delta')).toBeNull();
  });

  it('variance and stdDev are the population ones', () => {
    expect(reduce([2, 4, 4, 4, 5, 5, 7, 9], 'variance')).toBe(4);
    expect(reduce([2, 4, 4, 4, 5, 5, 7, 9], 'stdDev')).toBe(2);
  });

  it('counts of nothing are 0, values of nothing are null', () => {
    expect(reduce([null], 'changeCount')).toBe(0);
    expect(reduce([null], 'distinctCount')).toBe(0);
    expect(reduce([-1, 0], 'logmin')).toBeNull();
    expect(reduce([null], 'median')).toBeNull();
  });
});

describe('reducerByName', () => {
  it('takes an id or the name Grafana shows', () => {
    expect(reducerByName('mean')).toBe('mean');
    expect(reducerByName('Last *')).toBe('lastNotNull');
    expect(reducerByName('Total')).toBe('sum');
    expect(reducerByName('Name')).toBeUndefined();
    expect(reducerByName('constructor')).toBeUndefined();
    expect(reducerByName(undefined)).toBeUndefined();
  });
});
