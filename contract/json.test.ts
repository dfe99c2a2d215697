import { describe, expect, it } from 'vitest';
import {
  asArray,
  asFiniteNumber,
  asNonEmptyString,
  asNonEmptyStrings,
  asRecord,
  asString,
  asText,
  coerceFiniteNumber,
  isRecord,
  parseFiniteNumber,
} from './json.ts';

// The same hostile values through every reader: what each gives is its whole contract.
const ODD: readonly unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  0,
  '',
  ' ',
  '1.5',
  [],
  [5],
  {},
  () => 1,
];

describe('isRecord / asRecord', () => {
  it('admits plain objects only, never null or arrays', () => {
    const admitted = ODD.filter(isRecord);
    expect(admitted).toEqual([{}]);
    expect(isRecord(Object.create(null))).toBe(true);
  });

  it('gives the object itself, or a new empty one', () => {
    const o = { a: 1 };
    expect(asRecord(o)).toBe(o);
    for (const v of [null, undefined, [], [1], 'x', 3, Number.NaN, true])
      expect(asRecord(v)).toEqual({});
    expect(asRecord(null)).not.toBe(asRecord(null));
  });
});

describe('asArray / asNonEmptyStrings', () => {
  it('gives the array itself, or a new empty one', () => {
    const a = [1, 'x', null];
    expect(asArray(a)).toBe(a);
    for (const v of [null, undefined, {}, 'abc', 3]) expect(asArray(v)).toEqual([]);
  });

  it('keeps the non-empty strings in order', () => {
    expect(asNonEmptyStrings(['a', '', 1, null, 'b', ' '])).toEqual(['a', 'b', ' ']);
    expect(asNonEmptyStrings('a')).toEqual([]);
    expect(asNonEmptyStrings({ 0: 'a' })).toEqual([]);
  });
});

describe('string readers', () => {
  it('asString: strings as they are, everything else the fallback', () => {
    expect(asString('')).toBe('');
    expect(asString(' x ')).toBe(' x ');
    expect(asString(2)).toBe('');
    expect(asString(null, 'A')).toBe('A');
    expect(asString(undefined, 'A')).toBe('A');
    expect(asString(['x'], 'A')).toBe('A');
  });

  it('asNonEmptyString: undefined for "" and every other type', () => {
    expect(asNonEmptyString('x')).toBe('x');
    expect(asNonEmptyString(' ')).toBe(' ');
    for (const v of ['', null, undefined, 0, Number.NaN, true, ['x'], {}]) {
      expect(asNonEmptyString(v)).toBeUndefined();
    }
  });

  it('asText: numbers written as JavaScript writes them', () => {
    expect(asText('a')).toBe('a');
    expect(asText(2)).toBe('2');
    expect(asText(1.5)).toBe('1.5');
    expect(asText(Number.NaN)).toBe('NaN');
    expect(asText(true)).toBe('');
    expect(asText(null, 'd')).toBe('d');
    expect(asText({}, 'd')).toBe('d');
  });
});

describe('number readers', () => {
  it('asFiniteNumber: finite numbers only, never strings', () => {
    expect(asFiniteNumber(0)).toBe(0);
    expect(asFiniteNumber(-2.5)).toBe(-2.5);
    expect(asFiniteNumber('1.5')).toBeUndefined();
    expect(asFiniteNumber(Number.NaN)).toBeUndefined();
    expect(asFiniteNumber(Number.NEGATIVE_INFINITY, 7)).toBe(7);
    expect(asFiniteNumber(null, 7)).toBe(7);
    expect(asFiniteNumber(true, 7)).toBe(7);
  });

  it('parseFiniteNumber: numbers and numeric strings, blank strings not', () => {
    expect(parseFiniteNumber(3)).toBe(3);
    expect(parseFiniteNumber(' 1.5')).toBe(1.5);
    expect(parseFiniteNumber('1e3')).toBe(1000);
    for (const v of [
      '',
      ' ',
      'x',
      '1.5.2',
      'Infinity',
      Number.NaN,
      null,
      undefined,
      true,
      [5],
      {},
    ]) {
      expect(parseFiniteNumber(v)).toBeUndefined();
    }
  });

  it('coerceFiniteNumber: Number() of anything but null, undefined, "" and booleans', () => {
    expect(coerceFiniteNumber('2')).toBe(2);
    expect(coerceFiniteNumber(' ')).toBe(0);
    expect(coerceFiniteNumber([5])).toBe(5);
    expect(coerceFiniteNumber([])).toBe(0);
    for (const v of [
      null,
      undefined,
      '',
      true,
      false,
      'x',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      {},
    ]) {
      expect(coerceFiniteNumber(v)).toBeUndefined();
    }
  });
});
