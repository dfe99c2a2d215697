// Cases from Grafana's app/features/alerting/unified/utils/alertmanager.test.ts (parseMatcher,
// parseMatchers, labelsMatchMatchers), transcribed as data, and the filters of Grafana's alert
// list docs; then what Promscope adds: words for a bad filter, anchored regexes.
import { describe, expect, it } from 'vitest';
import { labelsMatch, type Matcher, parseMatchers } from './matchers.ts';

const ok = (text: string): Matcher[] => {
  const r = parseMatchers(text);
  if ('error' in r) throw new Error(r.error);
  return r.matchers;
};

describe("parseMatchers, Grafana's cases", () => {
  it.each<[string, Matcher[]]>([
    ['foo=bar', [{ name: 'foo', op: '=', value: 'bar' }]],
    ['foo!=bar', [{ name: 'foo', op: '!=', value: 'bar' }]],
    ['foo =~bar', [{ name: 'foo', op: '=~', value: 'bar' }]],
    ['foo!~ bar', [{ name: 'foo', op: '!~', value: 'bar' }]],
    ['foo=~"bar\\"baz\\""', [{ name: 'foo', op: '=~', value: 'bar"baz"' }]],
    ['foo=~bar\\"baz\\"', [{ name: 'foo', op: '=~', value: 'bar"baz"' }]],
    ['foo=~bar=baz!=bad!~br', [{ name: 'foo', op: '=~', value: 'bar=baz!=bad!~br' }]],
    [
      'foo=bar, bar=~ba.+, severity!=warning, email!~@grafana.com',
      [
        { name: 'foo', op: '=', value: 'bar' },
        { name: 'bar', op: '=~', value: 'ba.+' },
        { name: 'severity', op: '!=', value: 'warning' },
        { name: 'email', op: '!~', value: '@grafana.com' },
      ],
    ],
    [
      'foo="bar",bar=bazz',
      [
        { name: 'foo', op: '=', value: 'bar' },
        { name: 'bar', op: '=', value: 'bazz' },
      ],
    ],
    // Grafana's alert list docs and util.test.tsx.
    [
      '{severity="critical", instance=~"cluster-us-.+"}',
      [
        { name: 'severity', op: '=', value: 'critical' },
        { name: 'instance', op: '=~', value: 'cluster-us-.+' },
      ],
    ],
    ['{severity=low}', [{ name: 'severity', op: '=', value: 'low' }]],
  ])('%s', (text, matchers) => {
    expect(ok(text)).toEqual(matchers);
  });

  it('refuses an invalid operator (Grafana: no matchers)', () => {
    expect(parseMatchers('foo=!bar')).toEqual({ error: '"foo=!bar": did you mean foo!=…?' });
  });
});

describe('parseMatchers, beyond Grafana', () => {
  it('reads no matcher from blank text or empty braces', () => {
    expect(ok('')).toEqual([]);
    expect(ok('  {}  ')).toEqual([]);
    expect(ok('a=b,')).toEqual([{ name: 'a', op: '=', value: 'b' }]);
  });

  it('keeps commas and braces inside quotes', () => {
    expect(ok('summary="a, b {c}", x="\\\\n"')).toEqual([
      { name: 'summary', op: '=', value: 'a, b {c}' },
      { name: 'x', op: '=', value: '\\n' },
    ]);
    expect(ok('x="line\\nbreak"')).toEqual([{ name: 'x', op: '=', value: 'line\nbreak' }]);
  });

  it('says what is wrong', () => {
    expect(parseMatchers('critical')).toEqual({
      error: '"critical" is not a matcher such as severity="critical"',
    });
    expect(parseMatchers('1a=b')).toHaveProperty('error');
    expect(parseMatchers('a="b')).toEqual({ error: '"a="b": a quote is not closed' });
    expect(parseMatchers('a=~"("')).toEqual({ error: '"a=~"("": "(" is not a valid regex' });
  });
});

describe('labelsMatch', () => {
  it("Grafana's cases", () => {
    expect(labelsMatch({ foo: 'bar', bar: 'bazz', bazz: 'buzz' }, ok('foo=bar,bar=bazz'))).toBe(
      true,
    );
    expect(labelsMatch({ foo: 'bar', bar: 'bazz' }, ok('foo=buzz'))).toBe(false);
    expect(
      labelsMatch(
        { foo: 'bar', bar: 'bazz', email: 'admin@grafana.com' },
        ok('foo!=bazz,bar=~ba.+'),
      ),
    ).toBe(true);
  });

  it('anchors regexes to the whole value, as Prometheus does', () => {
    expect(labelsMatch({ job: 'api-server' }, ok('job=~api'))).toBe(false);
    expect(labelsMatch({ job: 'api-server' }, ok('job=~api.*'))).toBe(true);
    expect(labelsMatch({ job: 'api-server' }, ok('job!~api'))).toBe(true);
    expect(labelsMatch({ job: 'a|b' }, ok('job=~"a|c"'))).toBe(false);
  });

  it('reads a missing label as empty', () => {
    expect(labelsMatch({}, ok('team=""'))).toBe(true);
    expect(labelsMatch({}, ok('team!=ops'))).toBe(true);
    expect(labelsMatch({}, ok('team=~".+"'))).toBe(false);
    expect(labelsMatch({ a: '1' }, [])).toBe(true);
  });
});
