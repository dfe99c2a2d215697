// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${name} syntax is what these strings test
import { describe, expect, it } from 'vitest';
import { formatDate } from '../time/date-format.ts';
import { interpolateVariables } from './format.ts';
import { interpolateBuiltins, pageScope, usesTimeBuiltins } from './interpolate.ts';

const VARS = { intervalMs: 15_000, rateIntervalMs: 20_000, rangeMs: 3_600_000 };

describe('interpolateBuiltins', () => {
  it('replaces every built-in', () => {
    expect(interpolateBuiltins('$__interval', VARS)).toBe('15s');
    expect(interpolateBuiltins('$__interval_ms', VARS)).toBe('15000');
    expect(interpolateBuiltins('$__rate_interval', VARS)).toBe('20s');
    expect(interpolateBuiltins('$__range', VARS)).toBe('3600s');
    expect(interpolateBuiltins('$__range_s', VARS)).toBe('3600');
    expect(interpolateBuiltins('$__range_ms', VARS)).toBe('3600000');
  });

  it('accepts the $x, ${x} and [[x]] forms', () => {
    expect(interpolateBuiltins('rate(x[$__rate_interval])', VARS)).toBe('rate(x[20s])');
    expect(interpolateBuiltins('rate(x[${__rate_interval}])', VARS)).toBe('rate(x[20s])');
    expect(interpolateBuiltins('rate(x[[[__rate_interval]]])', VARS)).toBe('rate(x[20s])');
  });

  it('lets the longest name win', () => {
    expect(interpolateBuiltins('$__interval_ms/$__interval', VARS)).toBe('15000/15s');
    expect(interpolateBuiltins('$__range_s $__range_ms $__range', VARS)).toBe('3600 3600000 3600s');
  });

  it('replaces every occurrence in a real query', () => {
    const expr =
      'sum by (job) (rate(http_requests_total[$__rate_interval])) / $__range_s * ${__interval_ms}';
    expect(interpolateBuiltins(expr, VARS)).toBe(
      'sum by (job) (rate(http_requests_total[20s])) / 3600 * 15000',
    );
  });

  it('leaves PromQL capture references untouched', () => {
    const expr = 'label_replace(up, "host", "${1}xx", "instance", "(.*):$1")';
    expect(interpolateBuiltins(expr, VARS)).toBe(expr);
  });

  it('leaves unknown names and partial names byte for byte', () => {
    for (const expr of [
      '$job',
      '${job}',
      '[[job]]',
      '$__intervalx',
      '${__interval',
      '$',
      '$__Range',
      '$constructor',
      '${toString}',
    ]) {
      expect(interpolateBuiltins(expr, VARS)).toBe(expr);
    }
  });

  it('keeps a stray $ before a variable', () => {
    expect(interpolateBuiltins('$$__range', VARS)).toBe('$3600s');
  });

  it('writes durations as Grafana does: the largest whole unit, a Go duration, seconds', () => {
    const vars = { intervalMs: 1_500, rateIntervalMs: 90_000, rangeMs: 86_400_000 };
    expect(interpolateBuiltins('[$__interval] [$__rate_interval] [$__range]', vars)).toBe(
      '[1s] [1m30s] [86400s]',
    );
    const sub = { intervalMs: 500, rateIntervalMs: 60_500, rangeMs: 3_600_000 };
    expect(interpolateBuiltins('[$__interval] [$__rate_interval]', sub)).toBe('[500ms] [1m0.5s]');
  });

  it('cuts the integer forms to whole units, but rounds the range in seconds', () => {
    const vars = { intervalMs: 1_234.6, rateIntervalMs: 0, rangeMs: 1_499 };
    expect(interpolateBuiltins('$__interval_ms $__range_ms $__range_s', vars)).toBe('1234 1499 1');
    expect(interpolateBuiltins('$__interval_s $__rate_interval_s', vars)).toBe('1 0');
  });
});

describe('built-ins with formats', () => {
  it('take the ${x:fmt} form too', () => {
    expect(interpolateBuiltins('${__interval:raw} ${__range_s:text}', VARS)).toBe('15s 3600');
  });

  it('do not treat $ patterns in values specially', () => {
    expect(interpolateBuiltins('$__interval $& $1', VARS)).toBe('15s $& $1');
  });
});

describe('$__from, $__to and $__dashboard', () => {
  // grafana/scenes packages/scenes/src/variables/macros/timeMacros.test.ts
  const range = {
    start: Date.parse('2023-05-23T06:09:57.073Z'),
    end: Date.parse('2023-05-23T07:09:57.073Z'),
  };
  it('are epoch ms in queries, with the date formats', () => {
    const vars = { ...VARS, range };
    expect(interpolateBuiltins('$__from', vars)).toBe('1684822197073');
    expect(interpolateBuiltins('$__to', vars)).toBe('1684825797073');
    expect(interpolateBuiltins('${__to:date:YYYY}', vars)).toBe('2023');
    expect(interpolateBuiltins('x @ ${__to:date:seconds}', vars)).toBe('x @ 1684825797');
  });
  it('are the local time as text (a title)', () => {
    const scope = pageScope(new Map(), { title: 'T', uid: 'u' }, range, true);
    const local = formatDate(range.start, 'YYYY-MM-DD HH:mm:ss');
    expect(interpolateVariables('From $__from', scope, 'text')).toBe(`From ${local}`);
    expect(interpolateVariables('${__from:date:iso}', scope, 'text')).toBe(
      '2023-05-23T06:09:57.073Z',
    );
  });
  it('$__dashboard is the title; ${__dashboard.uid} the uid', () => {
    const scope = pageScope(new Map(), { title: 'Service overview', uid: 'svc' }, null, false);
    expect(
      interpolateVariables(
        '$__dashboard / ${__dashboard.name} / ${__dashboard.uid}',
        scope,
        'text',
      ),
    ).toBe('Service overview / Service overview / svc');
    expect(scope.has('__from')).toBe(false);
  });
  it('a dashboard variable of the same name wins', () => {
    const own = new Map([['__dashboard', { values: ['mine'], text: 'mine', regex: false }]]);
    expect(
      interpolateVariables(
        '$__dashboard',
        pageScope(own, { title: 'T', uid: 'u' }, null, false),
        'text',
      ),
    ).toBe('mine');
  });
  it('usesTimeBuiltins finds them anywhere in the JSON', () => {
    expect(usesTimeBuiltins({ panels: [{ title: 'since ${__from:date:iso}' }] })).toBe(true);
    expect(usesTimeBuiltins({ panels: [{ title: '$__interval' }] })).toBe(false);
  });
});
