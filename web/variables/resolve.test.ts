import { describe, expect, it } from 'vitest';
import type { Datasource } from '../api/server.ts';
import { readVariable } from './model.ts';
import type { FetchLookup, ResolveContext } from './resolve.ts';
import { resolveVariables } from './resolve.ts';

const ds = (uid: string, name: string): Datasource => ({
  uid,
  name,
  type: 'prometheus',
  access: 'proxy',
  url: `http://${uid}`,
  isDefault: uid === 'prom',
  readOnly: false,
  jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
});
const PROM = ds('prom', 'Prometheus');
const OTHER = ds('thanos', 'Thanos');

const def = (raw: Record<string, unknown>) => readVariable(raw)!;

/** Answers by endpoint + match[], standing in for Prometheus. */
function fakeLookup(answers: Record<string, unknown>): FetchLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = ((key: readonly unknown[]) => {
    const [, dsUid, endpoint, req] = key as [string, string, string, { match?: string }];
    const id = `${dsUid} ${endpoint}${req.match ? ` ${req.match}` : ''}`;
    asked.push(id);
    if (!(id in answers)) return undefined;
    const a = answers[id];
    return a instanceof Error ? { error: a.message, loading: false } : { data: a, loading: false };
  }) as FetchLookup & { asked: string[] };
  lookup.asked = asked;
  return lookup;
}

const ctx = (lookup: FetchLookup, wanted: Record<string, string[]> = {}): ResolveContext => ({
  wanted: new Map(Object.entries(wanted)),
  datasources: [PROM, OTHER],
  selectedDatasource: PROM,
  range: { start: 0, end: 3_600_000 },
  rangeKey: 'now-1h|now',
  lookup,
});

