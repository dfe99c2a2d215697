import { describe, expect, it } from 'vitest';
import type { Datasource } from '../api/server.ts';
import {
  changeType,
  datasourceKey,
  datasourceRef,
  definitionOf,
  newVariable,
  renameVariable,
  setField,
  settleCurrent,
  staticOptions,
  withQuery,
} from './edit.ts';
import type { Json } from './edit-list.ts';
import { nextName, validateName } from './edit-list.ts';
import { readVariables } from './model.ts';

const ds = (uid: string, name: string): Datasource => ({
  uid,
  name,
  type: 'prometheus',
  access: 'proxy',
  url: 'http://localhost:9090',
  isDefault: false,
  readOnly: true,
  jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
});
const PROM = ds('prom1', 'Prometheus');
const OTHER = ds('prom2', 'Long term');

describe('newVariable', () => {
  it('names it after its type with the first free number', () => {
    expect(nextName([{ name: 'query0' }, { name: 'query2' }], 'query')).toBe('query1');
    expect(newVariable([], 'custom', PROM).name).toBe('custom0');
  });

  it('starts a query variable on the dashboard datasource variable when there is one', () => {
    const withDsVar = [{ name: 'ds', type: 'datasource', query: 'prometheus' }];
    expect(newVariable(withDsVar, 'query', PROM).datasource).toEqual({
      type: 'prometheus',
      uid: '${ds}',
    });
    const q = newVariable([], 'query', PROM);
    expect(q).toMatchObject({
      type: 'query',
      name: 'query0',
      datasource: { type: 'prometheus', uid: 'prom1' },
      query: '',
      refresh: 1,
      sort: 0,
      multi: false,
      includeAll: false,
      hide: 0,
    });
  });

  it('gives an interval variable Grafana’s default list and auto settings', () => {
    const v = newVariable([], 'interval', PROM);
    expect(v).toMatchObject({ auto: false, auto_count: 30, auto_min: '10s', refresh: 2 });
    expect(staticOptions(v)?.map((o) => o.value)).toEqual([
      '1m',
      '10m',
      '30m',
      '1h',
      '6h',
      '12h',
      '1d',
      '7d',
      '14d',
      '30d',
    ]);
  });

  it('hides a constant', () => {
    expect(newVariable([], 'constant', PROM).hide).toBe(2);
  });

  it('is read back by the evaluator', () => {
    const v = withQuery(newVariable([], 'custom', PROM), 'a, b : bee');
    const [def] = readVariables({ list: [v] });
    expect(def).toMatchObject({ name: 'custom0', type: 'custom', query: 'a, b : bee' });
  });
});

describe('validateName', () => {
  const list = [{ name: 'job' }, { name: 'route' }];
  it('accepts word names, also the variable’s own name', () => {
    expect(validateName('instance', list, 0)).toBeNull();
    expect(validateName('job', list, 0)).toBeNull();
    expect(validateName('a_1', list, 2)).toBeNull();
  });
  it('refuses empty, non-word, reserved and duplicate names', () => {
    expect(validateName('', list, 0)).toMatch(/required/);
    expect(validateName('my var', list, 0)).toMatch(/word characters/);
    expect(validateName('a-b', list, 0)).toMatch(/word characters/);
    expect(validateName('__rate', list, 0)).toMatch(/cannot begin with '__'/);
    expect(validateName('route', list, 0)).toMatch(/same name/);
  });
  it('renames only when valid', () => {
    expect(renameVariable(list, 0, 'route')).toEqual({
      error: 'Variable with the same name already exists',
    });
    expect(renameVariable(list, 0, 'service')).toEqual({
      list: [{ name: 'service' }, { name: 'route' }],
    });
  });
});

describe('queries in both of Grafana’s forms', () => {
  it('keeps the object form and its other fields, and writes the definition', () => {
    const v: Json = {
      name: 'route',
      type: 'query',
      query: { query: 'label_values(route)', refId: 'X', qryType: 1 },
      definition: 'label_values(route)',
    };
    const next = withQuery(v, 'label_values(up, job)');
    expect(next.query).toEqual({ query: 'label_values(up, job)', refId: 'X', qryType: 1 });
    expect(next.definition).toBe('label_values(up, job)');
    expect(v.query).toEqual({ query: 'label_values(route)', refId: 'X', qryType: 1 });
  });
  it('keeps a string a string', () => {
    const next = withQuery({ name: 'r', type: 'query', query: 'metrics(up)' }, 'metrics(http_)');
    expect(next.query).toBe('metrics(http_)');
    expect(definitionOf(next)).toBe('metrics(http_)');
  });
  it('sets a text box’s value with its default', () => {
    const v = withQuery({ name: 't', type: 'textbox', query: 'a', current: { value: 'a' } }, 'b');
    expect(v.current).toEqual({ text: 'b', value: 'b' });
  });
});

describe('definitionOf', () => {
  it('shows what defines each type', () => {
    expect(definitionOf({ type: 'query', query: { query: 'label_names()' } })).toBe(
      'label_names()',
    );
    expect(definitionOf({ type: 'custom', query: 'a,b' })).toBe('a,b');
    expect(definitionOf({ type: 'interval', query: '1m,5m', auto: true })).toBe('auto,1m,5m');
    expect(definitionOf({ type: 'datasource', query: 'prometheus', regex: '/prod/' })).toBe(
      'prometheus /prod/',
    );
  });
});

