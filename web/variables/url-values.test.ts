import { describe, expect, it } from 'vitest';
import { readVariable } from './model.ts';
import type { VariableState } from './resolve.ts';
import { refusedUrlValues } from './url-values.ts';

const state = (
  raw: Record<string, unknown>,
  selected: string[],
  status: VariableState['status'] = 'ready',
): VariableState => ({
  def: readVariable({ type: 'custom', query: 'a,b', ...raw })!,
  options:
    status === 'ready'
      ? [
          { text: 'a', value: 'a' },
          { text: 'b', value: 'b' },
        ]
      : [],
  selected,
  status,
});

describe('refusedUrlValues', () => {
  it('gives the value shown for a URL value the variable did not take', () => {
    const states = [state({ name: 'x' }, ['a']), state({ name: 'y' }, ['b'])];
    const fromUrl = new Map([
      ['x', ['nope']],
      ['y', ['b']],
    ]);
    expect([...refusedUrlValues(states, fromUrl)]).toEqual([['x', ['a']]]);
  });

  it('leaves alone what the URL does not name, and variables still loading or failed', () => {
    const states = [
      state({ name: 'x' }, ['a']),
      state({ name: 'y' }, ['nope'], 'loading'),
      state({ name: 'z' }, [], 'error'),
    ];
    const fromUrl = new Map([
      ['y', ['nope']],
      ['z', ['nope']],
    ]);
    expect(refusedUrlValues(states, fromUrl).size).toBe(0);
  });

  it('a multi-value selection partly refused keeps what was taken', () => {
    const states = [state({ name: 'x', multi: true }, ['b'])];
    expect([...refusedUrlValues(states, new Map([['x', ['nope', 'b']]]))]).toEqual([['x', ['b']]]);
  });
});
