// Cases transcribed from Grafana's pkg/services/provisioning/values/values_test.go (TestValues:
// StringValue, IntValue, BoolValue, JSONValue), plus Go os.ExpandEnv's braces.
import { describe, expect, it } from 'vitest';
import { InterpolationError, interpolate, interpolateDeep } from './interpolate.ts';

const env = { INT: '1', STRING: 'test', EMPTYSTRING: '', BOOL: 'true' };

describe('interpolate (Grafana values_test.go)', () => {
  it.each([
    ['test', 'test'], // Should unmarshal simple string
    ['$STRING', 'test'], // Should unmarshal env var
    ['', ''], // Should ignore empty value
    ['$EMPTYSTRING', ''], // empty var should have empty value
    ['$$', '$'], // $$ should be a literal $
    ['mY,Passwo$$rd', 'mY,Passwo$rd'], // $$ ... not expanded within a string
    ['$INT', '1'],
    ['$BOOL', 'true'],
    ['${STRING}', 'test'],
    ['pre-${STRING}-post', 'pre-test-post'],
    ['$STRING/x', 'test/x'],
    ['$UNSET', ''],
    ['$__env{STRING}', 'test'],
    ['$$STRING', '$STRING'],
    ['cost: 5$', 'cost: 5$'],
  ])('%j → %j', (raw, want) => {
    expect(interpolate(raw, env)).toBe(want);
  });

  it('refuses $__file and $__vault in words', () => {
    expect(() => interpolate('$__file{/etc/passwd}', env)).toThrow(InterpolationError);
    expect(() => interpolate('$__vault{x}', env)).toThrow(/not supported/);
  });

  it('walks maps and lists, leaving numbers and null (JSONValue case)', () => {
    const doc = {
      one: 1,
      two: '$STRING',
      three: [1, 'two', { three: { inside: '$STRING' } }, { six: { empty: null } }],
      four: { nested: { onemore: '$INT' } },
      multiline: 'Some text with $STRING\n',
    };
    expect(interpolateDeep(doc, env)).toEqual({
      one: 1,
      two: 'test',
      three: [1, 'two', { three: { inside: 'test' } }, { six: { empty: null } }],
      four: { nested: { onemore: '1' } },
      multiline: 'Some text with test\n',
    });
  });
});
