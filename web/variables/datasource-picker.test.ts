import { describe, expect, it } from 'vitest';
import { datasourceVariable } from './datasource-picker.ts';
import { readVariable } from './model.ts';
import type { VariableState } from './resolve.ts';

const state = (raw: Record<string, unknown>, selected: string[]): VariableState => ({
  def: readVariable(raw)!,
  options: [],
  selected,
  status: 'ready',
});

describe('datasourceVariable', () => {
  it('is the first Prometheus datasource variable shown, with its selected uid', () => {
    const states = [
      state({ name: 'job', type: 'custom', query: 'a,b' }, ['a']),
      state({ name: 'logs', type: 'datasource', query: 'loki' }, ['l1']),
      state({ name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus' }, ['eu']),
      state({ name: 'datasource', type: 'datasource', query: 'prometheus' }, ['p']),
    ];
    expect(datasourceVariable(states)).toEqual({ name: 'DS_PROMETHEUS', uid: 'eu' });
  });

  it('a datasource variable without a type is Prometheus', () => {
    expect(datasourceVariable([state({ name: 'ds', type: 'datasource' }, ['p'])])).toEqual({
      name: 'ds',
      uid: 'p',
    });
  });

  it('none when the variable is hidden or absent: the header keeps its picker', () => {
    expect(
      datasourceVariable([state({ name: 'ds', type: 'datasource', hide: 2 }, ['p'])]),
    ).toBeNull();
    expect(datasourceVariable([state({ name: 'x', type: 'custom', query: 'a' }, ['a'])])).toBe(
      null,
    );
  });

  it('no uid while nothing (or All) is selected', () => {
    expect(datasourceVariable([state({ name: 'ds', type: 'datasource' }, [])])).toEqual({
      name: 'ds',
      uid: '',
    });
  });
});
