// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${name} syntax is what these strings test
// Grafana's own cases for variable formats and interpolation, transcribed as data (the
// expected strings are Grafana's; the code under test is ours). Each table names its file:
// - grafana/scenes packages/scenes/src/variables/interpolation/formatRegistry.test.ts (its five
//   lucene cases are also the whole of grafana/grafana
//   public/app/features/templating/formatRegistry.test.ts; every id of that formatRegistry.ts
//   is a format here)
// - grafana/scenes packages/scenes/src/variables/interpolation/sceneInterpolator.test.ts
// - grafana/grafana public/app/features/templating/template_srv.test.ts
// - grafana/grafana packages/grafana-prometheus/src/datasource.test.ts (escaping)
import { describe, expect, it } from 'vitest';
import type { Context, ScopedVariable } from './format.ts';
import { formatValues, interpolateVariables } from './format.ts';

/** Grafana's TestVariable: a single value is a string, several an array. */
const single = (value: string, text = value): ScopedVariable => ({
  values: [value],
  text,
  regex: false,
});
const list = (values: string[], texts = values): ScopedVariable => ({
  values,
  text: texts.join(' + '),
  regex: true,
  array: true,
});
const fmt = (v: ScopedVariable, format: string, args: string[] = []) =>
  formatValues(v, format, 'server', args);
const run = (text: string, vars: Record<string, ScopedVariable>, context: Context = 'value') =>
  interpolateVariables(text, new Map(Object.entries(vars)), context);