describe('settleCurrent', () => {
  const opts = [
    { text: 'A', value: 'a' },
    { text: 'B', value: 'b' },
  ];
  it('keeps a selection that is still offered, as the same object', () => {
    const v = { multi: true, current: { text: ['B'], value: ['b'] } };
    expect(settleCurrent(v, opts)).toBe(v);
  });
  it('falls back to the first option when the selection is gone', () => {
    expect(settleCurrent({ current: { text: 'z', value: 'z' } }, opts).current).toEqual({
      text: 'A',
      value: 'a',
    });
  });
  it('falls back to All when All is offered, in the multi-value shape', () => {
    const v = { multi: true, includeAll: true, current: { text: ['z'], value: ['z'] } };
    expect(settleCurrent(v, opts).current).toEqual({ text: ['All'], value: ['$__all'] });
  });
  it('drops All when it is no longer offered, and extra values when no longer multi', () => {
    expect(settleCurrent({ current: { value: '$__all' } }, opts).current).toEqual({
      text: 'A',
      value: 'a',
    });
    expect(settleCurrent({ multi: false, current: { value: ['b', 'a'] } }, opts).current).toEqual({
      text: 'B',
      value: 'b',
    });
  });
  it('with options unknown, only All and multi-value are checked', () => {
    const v = { current: { value: 'whatever' } };
    expect(settleCurrent(v, null)).toBe(v);
    expect(settleCurrent({ current: { value: ['$__all'] } }, null).current).toEqual({});
  });
});

describe('setField', () => {
  it('settles current and rewrites the options of a custom variable', () => {
    const v: Json = {
      name: 'c',
      type: 'custom',
      query: 'a,b',
      multi: true,
      current: { text: ['a', 'b'], value: ['a', 'b'] },
      options: [],
      keepMe: { x: 1 },
    };
    const single = setField(v, 'multi', false);
    expect(single.current).toEqual({ text: 'a', value: 'a' });
    expect(single.options).toEqual([
      { selected: true, text: 'a', value: 'a' },
      { selected: false, text: 'b', value: 'b' },
    ]);
    expect(single.keepMe).toEqual({ x: 1 });
  });
  it('removes a field set to undefined', () => {
    expect('label' in setField({ name: 'x', label: 'X' }, 'label', undefined)).toBe(false);
  });
  it('moves an interval selection onto auto’s renamed value', () => {
    const v: Json = { name: 'w', type: 'interval', query: '1m,5m', current: { value: '5m' } };
    const auto = setField(v, 'auto', true);
    expect(staticOptions(auto)?.[0]).toEqual({ text: 'auto', value: '$__auto_interval_w' });
    expect(auto.current).toEqual({ value: '5m' });
    const gone = withQuery(auto, '1h');
    expect(gone.current).toEqual({ text: 'auto', value: '$__auto_interval_w' });
  });
});

describe('changeType', () => {
  it('keeps name, label, description and unknown fields, and resets typed ones', () => {
    const v: Json = {
      name: 'env',
      type: 'query',
      label: 'Env',
      description: 'where',
      query: 'label_values(env)',
      regex: '/p/',
      multi: true,
      hide: 1,
      custom: { kept: true },
    };
    const c = changeType(v, 'custom', [v], PROM);
    expect(c).toMatchObject({
      name: 'env',
      type: 'custom',
      label: 'Env',
      description: 'where',
      query: '',
      multi: false,
      hide: 1,
      custom: { kept: true },
    });
    expect('regex' in c).toBe(false);
    expect(changeType(c, 'constant', [c], PROM).hide).toBe(2);
    expect(changeType(changeType(c, 'constant', [c], PROM), 'textbox', [c], PROM).hide).toBe(0);
    expect(changeType(v, 'query', [v], PROM)).toBe(v);
  });
  it('renames a variable still called as the editor named it', () => {
    const fresh = newVariable([{ name: 'custom0' }], 'query', PROM);
    expect(changeType(fresh, 'custom', [{ name: 'custom0' }, fresh], PROM).name).toBe('custom1');
    expect(changeType({ name: 'queryX', type: 'query' }, 'custom', [], PROM).name).toBe('queryX');
  });
});

describe('datasource references', () => {
  const all = [PROM, OTHER];
  it('reads uid objects, names, variable references and nothing', () => {
    expect(datasourceKey({ type: 'prometheus', uid: 'prom2' }, all)).toBe('uid:prom2');
    expect(datasourceKey('Long term', all)).toBe('uid:prom2');
    expect(datasourceKey({ uid: '${datasource}' }, all)).toBe('var:datasource');
    expect(datasourceKey('$ds', all)).toBe('var:ds');
    expect(datasourceKey('[[ds]]', all)).toBe('var:ds');
    expect(datasourceKey(null, all)).toBe('');
    expect(datasourceKey({ uid: 'gone' }, all)).toBe('uid:gone');
  });
  it('writes Grafana’s uid objects', () => {
    expect(datasourceRef('var:datasource')).toEqual({ type: 'prometheus', uid: '${datasource}' });
    expect(datasourceRef('uid:prom2')).toEqual({ type: 'prometheus', uid: 'prom2' });
    expect(datasourceRef('')).toBeNull();
  });
});
