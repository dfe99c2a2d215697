// Grafana's alert list panel (`alertlist`) on a Prometheus datasource's alerting rules: the
// options read as Grafana reads them, the rules chosen, filtered and sorted as its
// UnifiedAlertList does (public/app/plugins/panel/alertlist/UnifiedAlertList.tsx, util.ts,
// AlertListMigrationHandler.ts). Pure; AlertListPanel.tsx draws the result.
//
// Three generations of options are read: the legacy top-level fields (`show`, `limit`,
// `onlyAlertsOnDashboard`, `nameFilter`, `stateFilter` as a list), the 7.5 options
// (`showOptions`, `maxItems`, `dashboardAlerts`, `stateFilter` with `alerting`, `ok`, …) and
// unified alerting's (`stateFilter` with `firing`, `normal`, `viewMode`, `groupMode`, …).

import {
  asArray,
  asFiniteNumber,
  asNonEmptyStrings,
  asRecord,
  asString,
  isRecord,
} from '../../../../contract/json.ts';
import type { AlertingRule, PromAlert, RuleGroup } from '../../../../contract/prometheus.ts';
import { labelsMatch, parseMatchers } from '../../../api/matchers.ts';

/** Grafana's SortOrder: 1 alphabetical, 2 reverse, 3 importance, 4 time asc, 5 time desc. */
export type SortOrder = 1 | 2 | 3 | 4 | 5;

export interface StateFilter {
  firing: boolean;
  pending: boolean;
  /** Inactive rules (Grafana's Normal; the legacy `ok` and `inactive`). */
  normal: boolean;
}

export interface AlertListOptions {
  maxItems: number;
  sortOrder: SortOrder;
  dashboardAlerts: boolean;
  alertName: string;
  alertInstanceLabelFilter: string;
  stateFilter: StateFilter;
  viewMode: 'list' | 'stat';
  groupMode: 'default' | 'custom';
  groupBy: string[];
  showInstances: boolean;
}

// Grafana's defaults for a new alert list (module.tsx): 20 items, firing, pending, error and
// recovering shown; of those, Prometheus rules can be firing or pending.
const DEFAULTS: AlertListOptions = {
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
};

/** The state filter from any generation: an object of flags, or the legacy list of names. */
function readStateFilter(v: unknown): StateFilter {
  if (Array.isArray(v)) {
    const names = asNonEmptyStrings(v);
    // An empty legacy list filtered nothing.
    if (names.length === 0) return { firing: true, pending: true, normal: true };
    return {
      firing: names.includes('alerting') || names.includes('firing'),
      pending: names.includes('pending'),
      normal: names.includes('ok') || names.includes('normal') || names.includes('inactive'),
    };
  }
  if (!isRecord(v)) return DEFAULTS.stateFilter;
  // `{}`: what Grafana's migration makes of an empty legacy list, which filtered nothing.
  if (Object.keys(v).length === 0) return { firing: true, pending: true, normal: true };
  return {
    firing: v.firing === true || v.alerting === true,
    pending: v.pending === true,
    normal: v.normal === true || v.ok === true || v.inactive === true,
  };
}

/** A panel's options, from `options` first and the legacy top-level fields after. */
export function readAlertListOptions(panel: Record<string, unknown>): AlertListOptions {
  const o = asRecord(panel.options);
  const sort = asFiniteNumber(o.sortOrder) ?? asFiniteNumber(panel.sortOrder);
  const max = asFiniteNumber(o.maxItems) ?? asFiniteNumber(panel.limit);
  return {
    maxItems: max !== undefined && max >= 0 ? Math.floor(max) : DEFAULTS.maxItems,
    sortOrder: sort !== undefined && [1, 2, 3, 4, 5].includes(sort) ? (sort as SortOrder) : 1,
    dashboardAlerts: (o.dashboardAlerts ?? panel.onlyAlertsOnDashboard) === true,
    alertName: asString(o.alertName, asString(panel.nameFilter)),
    alertInstanceLabelFilter: asString(o.alertInstanceLabelFilter),
    stateFilter: readStateFilter(o.stateFilter ?? panel.stateFilter),
    viewMode: o.viewMode === 'stat' ? 'stat' : 'list',
    groupMode: o.groupMode === 'custom' ? 'custom' : 'default',
    groupBy: asNonEmptyStrings(asArray(o.groupBy)),
    showInstances: o.showInstances === true,
  };
}