describe('formatRegistry.test.ts (grafana/scenes)', () => {
  it.each<[string, ScopedVariable, string, string[]?]>([
    ['lucene', single('foo bar'), 'foo\\ bar'],
    ['lucene', single('-1'), '-1'],
    ['lucene', single('-test'), '\\-test'],
    ['lucene', list(['foo bar', 'baz']), '("foo\\ bar" OR "baz")'],
    ['lucene', list([]), '__empty__'],
    ['glob', single('foo'), 'foo'],
    ['glob', list(['AA', 'BB', 'C.*']), '{AA,BB,C.*}'],
    ['text', single('v', 'display text'), 'display text'],
    ['text', list(['test', 'test2']), 'test + test2'],
    ['raw', list(['12', '13']), '12,13'],
    ['raw', single('#Æ³ ̇¹"Ä1"#!"#!½'), '#Æ³ ̇¹"Ä1"#!"#!½'],
    ['regex', single('test.'), 'test\\.'],
    ['regex', list(['test.']), 'test\\.'],
    ['regex', list(['test.', 'test2']), '(test\\.|test2)'],
    ['pipe', list(['test', 'test2']), 'test|test2'],
    ['distributed', list(['test']), 'test'],
    ['distributed', list(['test', 'test2']), 'test,server=test2'],
    ['csv', single('test'), 'test'],
    ['csv', list(['test', 'test2']), 'test,test2'],
    ['html', single('<script>alert(asd)</script>'), '&lt;script&gt;alert(asd)&lt;/script&gt;'],
    ['json', list(['test', '12']), '["test","12"]'],
    ['json', single('test'), 'test'],
    ['percentencode', list(['foo()bar BAZ', 'test2']), '%7Bfoo%28%29bar%20BAZ%2Ctest2%7D'],
    ['singlequote', single('test'), "'test'"],
    ['singlequote', list(['test', "test'2"]), "'test','test\\'2'"],
    ['doublequote', single('test'), '"test"'],
    ['doublequote', list(['test', 'test"2']), '"test","test\\"2"'],
    ['sqlstring', single("test'value"), "'test''value'"],
    ['sqlstring', single('test"value'), "'test\\\"value'"],
    ['sqlstring', list(['test', "test'value2"]), "'test','test''value2'"],
    [
      'sqlstring',
      list(['test', "test'value2", 'test"value3']),
      "'test','test''value2','test\\\"value3'",
    ],
    ['date', single('1594671549254'), '2020-07-13T20:19:09.254Z'],
    ['date', single('1594671549254'), '1594671549', ['seconds']],
    ['date', single('1594671549254'), '2020-07-13T20:19:09.254Z', ['iso']],
    ['join', single('hello'), 'hello'],
    ['join', list(['hello']), 'hello'],
    ['join', list(['hello', 'world']), 'hello,world'],
    ['join', list(['hello', 'world']), 'hello | world', [' | ']],
    ['customqueryparam', list(['api', 'database']), 'server=api&server=database'],
    ['customqueryparam', list(['api', 'database']), 'p-server=api&p-server=database', ['p-server']],
    [
      'customqueryparam',
      list(['api', 'database']),
      'p-server=v-api&p-server=v-database',
      ['p-server', 'v-'],
    ],
    ['customqueryparam', list(['api']), 'server=api'],
    ['customqueryparam', list(['api']), 'p-server=api', ['p-server']],
    ['customqueryparam', list(['api']), 'p-server=v-api', ['p-server', 'v-']],
    ['customqueryparam', single('api'), 'server=api'],
    ['customqueryparam', single('api'), 'p-server=api', ['p-server']],
    ['customqueryparam', single('api'), 'p-server=v-api', ['p-server', 'v-']],
    [
      'customqueryparam',
      list(['mysql&postgres', 'databases!']),
      'p-server=v-mysql%26postgres&p-server=v-databases%21',
      ['p-server', 'v-'],
    ],
    [
      'customqueryparam',
      list(['mysql&postgres', 'databases!']),
      'space%20%26%20ampersand%21=v%26%20mysql%26postgres&space%20%26%20ampersand%21=v%26%20databases%21',
      ['space & ampersand!', 'v& '],
    ],
    [
      'uriencode',
      single('/any-path/any-second-path?query=foo()bar BAZ'),
      '/any-path/any-second-path?query=foo%28%29bar%20BAZ',
    ],
    ['queryparam', single('helloAZ%='), 'var-server=helloAZ%25%3D'],
  ])('%s of %j → %s %j', (format, v, expected, args) => {
    expect(fmt(v, format, args)).toBe(expected);
  });

  it('moment-style date formats (YYYY-MM, YYYY-MM:ss, YYYY:MM:DD) in local time', () => {
    // Grafana formats in the browser's zone; the expected strings follow this machine's zone.
    const d = new Date(1594671549254);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const ym = `${d.getFullYear()}-${p2(d.getMonth() + 1)}`;
    expect(fmt(single('1594671549254'), 'date', ['YYYY-MM'])).toBe(ym);
    expect(fmt(single('1594671549254'), 'date', ['YYYY-MM', 'ss'])).toBe(`${ym}:09`);
    expect(fmt(single('1594671549254'), 'date', ['YYYY', 'MM', 'DD'])).toBe(
      `${d.getFullYear()}:${p2(d.getMonth() + 1)}:${p2(d.getDate())}`,
    );
  });
});

describe('sceneInterpolator.test.ts (grafana/scenes)', () => {
  it('does not escape a custom All value', () => {
    const all = { ...list(['a', 'b']), text: 'All', all: true, allValue: '.*' };
    expect(run('${test:regex}', { test: all })).toBe('.*');
  });
  it('field paths', () => {
    const obj = { ...single('x'), fields: { prop1: 'prop1Value' } };
    expect(run('${test.prop1}', { test: obj })).toBe('prop1Value');
  });
  it('formats', () => {
    expect(run('${test:queryparam}', { test: single('hello') })).toBe('var-test=hello');
    expect(run('test.${test}.asd', { test: list(['hello', 'world']) })).toBe(
      'test.{hello,world}.asd',
    );
    expect(run('${test:text}', { test: list(['1', '2'], ['hello', 'world']) })).toBe(
      'hello + world',
    );
    expect(run('${test:date:YYYY-MM}', { test: single('1594671549254') })).toMatch(/^2020-0[78]$/);
    expect(run('${__from}', { __from: single('a', 'b') })).toBe('a');
    expect(run('${__from:text}', { __from: single('a', 'b') })).toBe('b');
  });
});

