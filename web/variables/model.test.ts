import { describe, expect, it } from 'vitest';
import { applyRegex, parseCustom, readVariable, readVariables, sortOptions } from './model.ts';

describe('readVariable', () => {
  it('reads a Grafana 9+ query variable', () => {
    const v = readVariable({
      name: 'route',
      type: 'query',
      query: { query: 'label_values(http_requests_total, route)', refId: 'X' },
      multi: true,
      includeAll: true,
      allValue: '.*',
      current: { text: ['a', 'b'], value: ['a', 'b'] },
      refresh: 2,
      sort: 1,
    });
    expect(v).toMatchObject({
      name: 'route',
      query: 'label_values(http_requests_total, route)',
      multi: true,
      includeAll: true,
      allValue: '.*',
      current: ['a', 'b'],
      refresh: 2,
      sort: 1,
      hide: 0,
    });
  });

  it('hides constants and skips unusable names and duplicates', () => {
    expect(readVariable({ name: 'c', type: 'constant', query: 'x' })?.hide).toBe(2);
    expect(readVariable({ name: 'bad name' })).toBeNull();
    expect(
      readVariables({ list: [{ name: 'a' }, { name: 'a' }, 'junk', { name: 'b' }] }),
    ).toHaveLength(2);
    expect(readVariables(undefined)).toEqual([]);
  });
});

describe('parseCustom', () => {
  it('splits on commas, keeps escaped ones, reads text : value pairs', () => {
    expect(parseCustom('a, b ,c\\,d, Prod : prod-1')).toEqual([
      { text: 'a', value: 'a' },
      { text: 'b', value: 'b' },
      { text: 'c,d', value: 'c,d' },
      { text: 'Prod', value: 'prod-1' },
    ]);
  });
});

describe('applyRegex', () => {
  it('keeps matches, takes the first group, drops duplicates', () => {
    expect(
      applyRegex(['node-1:9100', 'node-2:9100', 'db:5432', 'node-1:9200'], '/(node-\\d+):.*/'),
    ).toEqual([
      { text: 'node-1', value: 'node-1' },
      { text: 'node-2', value: 'node-2' },
    ]);
  });
  it('reads named groups text and value', () => {
    expect(
      applyRegex(
        ['up{instance="a:1",job="x"} 1 0'],
        '/instance="(?<value>[^"]+)",job="(?<text>[^"]+)"/',
      ),
    ).toEqual([{ text: 'x', value: 'a:1' }]);
  });
  it('without a capture group a matching value is kept whole, as Grafana keeps it', () => {
    expect(applyRegex(['demo', 'node', 'prometheus'], '/de.*/')).toEqual([
      { text: 'demo', value: 'demo' },
      { text: 'node', value: 'node' },
    ]);
  });
  it('an invalid regex lets everything through unchanged', () => {
    expect(applyRegex(['a'], '/(/')).toEqual([{ text: 'a', value: 'a' }]);
  });
});

describe('sortOptions', () => {
  const o = (...t: string[]) => t.map((x) => ({ text: x, value: x }));
  const texts = (x: { text: string }[]) => x.map((y) => y.text);
  const list = o('b10', 'B2', 'a1', 'b2');
  it('alphabetical, numerical, case-insensitive, natural; odd ascending, even descending', () => {
    expect(texts(sortOptions(list, 0))).toEqual(['b10', 'B2', 'a1', 'b2']);
    expect(texts(sortOptions(list, 1))).toEqual(['B2', 'a1', 'b10', 'b2']);
    expect(texts(sortOptions(list, 2))).toEqual(['b2', 'b10', 'a1', 'B2']);
    expect(texts(sortOptions(list, 3))).toEqual(['a1', 'B2', 'b2', 'b10']);
    expect(texts(sortOptions(list, 4))).toEqual(['b10', 'b2', 'B2', 'a1']);
    expect(texts(sortOptions(o('b', 'A', 'c'), 5))).toEqual(['A', 'b', 'c']);
    expect(texts(sortOptions(o('x10', 'x9', 'x100'), 7))).toEqual(['x9', 'x10', 'x100']);
    expect(texts(sortOptions(o('x10', 'x9', 'x100'), 8))).toEqual(['x100', 'x10', 'x9']);
  });
});
