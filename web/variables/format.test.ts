// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${name} syntax is what these strings test
import { describe, expect, it } from 'vitest';
import type { ScopedVariable } from './format.ts';
import { escapeRegex, formatValues, interpolateVariables, referencedNames } from './format.ts';

const one = (value: string): ScopedVariable => ({ values: [value], text: value, regex: false });
const many = (...values: string[]): ScopedVariable => ({
  values,
  text: values.join(' + '),
  regex: true,
});

describe('interpolateVariables in PromQL', () => {
  it('replaces $x, ${x} and [[x]]', () => {
    const scope = new Map([['job', one('api')]]);
    expect(interpolateVariables('up{job="$job"}', scope, 'promql')).toBe('up{job="api"}');
    expect(interpolateVariables('up{job="${job}"}', scope, 'promql')).toBe('up{job="api"}');
    expect(interpolateVariables('up{job="[[job]]"}', scope, 'promql')).toBe('up{job="api"}');
  });

  it('escapes a single value for a PromQL string', () => {
    const scope = new Map([['path', one('C:\\temp "x"')]]);
    expect(interpolateVariables('x{p="$path"}', scope, 'promql')).toBe('x{p="C:\\\\temp \\"x\\""}');
  });

  it('makes a multi-value selection an escaped regex, twice escaped for the string', () => {
    const scope = new Map([['route', many('/api/items', 'a.b', 'x|y', '(c)')]]);
    expect(interpolateVariables('x{route=~"$route"}', scope, 'promql')).toBe(
      'x{route=~"(/api/items|a\\\\.b|x\\\\|y|\\\\(c\\\\))"}',
    );
  });

  it('gives one selected value of a multi variable without parentheses', () => {
    const scope = new Map([['route', many('a.b')]]);
    expect(interpolateVariables('x{route=~"$route"}', scope, 'promql')).toBe('x{route=~"a\\\\.b"}');
  });

  it('escapes every regex metacharacter so the regex matches only the value', () => {
    const special = '^$*+?.()|{}[]\\/';
    const scope = new Map([['v', many(special, 'plain')]]);
    const out = interpolateVariables('$v', scope, 'promql');
    // Undo the PromQL string escaping, then the regex must match exactly the two values.
    const regex = new RegExp(`^(?:${out.replace(/\\\\/g, '\\')})$`);
    expect(regex.test(special)).toBe(true);
    expect(regex.test('plain')).toBe(true);
    expect(regex.test('plainx')).toBe(false);
    expect(regex.test('^$')).toBe(false);
  });

  it('uses a custom All value as written', () => {
    const scope = new Map([['route', { ...many('a', 'b'), allValue: '.*', text: 'All' }]]);
    expect(interpolateVariables('x{route=~"$route"}', scope, 'promql')).toBe('x{route=~".*"}');
    expect(interpolateVariables('${route:regex}', scope, 'promql')).toBe('.*');
    expect(interpolateVariables('${route:text}', scope, 'promql')).toBe('All');
  });

  it('leaves unknown names, built-ins and PromQL capture references alone', () => {
    const scope = new Map([['job', one('api')]]);
    const expr = 'label_replace(rate(x{job="$job"}[$__rate_interval]), "a", "${1}", "b", "(.*)")';
    expect(interpolateVariables(expr, scope, 'promql')).toBe(
      'label_replace(rate(x{job="api"}[$__rate_interval]), "a", "${1}", "b", "(.*)")',
    );
    expect(interpolateVariables('$jobs $job_name', scope, 'promql')).toBe('$jobs $job_name');
  });
});

describe('formats', () => {
  const v = many('a.b', 'c');
  it.each([
    ['regex', '(a\\.b|c)'],
    ['pipe', 'a.b|c'],
    ['csv', 'a.b,c'],
    ['raw', 'a.b,c'],
    ['glob', '{a.b,c}'],
    ['json', '["a.b","c"]'],
    ['doublequote', '"a.b","c"'],
    ['singlequote', "'a.b','c'"],
    ['text', 'a.b + c'],
    ['queryparam', 'var-x=a.b&var-x=c'],
  ])('%s', (format, expected) => {
    expect(formatValues(v, format, 'x')).toBe(expected);
    expect(interpolateVariables(`\${x:${format}}`, new Map([['x', v]]), 'promql')).toBe(expected);
  });

  it('accepts a format in the [[x:fmt]] form', () => {
    expect(interpolateVariables('[[x:pipe]]', new Map([['x', v]]), 'promql')).toBe('a.b|c');
  });

  it('falls back to the default for an unknown format', () => {
    expect(interpolateVariables('${x:nope}', new Map([['x', one('a')]]), 'promql')).toBe('a');
  });
});

describe('text and value contexts', () => {
  it('text shows the shown text; value the values, several as a glob', () => {
    const scope = new Map([['r', many('a', 'b')]]);
    expect(interpolateVariables('Route $r', new Map([['r', one('a.b')]]), 'text')).toBe(
      'Route a.b',
    );
    expect(interpolateVariables('Route $r', scope, 'text')).toBe('Route a + b');
    expect(interpolateVariables('Route $r', scope, 'value')).toBe('Route {a,b}');
  });
});

describe('helpers', () => {
  it('escapeRegex escapes what RE2 treats as special', () => {
    expect(escapeRegex('a.b*c')).toBe('a\\.b\\*c');
  });
  it('referencedNames finds every form', () => {
    expect([...referencedNames('$a ${b} [[c]] ${d:csv} [[e:raw]] $__interval')]).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      '__interval',
    ]);
  });
});