describe('template_srv.test.ts (grafana/grafana)', () => {
  const oogle = { test: single('oogle') };
  it('replace and scoped values', () => {
    expect(run('this.[[test]].filters', oogle)).toBe('this.oogle.filters');
    const mupp = { test: single('mupp', 'asd') };
    expect(run('this.$test.filters', mupp)).toBe('this.mupp.filters');
    expect(run('this.${test}.filters', mupp)).toBe('this.mupp.filters');
    expect(run('this.${test:glob}.filters', mupp)).toBe('this.mupp.filters');
    // replaceWithText
    expect(run('this.$test.filters', mupp, 'text')).toBe('this.asd.filters');
    expect(run('this.${test}.filters', mupp, 'text')).toBe('this.asd.filters');
    expect(run('this.${test:glob}.filters', mupp, 'text')).toBe('this.mupp.filters');
    const named = { test: { ...single('x', 'asd'), fields: { name: 'mupp' } } };
    expect(run('this.${test.name}.filters', named, 'text')).toBe('this.mupp.filters');
    const dashboard = { __dashboard: { ...single('t'), fields: { name: 'hello' } } };
    expect(run('${__dashboard.name}', dashboard)).toBe('hello');
  });

  it('multi and All values with glob, pipe and queryparam', () => {
    for (const test of [
      list(['value1', 'value2']),
      { ...list(['value1', 'value2']), text: 'All', all: true },
    ]) {
      expect(run('this.$test.filters', { test })).toBe('this.{value1,value2}.filters');
      expect(run('this.${test}.filters', { test })).toBe('this.{value1,value2}.filters');
      expect(run('this.${test:glob}.filters', { test })).toBe('this.{value1,value2}.filters');
      expect(run('this=${test:pipe}', { test })).toBe('this=value1|value2');
      expect(run('${test:pipe},$test', { test })).toBe('value1|value2,{value1,value2}');
    }
    expect(run('this.$test.filters', { test: list(['value1']) })).toBe('this.value1.filters');
    const all = { ...list(['value1', 'value2']), text: 'All', all: true };
    expect(run('${test:queryparam}', { test: all })).toBe('var-test=All');
  });

  it('All with a custom all value', () => {
    const test = { ...list(['value1', 'value2']), text: 'All', all: true, allValue: '*' };
    expect(run('this.$test.filters', { test })).toBe('this.*.filters');
    expect(run('this.${test}.filters', { test })).toBe('this.*.filters');
    expect(run('this.${test:glob}.filters', { test })).toBe('this.*.filters');
    expect(run('this.${test:text}.filters', { test })).toBe('this.All.filters');
    expect(run('this.$test', { test }, 'promql')).toBe('this.*');
    expect(run('${test:queryparam}', { test })).toBe('var-test=All');
    const plus = { ...test, allValue: '.+' };
    expect(run('this.${test:percentencode}', { test: plus })).toBe('this..%2B');
  });

  it('lucene, html and the rest', () => {
    const slash = { test: single('value/4') };
    expect(run('this:${test:lucene}', slash)).toBe('this:value\\/4');
    const script = { test: single('<script>alert(asd)</script>') };
    // The older template_srv case expects `&#47;` for `/`; today's escapeHtml
    // (grafana-data text/sanitize.ts) and formatRegistry.test.ts leave `/` as is.
    expect(run('$test', script, 'html')).toBe('&lt;script&gt;alert(asd)&lt;/script&gt;');
    expect(run('${test:nonexistentformat}', { test: single('test') })).toBe('test');
    expect(run('${test:nonexistentformat}', { test: list(['test', 'test1']) })).toBe(
      '{test,test1}',
    );
    expect(fmt(list(['test', 'test2']), 'lucene')).toBe('("test" OR "test2")');
    expect(formatValues(list(['test', 'test2']), 'distributed', 'build')).toBe('test,build=test2');
    expect(formatValues(list(['test']), 'distributed', 'build')).toBe('test');
    expect(fmt(single('Gi3/14'), 'regex')).toBe('Gi3\\/14');
    expect(fmt(single("'test\n"), 'raw')).toBe("'test\n");
  });

  it('replaceWithText: All, display text, empty values', () => {
    const vars = {
      server: list(['server1', 'server2'], ['Server 1', 'Server 2']),
      empty_on_init: single(''),
      databases: { ...list(['db1', 'db2']), text: 'All', all: true },
      custom_all_value: {
        ...list(['A-Value', 'B-Value']),
        text: 'All',
        all: true,
        allValue: 'CUSTOM_ALL',
      },
      foo: single('constructor'),
    };
    expect(run('Server: $server', vars, 'text')).toBe('Server: Server 1 + Server 2');
    expect(run('Hello $empty_on_init', vars, 'text')).toBe('Hello ');
    expect(run('Db: $databases', vars, 'text')).toBe('Db: All');
    expect(run('Custom: $custom_all_value', vars, 'text')).toBe('Custom: All');
    expect(run('$foo', vars, 'text')).toBe('constructor');
  });

  it('queryparam for single and multi values', () => {
    expect(run('${single:queryparam}', { single: single('value1') })).toBe('var-single=value1');
    expect(run('${multi:queryparam}', { multi: list(['value1', 'value2']) })).toBe(
      'var-multi=value1&var-multi=value2',
    );
    expect(run('${multi:queryparam}', { multi: single('value2') })).toBe('var-multi=value2');
  });

  it('$__interval_ms and dates of $__from', () => {
    expect(run('10 * $__interval_ms', { __interval_ms: single('100') })).toBe('10 * 100');
    const from = { __from: single('1594671549254') };
    expect(run('${__from}', from)).toBe('1594671549254');
    expect(run('${__from:date:seconds}', from)).toBe('1594671549');
    expect(run('${__from:date}', from)).toBe('2020-07-13T20:19:09.254Z');
    expect(run('${__from:date:iso}', from)).toBe('2020-07-13T20:19:09.254Z');
  });

  it('$__all_variables is already formatted: no format is applied again', () => {
    const all = {
      __all_variables: { ...single('var-server=server+name+with+plus%2B'), skipFormat: true },
    };
    expect(run('${__all_variables}', all, 'uri')).toBe('var-server=server+name+with+plus%2B');
    expect(run('${__all_variables:percentencode}', all)).toBe(
      'var-server=server+name+with+plus%2B',
    );
  });
});

