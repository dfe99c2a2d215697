import { describe, expect, it } from 'vitest';
import { mapValue, toRegex } from './mappings.ts';

const mappings = [
  {
    type: 'value',
    options: { '1': { text: 'Up', color: 'green' }, '0': { text: 'Down', color: 'red' } },
  },
  { type: 'range', options: { from: 10, to: 20, result: { text: 'teens', color: 'blue' } } },
  { type: 'range', options: { from: 100, to: null, result: { color: 'semi-dark-red' } } },
  { type: 'regex', options: { pattern: '5(\\d\\d)', result: { text: 'err $1' } } },
  { type: 'special', options: { match: 'null', result: { text: 'No data' } } },
  { type: 'special', options: { match: 'nan', result: { text: 'Not a number' } } },
];

describe('mapValue', () => {
  it('maps exact values by their text', () => {
    expect(mapValue(1, mappings)).toEqual({ text: 'Up', color: '#73BF69' });
    expect(mapValue(0, mappings)).toEqual({ text: 'Down', color: '#F2495C' });
    expect(mapValue('1', mappings)).toEqual({ text: 'Up', color: '#73BF69' });
  });

  it('maps ranges inclusively, an open bound reaching to infinity', () => {
    expect(mapValue(10, mappings)).toEqual({ text: 'teens', color: '#5794F2' });
    expect(mapValue(20, mappings)?.text).toBe('teens');
    expect(mapValue(20.5, mappings)).toBeNull();
    // Colour only: the value keeps its own text.
    expect(mapValue(1e9, mappings)).toEqual({ color: '#E02F44' });
  });

  it('maps by an anchored regex, substituting groups', () => {
    const regex = mappings.filter((m) => m.type === 'regex');
    expect(mapValue(503, regex)).toEqual({ text: 'err 03' });
    expect(mapValue(5030, regex)).toBeNull();
    // Earlier mappings come first: 503 is also in the open range from 100.
    expect(mapValue(503, mappings)).toEqual({ color: '#E02F44' });
  });

  it('maps null and NaN specially', () => {
    expect(mapValue(null, mappings)).toEqual({ text: 'No data' });
    expect(mapValue(undefined, mappings)).toEqual({ text: 'No data' });
    expect(mapValue(NaN, mappings)).toEqual({ text: 'Not a number' });
    expect(
      mapValue('', [{ type: 'special', options: { match: 'empty', result: { text: '∅' } } }]),
    ).toEqual({ text: '∅' });
    expect(
      mapValue(true, [{ type: 'special', options: { match: 'true', result: { text: 'yes' } } }]),
    ).toEqual({ text: 'yes' });
  });

  it('lets the first matching mapping win', () => {
    const both = [
      { type: 'range', options: { from: 0, to: 5, result: { text: 'low' } } },
      { type: 'value', options: { '3': { text: 'three' } } },
    ];
    expect(mapValue(3, both)?.text).toBe('low');
  });

  it('skips malformed mappings and unsafe colours rather than throwing', () => {
    const bad = [
      null,
      { type: 'value' },
      { type: 'regex', options: { pattern: '(', result: { text: 'x' } } },
      { type: 'value', options: { '7': { text: 'seven', color: 'url(javascript:x)' } } },
    ];
    expect(mapValue(7, bad)).toEqual({ text: 'seven' });
    expect(mapValue(7, undefined)).toBeNull();
    expect(mapValue(2, [{ type: 'value', options: { constructor: { text: 'x' } } }])).toBeNull();
    expect(mapValue('constructor', [{ type: 'value', options: {} }])).toBeNull();
  });
});

describe('toRegex', () => {
  it('reads /re/flags as written and anchors bare patterns', () => {
    expect(toRegex('/API/i')?.test('my-api-1')).toBe(true);
    expect(toRegex('api')?.test('my-api-1')).toBe(false);
    expect(toRegex('a|b')?.test('b')).toBe(true);
    expect(toRegex('[')).toBeNull();
  });
});
