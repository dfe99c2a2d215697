// Prometheus' alerting and scrape answers, as the proxy relays them untouched
// (https://prometheus.io/docs/prometheus/latest/querying/api/#alerts, #rules, #targets), and
// their readers. The answers come from any server that speaks the API (Thanos, Mimir,
// VictoriaMetrics leave fields out or add their own), so each field is read with the
// contract/json.ts readers: a missing or mistyped one becomes an empty value, never a throw in
// the middle of a page. Times become ms since the epoch, and Go's zero time (a rule never
// evaluated, a target never scraped) becomes undefined.
import {
  asArray,
  asFiniteNumber,
  asRecord,
  asString,
  asText,
  isRecord,
  type Json,
} from './json.ts';

export type Labels = Record<string, string>;

/** An alert's state in /api/v1/alerts; a rule's may also be inactive. */
export type AlertState = 'firing' | 'pending';
export type RuleState = AlertState | 'inactive';
export type RuleHealth = 'ok' | 'err' | 'unknown';
export type TargetHealth = 'up' | 'down' | 'unknown';

export interface PromAlert {
  labels: Labels;
  annotations: Labels;
  state: AlertState;
  activeAt?: number; // ms since the epoch
  /** The value of the alert's expression when it last fired, as Prometheus prints it. */
  value: string;
  keepFiringSince?: number; // ms since the epoch
}

interface RuleBase {
  name: string;
  query: string;
  labels: Labels;
  health: RuleHealth;
  lastError: string;
  evaluationTime: number; // seconds
  lastEvaluation?: number; // ms since the epoch
}

export interface AlertingRule extends RuleBase {
  type: 'alerting';
  state: RuleState;
  /** `for:` */
  duration: number; // seconds
  keepFiringFor: number; // seconds
  annotations: Labels;
  alerts: PromAlert[];
}

export interface RecordingRule extends RuleBase {
  type: 'recording';
}

export type PromRule = AlertingRule | RecordingRule;

export interface RuleGroup {
  name: string;
  file: string;
  interval: number; // seconds
  limit: number;
  rules: PromRule[];
  evaluationTime: number; // seconds
  lastEvaluation?: number; // ms since the epoch
}

export interface RulesData {
  groups: RuleGroup[];
  /** Set when `group_limit` left groups out: pass it as `group_next_token` for the next page. */
  groupNextToken?: string;
}

export interface ActiveTarget {
  discoveredLabels: Labels;
  labels: Labels;
  scrapePool: string;
  scrapeUrl: string;
  globalUrl: string;
  lastError: string;
  lastScrape?: number; // ms since the epoch
  lastScrapeDuration: number; // seconds
  health: TargetHealth;
  scrapeInterval: string; // a Prometheus duration, "15s"
  scrapeTimeout: string;
}

export interface TargetsData {
  activeTargets: ActiveTarget[];
  droppedTargets: { discoveredLabels: Labels }[];
  /** Dropped targets per pool (Prometheus 2.49+), when the answer says. */
  droppedTargetCounts?: Record<string, number>;
}

/** A label set: string values kept, numbers written out, anything else left out. */
export function readLabels(v: unknown): Labels {
  const out: Labels = {};
  for (const [k, x] of Object.entries(asRecord(v))) {
    if (typeof x === 'string' || typeof x === 'number') out[k] = asText(x);
  }
  return out;
}

/**
 * ms since the epoch from RFC 3339 with up to nanoseconds ("2026-12-05T12:05:21.069068908Z",
 * "…+02:00"); undefined for anything else and for Go's zero time (year 1).
 */