describe('datasource.test.ts (grafana/grafana, grafana-prometheus): query escaping', () => {
  const q = (v: ScopedVariable) => run('$v', { v }, 'promql');
  it('a single value: only backslashes and double quotes (prometheusSpecialCharsInLabelValues)', () => {
    expect(q(single('cryptodepression'))).toBe('cryptodepression');
    expect(q(single("looking'glass"))).toBe("looking'glass");
    expect(q(single('looking"glass'))).toBe('looking\\"glass');
    expect(q(single('looking\\glass'))).toBe('looking\\\\glass');
    expect(q(single('abc\'"$^*{}[]+?.()|\\'))).toBe('abc\'\\"$^*{}[]+?.()|\\\\');
  });
  it('a complete label matcher passes unescaped', () => {
    for (const m of ['job="grafana"', 'job!="grafana"', 'job=~"grafana"', 'job!~"grafana"']) {
      expect(q(single(m))).toBe(m);
    }
    expect(q(single('job="my\\"service"'))).toBe('job="my\\"service"');
    expect(q(single('job="\\\\server"'))).toBe('job="\\\\server"');
  });
  it('multi-value and All: regex-escaped for a PromQL string', () => {
    const one = (x: string) => q(list([x]));
    expect(one('cryptodepression')).toBe('cryptodepression');
    for (const c of '{}[]$^*+?.()|') expect(one(`looking${c}glass`)).toBe(`looking\\\\${c}glass`);
    expect(one('looking\\glass')).toBe('looking\\\\\\\\glass');
    expect(one('looking"glass')).toBe('looking\\\\\\"glass');
    expect(one('+looking$glass?')).toBe('\\\\+looking\\\\$glass\\\\?');
    expect(one('+looking"$glass?')).toBe('\\\\+looking\\\\\\"\\\\$glass\\\\?');
    expect(one('looking*glass')).toBe('looking\\\\*glass');
    expect(q(list(['a|bc', 'de|f']))).toBe('(a\\\\|bc|de\\\\|f)');
    const includeAll = { ...single('looking*glass'), regex: true };
    expect(q(includeAll)).toBe('looking\\\\*glass');
  });
});