describe('resolveVariables', () => {
  const job = def({ name: 'job', type: 'query', query: 'label_values(up, job)' });
  const instance = def({
    name: 'instance',
    type: 'query',
    query: 'label_values(up{job="$job"}, instance)',
    multi: true,
    includeAll: true,
  });

  it('waits for a query variable, then picks the first option', () => {
    const pending = resolveVariables([job], ctx(fakeLookup({})));
    expect(pending.ready).toBe(false);
    expect(pending.states[0]?.status).toBe('loading');
    expect(pending.scope.has('job')).toBe(false);

    const done = resolveVariables(
      [job],
      ctx(fakeLookup({ 'prom label/job/values up': ['api', 'db'] })),
    );
    expect(done.ready).toBe(true);
    expect(done.states[0]?.options.map((o) => o.value)).toEqual(['api', 'db']);
    expect(done.scope.get('job')?.values).toEqual(['api']);
  });

  it('chains: a child asks with its parent value and is not asked before the parent settles', () => {
    const lookup = fakeLookup({ 'prom label/job/values up': ['api', 'db'] });
    const r = resolveVariables([instance, job], ctx(lookup, { job: ['db'] }));
    // the child comes after its parent although listed first
    expect(lookup.asked).toEqual([
      'prom label/job/values up',
      'prom label/instance/values up{job="db"}',
    ]);
    expect(r.states.map((s) => s.def.name)).toEqual(['instance', 'job']);
    expect(r.states[0]?.status).toBe('loading');
    expect(r.ready).toBe(false);
  });

  it("a child is not asked with its parent's $name while the parent loads", () => {
    const r = resolveVariables([job, instance], ctx(fakeLookup({})));
    expect(r.states.map((s) => [s.def.name, s.status, s.fetch?.params])).toEqual([
      ['job', 'loading', expect.anything()],
      ['instance', 'loading', undefined],
    ]);
    // Nothing anywhere in what would be sent names the parent.
    expect(JSON.stringify(r.states.map((s) => s.fetch ?? null))).not.toContain('$job');
  });

  it('a child of a parent that settled on nothing asks nothing and offers nothing', () => {
    const lookup = fakeLookup({ 'prom label/job/values up': [] });
    const r = resolveVariables([job, instance], ctx(lookup));
    expect(r.states[1]).toMatchObject({ status: 'ready', options: [], selected: [] });
    expect(r.states[1]?.fetch).toBeUndefined();
    expect(lookup.asked).toEqual(['prom label/job/values up']);
    expect(r.ready).toBe(true);
  });

  it('All expands to every option as an escaped regex; a custom allValue is kept', () => {
    const answers = {
      'prom label/job/values up': ['api'],
      'prom label/instance/values up{job="api"}': ['a.1:80', 'b:80'],
    };
    const r = resolveVariables([job, instance], ctx(fakeLookup(answers), { instance: ['$__all'] }));
    expect(r.scope.get('instance')).toMatchObject({
      values: ['a.1:80', 'b:80'],
      text: 'All',
      regex: true,
    });
    const withAllValue = { ...instance, allValue: '.+' };
    const r2 = resolveVariables(
      [job, withAllValue],
      ctx(fakeLookup(answers), { instance: ['$__all'] }),
    );
    expect(r2.scope.get('instance')?.allValue).toBe('.+');
  });

  it('a selection that no longer exists falls back to the first option, or All when offered', () => {
    const answers = { 'prom label/job/values up': ['api', 'db'] };
    const r = resolveVariables([job], ctx(fakeLookup(answers), { job: ['gone'] }));
    expect(r.states[0]?.selected).toEqual(['api']);
    const multi = { ...job, multi: true, includeAll: true };
    const r2 = resolveVariables([multi], ctx(fakeLookup(answers), { job: ['gone'] }));
    expect(r2.states[0]?.selected).toEqual(['$__all']);
    const r3 = resolveVariables([multi], ctx(fakeLookup(answers), { job: ['gone', 'db'] }));
    expect(r3.states[0]?.selected).toEqual(['db']);
  });

  it('a failed query settles with its error and an empty list', () => {
    const r = resolveVariables(
      [job],
      ctx(fakeLookup({ 'prom label/job/values up': new Error('down') })),
    );
    expect(r.ready).toBe(true);
    expect(r.states[0]).toMatchObject({ status: 'error', error: 'down', options: [] });
  });

  it('applies regex and sort to the answer', () => {
    const v = def({
      name: 'h',
      type: 'query',
      query: 'label_values(instance)',
      regex: '/(.*):\\d+/',
      sort: 2,
    });
    const r = resolveVariables(
      [v],
      ctx(fakeLookup({ 'prom label/instance/values': ['a:1', 'c:2', 'b:3'] })),
    );
    expect(r.states[0]?.options.map((o) => o.value)).toEqual(['c', 'b', 'a']);
  });

  it('asks the datasource the variable names, through a datasource variable', () => {
    const dsVar = def({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    const v = def({
      name: 'j',
      type: 'query',
      query: 'label_values(job)',
      datasource: { uid: '${datasource}' },
    });
    const lookup = fakeLookup({ 'thanos label/job/values': ['x'] });
    const r = resolveVariables([dsVar, v], ctx(lookup, { datasource: ['Thanos'] }));
    expect(r.scope.get('datasource')?.values).toEqual(['thanos']);
    expect(r.scope.get('j')?.values).toEqual(['x']);
  });

  it('asks the datasource the variable names by name; one that matches nothing is its error', () => {
    const v = (datasource: unknown) =>
      def({ name: 'j', type: 'query', query: 'label_values(job)', datasource });
    const lookup = fakeLookup({ 'thanos label/job/values': ['x'], 'prom label/job/values': ['y'] });
    expect(resolveVariables([v('Thanos')], ctx(lookup)).scope.get('j')?.values).toEqual(['x']);
    const r = resolveVariables([v({ uid: 'Prometheus-EU' })], ctx(lookup));
    expect(r.states[0]).toMatchObject({
      status: 'error',
      error: 'datasource "Prometheus-EU" is not configured in Promscope',
      options: [],
    });
  });

  it('a datasource variable defaults to the selected datasource', () => {
    const dsVar = def({ name: 'datasource', type: 'datasource', query: 'prometheus', current: {} });
    const r = resolveVariables([dsVar], ctx(fakeLookup({})));
    expect(r.scope.get('datasource')?.values).toEqual(['prom']);
  });

  it('custom, constant, textbox and interval with auto', () => {
    const r = resolveVariables(
      [
        def({ name: 'c', type: 'custom', query: 'x, y', multi: true, current: { value: ['y'] } }),
        def({ name: 'k', type: 'constant', query: 'prod' }),
        def({ name: 't', type: 'textbox', query: 'default' }),
        def({
          name: 'i',
          type: 'interval',
          query: '1m,5m',
          auto: true,
          auto_count: 30,
          auto_min: '10s',
        }),
      ],
      ctx(fakeLookup({}), { t: ['typed'], i: ['$__auto_interval_i'] }),
    );
    expect(r.scope.get('c')?.values).toEqual(['y']);
    expect(r.scope.get('k')?.values).toEqual(['prod']);
    expect(r.scope.get('t')?.values).toEqual(['typed']);
    // 1 h over 30 steps is 2 m
    expect(r.scope.get('i')?.values).toEqual(['2m']);
  });
});

describe('built-ins in variable queries', () => {
  it("fill $__range, $__interval and the rest as Grafana's metricFindQuery does", () => {
    const top = def({
      name: 'top',
      type: 'query',
      query:
        'query_result(topk(5, increase(x[$__range])) > $__range_s * 0 + ${__interval_ms} * 0 + $__range_ms * 0)',
    });
    const r = resolveVariables([top], ctx(fakeLookup({})));
    // A one-hour range in seconds, the data source's 15 s scrape interval.
    expect(r.states[0]?.fetch?.params.query).toBe(
      'topk(5, increase(x[3600s])) > 3600 * 0 + 15000 * 0 + 3600000 * 0',
    );
    const interval = def({
      name: 'i',
      type: 'query',
      query: 'query_result(rate(x[$__interval]) + rate(x[$__rate_interval]))',
    });
    expect(resolveVariables([interval], ctx(fakeLookup({}))).states[0]?.fetch?.params.query).toBe(
      'rate(x[15s]) + rate(x[1m0s])',
    );
  });
});
