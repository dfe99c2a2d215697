// What the Alerts, Rules and Targets pages show, as pure functions of Prometheus' answers and
// the page's filters (the URL): which rules and alerts pass the state and label filters, scrape
// pools with their health counts, and times in the words the Prometheus UI uses ("12s ago",
// "4.1ms"). The pages (AlertingPage.tsx, RulesPage.tsx, TargetsPage.tsx) only draw these.
import type {
  ActiveTarget,
  AlertingRule,
  PromAlert,
  PromRule,
  RuleGroup,
  RuleState,
} from '../../contract/prometheus.ts';
import { labelsMatch, type Matcher } from '../api/matchers.ts';
import { formatDuration } from '../time/duration.ts';

/** "12s ago", "350ms ago", "3m5s ago"; "never" for a time Prometheus has not reached yet. */
export function ago(ms: number | undefined, now: number): string {
  if (ms === undefined) return 'never';
  const d = Math.max(0, now - ms);
  if (d < 1000) return `${Math.round(d)}ms ago`;
  return `${formatDuration(Math.floor(d / 1000) * 1000)} ago`;
}

/** A duration given in seconds, as the Prometheus UI prints them: "0.42ms", "12.3ms", "1.204s". */
export function seconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '';
  const ms = s * 1000;
  if (ms < 10) return `${Number(ms.toFixed(2))}ms`;
  if (ms < 1000) return `${Number(ms.toFixed(1))}ms`;
  return `${Number(s.toFixed(3))}s`;
}

/** The Explore page with one query: a rule's expression, on the datasource it came from. */
export function exploreHref(expr: string, dsUid: string): string {
  return `/explore?${new URLSearchParams({ 'q0.expr': expr, ds: dsUid })}`;
}

export interface ListedAlertRule {
  rule: AlertingRule;
  group: string;
  file: string;
  /** The rule's alerts that pass the label filter (all of them without one). */
  alerts: PromAlert[];
}

export type StateCounts = Record<RuleState, number>;

/** Alerting rules by state, as the Prometheus UI's Inactive / Pending / Firing counts. */
export function stateCounts(groups: readonly RuleGroup[]): StateCounts {
  const out: StateCounts = { firing: 0, pending: 0, inactive: 0 };
  for (const g of groups) for (const r of g.rules) if (r.type === 'alerting') out[r.state]++;
  return out;
}

/**
 * The alerting rules the Alerts page lists: those in one of `states`, in Prometheus' order;
 * with label matchers, only the alerts that match them, and only rules that have one.
 */
export function listAlertRules(
  groups: readonly RuleGroup[],
  states: ReadonlySet<RuleState>,
  matchers: readonly Matcher[],
): ListedAlertRule[] {
  const out: ListedAlertRule[] = [];
  for (const g of groups) {
    for (const rule of g.rules) {
      if (rule.type !== 'alerting' || !states.has(rule.state)) continue;
      const alerts =
        matchers.length > 0
          ? rule.alerts.filter((a) => labelsMatch(a.labels, matchers))
          : rule.alerts;
      if (matchers.length > 0 && alerts.length === 0) continue;
      out.push({ rule, group: g.name, file: g.file, alerts });
    }
  }
  return out;
}

/** The rules of a group the Rules page shows: by name or query text, and only unhealthy ones. */
export function filterRules(
  rules: readonly PromRule[],
  search: string,
  onlyUnhealthy: boolean,
): PromRule[] {
  const q = search.trim().toLowerCase();
  return rules.filter(
    (r) =>
      (!onlyUnhealthy || r.health !== 'ok') &&
      (q === '' || r.name.toLowerCase().includes(q) || r.query.toLowerCase().includes(q)),
  );
}

export interface Pool {
  name: string;
  targets: ActiveTarget[];
  up: number;
  /** Targets in the pool before the filters. */
  total: number;
}

/**
 * Scrape pools in name order, each with its targets (endpoint order) and how many are up; with
 * `onlyUnhealthy`, only targets not up and pools that have one; `search` matches the endpoint
 * or any label value, as the Prometheus UI's search box does.
 */
export function targetPools(
  targets: readonly ActiveTarget[],
  opts: { onlyUnhealthy: boolean; search: string },
): Pool[] {
  const q = opts.search.trim().toLowerCase();
  const pools = new Map<string, Pool>();
  for (const t of targets) {
    const pool = pools.get(t.scrapePool) ?? { name: t.scrapePool, targets: [], up: 0, total: 0 };
    pools.set(t.scrapePool, pool);
    pool.total++;
    if (t.health === 'up') pool.up++;
    if (opts.onlyUnhealthy && t.health === 'up') continue;
    const text = [t.scrapeUrl, ...Object.entries(t.labels).map(([k, v]) => `${k}="${v}"`)];
    if (q !== '' && !text.some((s) => s.toLowerCase().includes(q))) continue;
    pool.targets.push(t);
  }
  return [...pools.values()]
    .filter((p) => p.targets.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => ({
      ...p,
      targets: [...p.targets].sort((a, b) =>
        a.scrapeUrl < b.scrapeUrl ? -1 : a.scrapeUrl > b.scrapeUrl ? 1 : 0,
      ),
    }));
}
