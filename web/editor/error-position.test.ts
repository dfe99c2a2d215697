import { describe, expect, it } from 'vitest';
import { parseErrorPosition, positionToOffset } from './error-position.ts';

describe('parseErrorPosition', () => {
  it('reads line:column from a current Prometheus parse error', () => {
    expect(parseErrorPosition("1:14: parse error: unexpected right parenthesis ')'")).toEqual({
      line: 1,
      column: 14,
    });
  });

  it('finds the position inside the API error wrapper', () => {
    const msg = 'invalid parameter "query": 3:7: parse error: unexpected identifier "foo"';
    expect(parseErrorPosition(msg)).toEqual({ line: 3, column: 7 });
  });

  it('reads the old "at char n" form as line 1', () => {
    expect(parseErrorPosition('parse error at char 14: unexpected "}"')).toEqual({
      line: 1,
      column: 14,
    });
  });

  it('returns null when there is no position', () => {
    expect(parseErrorPosition('unknown position: parse error: no expression found')).toBeNull();
    expect(parseErrorPosition('query timed out in expression evaluation')).toBeNull();
    expect(parseErrorPosition('')).toBeNull();
  });

  it('does not take a time of day for a position', () => {
    expect(parseErrorPosition('12:30: upstream unavailable')).toBeNull();
  });
});

describe('positionToOffset', () => {
  it('maps a 1-based column on the first line', () => {
    const doc = 'sum(rate(x[5m])))';
    // Prometheus says 1:17 for the extra ')', the 17th character.
    expect(positionToOffset(doc, { line: 1, column: 17 })).toBe(16);
    expect(doc[16]).toBe(')');
  });

  it('counts columns from the start of the given line', () => {
    const doc = 'sum(\n  rate(x[5m]\n)';
    const off = positionToOffset(doc, { line: 2, column: 3 });
    expect(doc.slice(off, off + 4)).toBe('rate');
  });

  it('counts columns in UTF-8 bytes, as Prometheus does', () => {
    const doc = 'x{a="é"} )';
    // "é" is 2 bytes: the ')' is byte column 11 but character index 9.
    expect(positionToOffset(doc, { line: 1, column: 11 })).toBe(9);
    const astral = 'x{a="😀"} )';
    // A 4-byte code point, 2 UTF-16 units.
    expect(positionToOffset(astral, { line: 1, column: 13 })).toBe(10);
  });

  it('lets an old whole-query char offset run across line breaks', () => {
    const doc = 'sum(\nx))';
    expect(positionToOffset(doc, { line: 1, column: 8 })).toBe(7);
  });

  it('clamps to the document', () => {
    const doc = 'up\nfoo';
    expect(positionToOffset(doc, { line: 9, column: 1 })).toBe(doc.length);
    expect(positionToOffset(doc, { line: 2, column: 99 })).toBe(doc.length);
    expect(positionToOffset(doc, { line: 0, column: 0 })).toBe(0);
    expect(positionToOffset(doc, { line: -3, column: -5 })).toBe(0);
    expect(positionToOffset('', { line: 1, column: 14 })).toBe(0);
  });

  it('points just past the end for "unexpected end of input"', () => {
    expect(positionToOffset('sum(', { line: 1, column: 5 })).toBe(4);
  });
});
