import { describe, expect, it } from 'vitest';
import type { ActiveTarget, AlertingRule, PromRule, RuleGroup } from '../../contract/prometheus.ts';
import { parseMatchers } from '../api/matchers.ts';
import {
  ago,
  exploreHref,
  filterRules,
  listAlertRules,
  seconds,
  stateCounts,
  targetPools,
} from './alerting-view.ts';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

describe('ago and seconds', () => {
  it.each([
    [NOW - 12_300, '12s ago'],
    [NOW - 350, '350ms ago'],
    [NOW - 185_000, '3m5s ago'],
    [NOW - 2 * 86_400_000, '2d ago'],
    [NOW + 400, '0ms ago'],
    [undefined, 'never'],
  ])('%s', (ms, words) => {
    expect(ago(ms, NOW)).toBe(words);
  });

  it.each([
    [0.000596219, '0.6ms'],
    [0.004163989, '4.16ms'],
    [0.0123, '12.3ms'],
    [1.2041, '1.204s'],
    [0, '0ms'],
    [Number.NaN, ''],
  ])('%s s', (s, words) => {
    expect(seconds(s)).toBe(words);
  });

  it('links an expression to Explore on its datasource', () => {
    expect(exploreHref('sum by (job) (up)', 'prom-1')).toBe(
      '/explore?q0.expr=sum+by+%28job%29+%28up%29&ds=prom-1',
    );
  });
});

const alerting = (
  name: string,
  state: AlertingRule['state'],
  severities: string[],
): AlertingRule => ({
  type: 'alerting',
  name,
  query: 'vector(1)',
  labels: {},
  health: 'ok',
  lastError: '',
  evaluationTime: 0,
  state,
  duration: 0,
  keepFiringFor: 0,
  annotations: {},
  alerts: severities.map((severity) => ({
    labels: { alertname: name, severity },
    annotations: {},
    state: state === 'inactive' ? 'firing' : state,
    value: '1',
  })),
});
const recording: PromRule = {
  type: 'recording',
  name: 'job:up:sum',
  query: 'sum by (job) (up)',
  labels: {},
  health: 'err',
  lastError: 'boom',
  evaluationTime: 0,
};
const GROUPS: RuleGroup[] = [
  {
    name: 'g',
    file: 'rules.yml',
    interval: 1,
    limit: 0,
    evaluationTime: 0,
    rules: [
      alerting('Fire', 'firing', ['warning', 'critical']),
      alerting('Wait', 'pending', ['info']),
      recording,
      alerting('Calm', 'inactive', []),
    ],
  },
];
const matchers = (t: string) => {
  const p = parseMatchers(t);
  if ('error' in p) throw new Error(p.error);
  return p.matchers;
};

describe('the Alerts page', () => {
  it('counts alerting rules by state', () => {
    expect(stateCounts(GROUPS)).toEqual({ firing: 1, pending: 1, inactive: 1 });
  });

  it('lists the rules in the chosen states, in order', () => {
    const names = (states: string[]) =>
      listAlertRules(GROUPS, new Set(states as never[]), []).map((r) => r.rule.name);
    expect(names(['firing', 'pending'])).toEqual(['Fire', 'Wait']);
    expect(names(['inactive'])).toEqual(['Calm']);
    expect(names([])).toEqual([]);
  });

  it('keeps only alerts matching the labels, and rules that have one', () => {
    const all = new Set(['firing', 'pending', 'inactive'] as const);
    const r = listAlertRules(GROUPS, all, matchers('severity="critical"'));
    expect(r.map((x) => [x.rule.name, x.alerts.map((a) => a.labels.severity)])).toEqual([
      ['Fire', ['critical']],
    ]);
    expect(
      listAlertRules(GROUPS, all, matchers('severity=~"info|warning"')).map((x) => x.rule.name),
    ).toEqual(['Fire', 'Wait']);
  });
});

describe('the Rules page', () => {
  it('filters by name or query, and unhealthy only', () => {
    const rules = GROUPS[0]!.rules;
    expect(filterRules(rules, 'UP', false).map((r) => r.name)).toEqual(['job:up:sum']);
    expect(filterRules(rules, 'vector', false)).toHaveLength(3);
    expect(filterRules(rules, '', true).map((r) => r.name)).toEqual(['job:up:sum']);
  });
});

describe('the Targets page', () => {
  const target = (pool: string, url: string, health: ActiveTarget['health']): ActiveTarget => ({
    discoveredLabels: {},
    labels: { job: pool, instance: new URL(url).host },
    scrapePool: pool,
    scrapeUrl: url,
    globalUrl: url,
    lastError: health === 'down' ? 'connection refused' : '',
    lastScrape: NOW,
    lastScrapeDuration: 0.001,
    health,
    scrapeInterval: '15s',
    scrapeTimeout: '10s',
  });
  const TARGETS = [
    target('node', 'http://b:9100/metrics', 'up'),
    target('demo', 'http://a:8081/metrics', 'up'),
    target('node', 'http://a:9100/metrics', 'down'),
    target('down', 'http://127.0.0.1:1/metrics', 'unknown'),
  ];

  it('groups by pool in name order, targets by endpoint, with health counts', () => {
    const pools = targetPools(TARGETS, { onlyUnhealthy: false, search: '' });
    expect(pools.map((p) => [p.name, p.up, p.total, p.targets.map((t) => t.scrapeUrl)])).toEqual([
      ['demo', 1, 1, ['http://a:8081/metrics']],
      ['down', 0, 1, ['http://127.0.0.1:1/metrics']],
      ['node', 1, 2, ['http://a:9100/metrics', 'http://b:9100/metrics']],
    ]);
  });

  it('shows only unhealthy targets and their pools, counts untouched', () => {
    const pools = targetPools(TARGETS, { onlyUnhealthy: true, search: '' });
    expect(pools.map((p) => [p.name, p.up, p.total, p.targets.length])).toEqual([
      ['down', 0, 1, 1],
      ['node', 1, 2, 1],
    ]);
  });

  it('searches endpoints and labels', () => {
    expect(
      targetPools(TARGETS, { onlyUnhealthy: false, search: 'b:9100' }).map((p) => p.name),
    ).toEqual(['node']);
    expect(
      targetPools(TARGETS, { onlyUnhealthy: false, search: 'job="demo"' }).map((p) => p.name),
    ).toEqual(['demo']);
    expect(targetPools(TARGETS, { onlyUnhealthy: false, search: 'nothing' })).toEqual([]);
  });
});