export function readTime(v: unknown): number | undefined {
  const text = asString(v);
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m || m[1]!.startsWith('0001-')) return undefined;
  const ms = Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3]}`);
  return Number.isNaN(ms) ? undefined : ms;
}

const oneOf = <T extends string>(v: unknown, values: readonly T[], fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

function readAlert(v: Json): PromAlert {
  return {
    labels: readLabels(v.labels),
    annotations: readLabels(v.annotations),
    state: oneOf(v.state, ['firing', 'pending'], 'firing'),
    activeAt: readTime(v.activeAt),
    value: asText(v.value),
    keepFiringSince: readTime(v.keepFiringSince),
  };
}

/** `data` of /api/v1/alerts: its alerts (inactive ones are never listed there). */
export function readAlerts(data: unknown): PromAlert[] {
  return asArray(asRecord(data).alerts).filter(isRecord).map(readAlert);
}

function readRule(v: Json): PromRule {
  const base: RuleBase = {
    name: asText(v.name),
    query: asText(v.query),
    labels: readLabels(v.labels),
    health: oneOf(v.health, ['ok', 'err', 'unknown'], 'unknown'),
    lastError: asString(v.lastError),
    evaluationTime: asFiniteNumber(v.evaluationTime, 0),
    lastEvaluation: readTime(v.lastEvaluation),
  };
  // Prometheus says `type`; an answer without one is an alerting rule when it has alerts.
  const alerting = v.type === 'alerting' || (v.type === undefined && 'alerts' in v);
  if (!alerting) return { ...base, type: 'recording' };
  return {
    ...base,
    type: 'alerting',
    state: oneOf(v.state, ['firing', 'pending', 'inactive'], 'inactive'),
    duration: asFiniteNumber(v.duration, 0),
    keepFiringFor: asFiniteNumber(v.keepFiringFor, 0),
    annotations: readLabels(v.annotations),
    alerts: asArray(v.alerts).filter(isRecord).map(readAlert),
  };
}

/** `data` of /api/v1/rules. */
export function readRules(data: unknown): RulesData {
  const d = asRecord(data);
  const groups = asArray(d.groups)
    .filter(isRecord)
    .map(
      (g): RuleGroup => ({
        name: asText(g.name),
        file: asText(g.file),
        interval: asFiniteNumber(g.interval, 0),
        limit: asFiniteNumber(g.limit, 0),
        rules: asArray(g.rules).filter(isRecord).map(readRule),
        evaluationTime: asFiniteNumber(g.evaluationTime, 0),
        lastEvaluation: readTime(g.lastEvaluation),
      }),
    );
  const token = asString(d.groupNextToken);
  return token ? { groups, groupNextToken: token } : { groups };
}

/** `data` of /api/v1/targets. */
export function readTargets(data: unknown): TargetsData {
  const d = asRecord(data);
  const activeTargets = asArray(d.activeTargets)
    .filter(isRecord)
    .map(
      (t): ActiveTarget => ({
        discoveredLabels: readLabels(t.discoveredLabels),
        labels: readLabels(t.labels),
        scrapePool: asText(t.scrapePool),
        scrapeUrl: asText(t.scrapeUrl),
        globalUrl: asText(t.globalUrl),
        lastError: asString(t.lastError),
        lastScrape: readTime(t.lastScrape),
        lastScrapeDuration: asFiniteNumber(t.lastScrapeDuration, 0),
        health: oneOf(t.health, ['up', 'down', 'unknown'], 'unknown'),
        scrapeInterval: asText(t.scrapeInterval),
        scrapeTimeout: asText(t.scrapeTimeout),
      }),
    );
  const droppedTargets = asArray(d.droppedTargets)
    .filter(isRecord)
    .map((t) => ({ discoveredLabels: readLabels(t.discoveredLabels) }));
  const counts = asRecord(d.droppedTargetCounts);
  const droppedTargetCounts: Record<string, number> = {};
  for (const [k, n] of Object.entries(counts)) {
    const c = asFiniteNumber(n);
    if (c !== undefined) droppedTargetCounts[k] = c;
  }
  return isRecord(d.droppedTargetCounts)
    ? { activeTargets, droppedTargets, droppedTargetCounts }
    : { activeTargets, droppedTargets };
}
