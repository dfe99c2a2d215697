// The alert list panel's choice of rules. Grafana's cases (UnifiedalertList.test.tsx,
// util.test.tsx, AlertListMigration.test.ts) transcribed as data where they apply to
// Prometheus rules, whose states are firing, pending and inactive.
import { describe, expect, it } from 'vitest';
import type { AlertingRule, PromAlert, RuleGroup } from '../../../../contract/prometheus.ts';
import {
  type AlertListOptions,
  groupInstances,
  readAlertListOptions,
  selectRules,
  sortRules,
} from './alert-list.ts';

const T0 = Date.UTC(2026, 0, 1);
const alert = (
  labels: Record<string, string>,
  state: PromAlert['state'],
  activeAt?: number,
): PromAlert => ({
  labels,
  annotations: {},
  state,
  activeAt,
  value: '1',
});
const rule = (
  name: string,
  state: AlertingRule['state'],
  alerts: PromAlert[] = [],
  annotations = {},
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
  annotations,
  alerts,
});
const GROUPS: RuleGroup[] = [
  {
    name: 'api',
    file: 'api.yml',
    interval: 15,
    limit: 0,
    evaluationTime: 0,
    rules: [
      rule('HighLatency', 'pending', [
        alert({ alertname: 'HighLatency', severity: 'critical' }, 'pending', T0 + 5000),
      ]),
      rule('errors', 'firing', [
        alert({ alertname: 'errors', severity: 'low', region: 'asia' }, 'firing', T0 + 1000),
        alert({ alertname: 'errors', severity: 'critical', region: 'eu' }, 'firing', T0 + 3000),
      ]),
      {
        type: 'recording',
        name: 'job:up:sum',
        query: 'sum(up)',
        labels: {},
        health: 'ok',
        lastError: '',
        evaluationTime: 0,
      },
      rule('Quiet', 'inactive'),
      rule('Board', 'firing', [alert({ alertname: 'Board' }, 'firing', T0 + 2000)], {
        __dashboardUid__: 'ops',
      }),
    ],
  },
];
const opts = (o: Partial<AlertListOptions> = {}): AlertListOptions => ({
  ...readAlertListOptions({ type: 'alertlist' }),
  stateFilter: { firing: true, pending: true, normal: true },
  ...o,
});
const names = (o: Partial<AlertListOptions>, env = {}) =>
  selectRules(GROUPS, opts(o), { now: T0 + 10_000, ...env }).rules.map((r) => r.rule.name);

describe('readAlertListOptions', () => {
  it("takes Grafana's defaults for a new panel", () => {
    expect(readAlertListOptions({ type: 'alertlist', options: {} })).toEqual({
      maxItems: 20,
      sortOrder: 1,
      dashboardAlerts: false,
      alertName: '',
      alertInstanceLabelFilter: '',
      stateFilter: { firing: true, pending: true, normal: false },
      viewMode: 'list',
      groupMode: 'default',
      groupBy: [],
      showInstances: false,
    });
  });

  // AlertListMigration.test.ts: the legacy fields become options.
  it('reads the legacy top-level fields', () => {
    const o = readAlertListOptions({
      type: 'alertlist',
      show: 'current',
      limit: 14,
      sortOrder: 2,
      onlyAlertsOnDashboard: true,
      nameFilter: 'Name',
      stateFilter: ['ok', 'paused'],
    });
    expect(o).toMatchObject({
      maxItems: 14,
      sortOrder: 2,
      dashboardAlerts: true,
      alertName: 'Name',
      stateFilter: { firing: false, pending: false, normal: true },
    });
  });

  it('reads 7.5 and unified state filters, and an empty one as no filter', () => {
    const sf = (stateFilter: unknown) =>
      readAlertListOptions({ options: { stateFilter } }).stateFilter;
    expect(sf({ alerting: true, pending: false, ok: false, no_data: true })).toEqual({
      firing: true,
      pending: false,
      normal: false,
    });
    expect(sf({ firing: false, pending: true, inactive: true })).toEqual({
      firing: false,
      pending: true,
      normal: true,
    });
    expect(sf({})).toEqual({ firing: true, pending: true, normal: true });
    expect(sf([])).toEqual({ firing: true, pending: true, normal: true });
    expect(sf({ firing: false, pending: false, normal: false, noData: true, error: true })).toEqual(
      {
        firing: false,
        pending: false,
        normal: false,
      },
    );
  });

  it('falls back on bad values', () => {
    expect(
      readAlertListOptions({
        options: { sortOrder: 9, maxItems: -1, viewMode: 'grid', groupMode: 1 },
      }),
    ).toMatchObject({
      sortOrder: 1,
      maxItems: 20,
      viewMode: 'list',
      groupMode: 'default',
    });
  });
});

