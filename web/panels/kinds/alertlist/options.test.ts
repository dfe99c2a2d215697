// The alert list's editor options: each control's change (setAlertListOptions) changes what
// the panel lists (readAlertListOptions + selectRules, as AlertListPanel.tsx draws it).
import { describe, expect, it } from 'vitest';
import type { AlertingRule, RuleGroup } from '../../../../contract/prometheus.ts';
import { readAlertListOptions, selectRules } from './alert-list.ts';
import { setAlertListOptions } from './options.tsx';

const rule = (name: string, state: AlertingRule['state']): AlertingRule => ({
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
  alerts: [],
});
const groups: RuleGroup[] = [
  {
    name: 'g',
    file: 'f.yml',
    interval: 15,
    rules: [rule('DiskFull', 'firing'), rule('HighLatency', 'pending'), rule('Quiet', 'inactive')],
  } as RuleGroup,
];
const listed = (panel: Record<string, unknown>) =>
  selectRules(groups, readAlertListOptions(panel), { now: 0 }).rules.map((r) => r.rule.name);

describe('alert list editor options', () => {
  const panel = { type: 'alertlist', options: { maxItems: 20, sortOrder: 1 } };

  it('starts as Grafana does: firing and pending, alphabetical', () => {
    expect(listed(panel)).toEqual(['DiskFull', 'HighLatency']);
  });

  it('the state filter adds and removes states', () => {
    const withNormal = setAlertListOptions(panel, {
      stateFilter: { firing: true, pending: true, normal: true },
    });
    expect(listed(withNormal)).toEqual(['DiskFull', 'HighLatency', 'Quiet']);
    const firingOnly = setAlertListOptions(panel, {
      stateFilter: { firing: true, pending: false, normal: false },
    });
    expect(listed(firingOnly)).toEqual(['DiskFull']);
  });

  it('sort order and the name filter change the list', () => {
    expect(listed(setAlertListOptions(panel, { sortOrder: 2 }))).toEqual([
      'HighLatency',
      'DiskFull',
    ]);
    expect(listed(setAlertListOptions(panel, { alertName: 'disk' }))).toEqual(['DiskFull']);
  });

  it('carries a legacy panel’s top-level fields into options when one changes', () => {
    const legacy = { type: 'alertlist', limit: 1, stateFilter: ['ok'], nameFilter: 'Q' };
    const next = setAlertListOptions(legacy, { sortOrder: 2 });
    expect(readAlertListOptions(next)).toMatchObject({
      maxItems: 1,
      alertName: 'Q',
      sortOrder: 2,
      stateFilter: { firing: false, pending: false, normal: true },
    });
    expect(listed(next)).toEqual(['Quiet']);
  });
});
