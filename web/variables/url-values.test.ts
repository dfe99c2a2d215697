import { describe, expect, it } from 'vitest';
import { ALL, readVariable } from './model.ts';
import type { VariableState } from './resolve.ts';
import { select } from './selection.ts';
import { readUrlValues, refusedUrlValues } from './url-values.ts';

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

describe('readUrlValues', () => {
  // grafana/scenes packages/scenes/src/variables/variants/MultiValueVariable.ts
  // (MultiValueUrlSyncHandler.updateFromUrl, handleLegacyUrlAllValue).
  const def = (raw: Record<string, unknown>) =>
    readVariable({ name: 'x', type: 'custom', query: 'a,b,All', ...raw })!;
  const options = ['a', 'b', 'All'].map((v) => ({ text: v, value: v }));

  it.each([
    // [variable, URL values, read as, selected]
    [{ includeAll: true }, ['All'], [ALL], [ALL]],
    [{ includeAll: true, multi: true }, ['All', 'a'], [ALL], [ALL]],
    [{ includeAll: true }, ['$__all'], [ALL], [ALL]],
    [{ includeAll: true, allValue: '.*' }, ['.*'], [ALL], [ALL]],
    [{ includeAll: true, multi: true }, ['a', 'All'], ['a', 'All'], ['a', 'All']],
    [{ includeAll: true }, ['a'], ['a'], ['a']],
    // Without "All" offered, `All` is a value like another (here an option's).
    [{ includeAll: false }, ['All'], ['All'], ['All']],
    [{ includeAll: false, allValue: '.*' }, ['.*'], ['.*'], ['a']],
  ])('%j: var-x=%j → %j, selects %j', (raw, url, read, selected) => {
    const d = def(raw);
    expect(readUrlValues(d, url)).toEqual(read);
    expect(select(d, readUrlValues(d, url), options)).toEqual(selected);
  });
});