describe('selectRules', () => {
  it('lists alerting rules only, alphabetically by default (case-insensitive)', () => {
    expect(names({})).toEqual(['Board', 'errors', 'HighLatency', 'Quiet']);
  });

  it.each<[AlertListOptions['sortOrder'], string[]]>([
    [1, ['Board', 'errors', 'HighLatency', 'Quiet']],
    [2, ['Quiet', 'HighLatency', 'errors', 'Board']],
    // Importance: firing, then pending, then inactive; ties in Prometheus' order.
    [3, ['errors', 'Board', 'HighLatency', 'Quiet']],
    // Time asc: oldest first activeAt first; never active counts as now.
    [4, ['errors', 'Board', 'HighLatency', 'Quiet']],
    [5, ['Quiet', 'HighLatency', 'Board', 'errors']],
  ])('sort order %s', (sortOrder, expected) => {
    expect(names({ sortOrder })).toEqual(expected);
  });

  it('filters by state as the state filter says', () => {
    expect(names({ stateFilter: { firing: true, pending: false, normal: false } })).toEqual([
      'Board',
      'errors',
    ]);
    expect(names({ stateFilter: { firing: false, pending: true, normal: false } })).toEqual([
      'HighLatency',
    ]);
    expect(names({ stateFilter: { firing: false, pending: false, normal: true } })).toEqual([
      'Quiet',
    ]);
    expect(names({ stateFilter: { firing: false, pending: false, normal: false } })).toEqual([]);
  });

  it('filters by name, case-insensitive, with variables replaced', () => {
    expect(names({ alertName: 'ERR' })).toEqual(['errors']);
    expect(
      names({ alertName: '$n' }, { interpolate: (t: string) => t.replace('$n', 'latency') }),
    ).toEqual(['HighLatency']);
  });

  it("keeps only the dashboard's own alerts with dashboardAlerts", () => {
    expect(names({ dashboardAlerts: true }, { dashboardUid: 'ops' })).toEqual(['Board']);
    expect(names({ dashboardAlerts: true }, { dashboardUid: 'other' })).toEqual([]);
  });

  // util.test.tsx "Filters by alert instance label": {severity=low}.
  it('keeps the instances matching the label filter, and the rules that have any', () => {
    const sel = selectRules(GROUPS, opts({ alertInstanceLabelFilter: '{severity=low}' }), {
      now: T0,
    });
    expect(sel.rules.map((r) => r.rule.name)).toEqual(['errors']);
    expect(sel.rules[0]!.rule.alerts.map((a) => a.labels.region)).toEqual(['asia']);
    expect(names({ alertInstanceLabelFilter: 'severity="critical"' })).toEqual([
      'errors',
      'HighLatency',
    ]);
    expect(names({ alertInstanceLabelFilter: 'region=~"e.*"' })).toEqual(['errors']);
  });

  it('says so when the label filter cannot be read, and filters nothing by it', () => {
    const sel = selectRules(GROUPS, opts({ alertInstanceLabelFilter: 'severity' }), { now: T0 });
    expect(sel.filterError).toBe(
      'alert instance label filter: "severity" is not a matcher such as severity="critical"',
    );
    expect(sel.rules).toHaveLength(4);
  });
});

describe('sortRules and groupInstances', () => {
  it('sorts stably', () => {
    const listed = GROUPS[0]!.rules.flatMap((r) =>
      r.type === 'alerting' ? [{ rule: r, group: 'g', file: 'f' }] : [],
    );
    expect(sortRules(listed, 3, T0).map((r) => r.rule.name)).toEqual([
      'errors',
      'Board',
      'HighLatency',
      'Quiet',
    ]);
  });

  it('groups instances by the groupBy labels, in order of appearance', () => {
    const { rules } = selectRules(GROUPS, opts(), { now: T0 });
    const groups = groupInstances(rules, ['severity']);
    expect(groups.map((g) => [g.labels, g.alerts.map((a) => a.rule)])).toEqual([
      [{}, ['Board']],
      [{ severity: 'low' }, ['errors']],
      [{ severity: 'critical' }, ['errors', 'HighLatency']],
    ]);
  });
});