/** An alerting rule with where it lives, as the panel lists it. */
export interface ListedRule {
  rule: AlertingRule;
  group: string;
  file: string;
}

/** Grafana's alertStateSortScore: firing 1, pending 3, inactive 5. */
const IMPORTANCE: Record<AlertingRule['state'], number> = { firing: 1, pending: 3, inactive: 5 };

/** The earliest activeAt of a rule's alerts (Grafana's getFirstActiveAt), or undefined. */
export function firstActiveAt(rule: AlertingRule): number | undefined {
  let first: number | undefined;
  for (const a of rule.alerts) {
    if (a.activeAt !== undefined && (first === undefined || a.activeAt < first)) first = a.activeAt;
  }
  return first;
}

/** Sorted as Grafana's sortRules: stable, rules never active counting as now in time order. */
export function sortRules(
  rules: readonly ListedRule[],
  order: SortOrder,
  now: number,
): ListedRule[] {
  const by = <T>(key: (r: ListedRule) => T) =>
    rules
      .map((r, i) => ({ r, i, k: key(r) }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
      .map((x) => x.r);
  if (order === 3) return by((r) => IMPORTANCE[r.rule.state]);
  if (order === 4 || order === 5) {
    const asc = by((r) => firstActiveAt(r.rule) ?? now);
    return order === 4 ? asc : asc.reverse();
  }
  const alpha = by((r) => r.rule.name.toLowerCase());
  return order === 2 ? alpha.reverse() : alpha;
}

export interface Selection {
  rules: ListedRule[];
  /** A label filter that cannot be read, in words; nothing is then filtered by labels. */
  filterError?: string;
}

/**
 * The rules the panel lists, before maxItems: every alerting rule of every group, sorted, then
 * filtered by dashboard, name, state and instance labels as UnifiedAlertList's filterRules.
 * `interpolate` replaces dashboard variables, as Grafana's replaceVariables.
 */
export function selectRules(
  groups: readonly RuleGroup[],
  options: AlertListOptions,
  env: { dashboardUid?: string; now: number; interpolate?: (text: string) => string },
): Selection {
  const interpolate = env.interpolate ?? ((t: string) => t);
  const all: ListedRule[] = groups.flatMap((g) =>
    g.rules.flatMap((rule) =>
      rule.type === 'alerting' ? [{ rule, group: g.name, file: g.file }] : [],
    ),
  );
  let rules = sortRules(all, options.sortOrder, env.now);
  if (options.dashboardAlerts) {
    rules = rules.filter((r) => r.rule.annotations.__dashboardUid__ === env.dashboardUid);
  }
  const name = interpolate(options.alertName).toLocaleLowerCase();
  if (name) rules = rules.filter((r) => r.rule.name.toLocaleLowerCase().includes(name));
  const states = options.stateFilter;
  rules = rules.filter(({ rule }) => states[rule.state === 'inactive' ? 'normal' : rule.state]);
  const text = interpolate(options.alertInstanceLabelFilter);
  if (text.trim() === '') return { rules };
  const parsed = parseMatchers(text);
  if ('error' in parsed)
    return { rules, filterError: `alert instance label filter: ${parsed.error}` };
  // Rules keep only their matching instances; a rule with none left is not listed.
  const kept = rules.flatMap((r) => {
    const alerts = r.rule.alerts.filter((a) => labelsMatch(a.labels, parsed.matchers));
    return alerts.length > 0 ? [{ ...r, rule: { ...r.rule, alerts } }] : [];
  });
  return { rules: kept };
}

export interface InstanceGroup {
  /** The groupBy labels' values; empty for instances that lack all of them. */
  labels: Record<string, string>;
  alerts: { rule: string; alert: PromAlert }[];
}

/**
 * Custom grouping (Grafana's GroupedView): the instances of the listed rules by the values of
 * the groupBy labels, in order of first appearance.
 */
export function groupInstances(
  rules: readonly ListedRule[],
  groupBy: readonly string[],
): InstanceGroup[] {
  const groups = new Map<string, InstanceGroup>();
  for (const r of rules) {
    for (const alert of r.rule.alerts) {
      const labels: Record<string, string> = {};
      for (const k of groupBy) if (alert.labels[k] !== undefined) labels[k] = alert.labels[k]!;
      const key = JSON.stringify(labels);
      const g = groups.get(key) ?? { labels, alerts: [] };
      groups.set(key, g);
      g.alerts.push({ rule: r.rule.name, alert });
    }
  }
  return [...groups.values()];
}
