// Every variable of a dashboard, in dependency order, to its options and its selection (pure).
// A query variable names the request it needs; the caller fetches it (query-core) and calls
// again with the answer, so chained variables settle one level per answer. A selection that
// is no longer among the options falls back to the first option (All when offered), as in
// Grafana.
import type { Datasource } from '../api/server.ts';
import {
  type DatasourceLookup,
  lookupDatasource,
  scrapeIntervalS,
} from '../model/datasource-ref.ts';
import { formatDuration, parseDuration } from '../time/duration.ts';
import type { Scope, ScopedVariable } from './format.ts';
import { interpolateVariables, referencedNames } from './format.ts';
import { builtinScope } from './interpolate.ts';
import type { VariableDef, VariableOption } from './model.ts';
import { ALL, AUTO_PREFIX, applyRegex, parseCustom, sortOptions } from './model.ts';
import type { VariableRequest } from './query.ts';
import { answerValues, isValidLabel, parseVariableQuery, variableApiCall } from './query.ts';

export interface VariableFetch {
  /** query-core key: the whole request, so identical variables share one call. */
  key: readonly unknown[];
  dsUid: string;
  endpoint: string;
  params: Record<string, string>;
}

export interface VariableState {
  def: VariableDef;
  /** What the picker offers, All not included. */
  options: VariableOption[];
  /** Selected values; [ALL] for All. */
  selected: string[];
  status: 'ready' | 'loading' | 'error';
  error?: string;
  /** A query variable's request, as interpolated with its parents. */
  fetch?: VariableFetch;
}

export type FetchLookup = (
  key: readonly unknown[],
) => { data?: unknown; error?: string; loading: boolean } | undefined;

export interface ResolveContext {
  /** Selections from the URL (`var-x=`), over the dashboard's saved ones. */
  wanted: ReadonlyMap<string, readonly string[]>;
  datasources: readonly Datasource[];
  selectedDatasource: Datasource;
  range: { start: number; end: number }; // ms
  /** Changes when the time range is picked anew; refresh=2 variables ask again then. */
  rangeKey: string;
  lookup: FetchLookup;
}

export interface Resolved {
  states: VariableState[];
  scope: Scope;
  /** Every variable has settled (answered or failed). */
  ready: boolean;
}

/** Grafana's kbn.roundInterval: a "nice" interval near the one given (ms). */
export function roundInterval(ms: number): number {
  const table: [below: number, nice: number][] = [
    [15, 10],
    [35, 20],
    [75, 50],
    [150, 100],
    [350, 200],
    [750, 500],
    [1_500, 1_000],
    [3_500, 2_000],
    [7_500, 5_000],
    [12_500, 10_000],
    [17_500, 15_000],
    [25_000, 20_000],
    [45_000, 30_000],
    [90_000, 60_000],
    [210_000, 120_000],
    [450_000, 300_000],
    [750_000, 600_000],
    [1_050_000, 900_000],
    [1_500_000, 1_200_000],
    [2_700_000, 1_800_000],
    [5_400_000, 3_600_000],
    [9_000_000, 7_200_000],
    [16_200_000, 10_800_000],
    [32_400_000, 21_600_000],
    [86_400_000, 43_200_000],
    [604_800_000, 86_400_000],
    [1_814_400_000, 604_800_000],
    [3_628_800_000, 2_592_000_000],
  ];
  for (const [below, nice] of table) if (ms < below) return nice;
  return 31_536_000_000;
}

/** An interval variable's "auto": the range over auto_count steps, no finer than auto_min. */
export function autoInterval(rangeMs: number, count: number, min: string): string {
  const floor = parseDuration(min) ?? 10_000;
  return formatDuration(roundInterval(Math.max(rangeMs / Math.max(1, count), floor)));
}

/** Each variable's parents: the other variables its query, regex and datasource name. */
export function parentsOf(defs: readonly VariableDef[]): Map<string, Set<string>> {
  const names = new Set(defs.map((d) => d.name));
  return new Map(
    defs.map((d) => {
      const text = `${d.query} ${d.regex} ${JSON.stringify(d.datasource ?? '')}`;
      const refs = [...referencedNames(text)].filter((n) => names.has(n) && n !== d.name);
      return [d.name, new Set(refs)] as const;
    }),
  );
}

/** Variables ordered so each comes after those its query, regex and datasource name. */
export function dependencyOrder(defs: readonly VariableDef[]): VariableDef[] {
  const deps = parentsOf(defs);
  const out: VariableDef[] = [];
  const done = new Set<string>();
  let progress = true;
  while (out.length < defs.length && progress) {
    progress = false;
    for (const d of defs) {
      if (done.has(d.name)) continue;
      if ([...deps.get(d.name)!].every((n) => done.has(n))) {
        out.push(d);
        done.add(d.name);
        progress = true;
      }
    }
  }
  // A cycle: the rest in list order; their references to each other stay as written.
  for (const d of defs) if (!done.has(d.name)) out.push(d);
  return out;
}

/** The selection kept from what is wanted, given the options. */
export function select(
  def: VariableDef,
  wanted: readonly string[],
  options: readonly VariableOption[],
): string[] {
  if (def.includeAll && wanted.includes(ALL)) return [ALL];
  const values = new Set(options.map((o) => o.value));
  // Grafana also matches a selection by its text (old dashboards saved text in `current`).
  const byText = new Map(options.map((o) => [o.text, o.value]));
  const kept = [
    ...new Set(
      wanted.flatMap((w) => (values.has(w) ? [w] : byText.has(w) ? [byText.get(w)!] : [])),
    ),
  ];
  if (kept.length > 0) return def.multi ? kept : [kept[0]!];
  if (def.includeAll) return [ALL];
  return options.length > 0 ? [options[0]!.value] : [];
}

function scoped(def: VariableDef, selected: string[], options: VariableOption[]): ScopedVariable {
  const all = selected.includes(ALL);
  const values = all ? options.map((o) => o.value) : selected;
  const textOf = new Map(options.map((o) => [o.value, o.text]));
  return {
    values,
    text: all ? 'All' : values.map((v) => textOf.get(v) ?? v).join(' + '),
    regex: def.multi || def.includeAll,
    array: def.multi || all,
    ...(all ? { all: true } : {}),
    ...(all && def.allValue !== undefined ? { allValue: def.allValue } : {}),
  };
}

function datasourceFor(def: VariableDef, scope: Scope, ctx: ResolveContext): DatasourceLookup {
  const raw = def.datasource;
  const ref =
    typeof raw === 'string'
      ? interpolateVariables(raw, scope, 'value')
      : typeof raw === 'object' &&
          raw !== null &&
          typeof (raw as { uid?: unknown }).uid === 'string'
        ? { uid: interpolateVariables((raw as { uid: string }).uid, scope, 'value') }
        : undefined;
  return lookupDatasource(ref, ctx.datasources, ctx.selectedDatasource);
}

/**
 * The scope a query variable's text is filled from: the dashboard's variables and the
 * built-ins Grafana's Prometheus data source gives variable queries (metricFindQuery:
 * $__interval is the data source's scrape interval, $__range the dashboard's range in
 * seconds), so `query_result(topk(5, increase(x[$__range])))` works, and $__from / $__to.
 * $__rate_interval is four scrapes, what it is for a query whose interval is the scrape
 * interval.
 */
function variableQueryScope(scope: Scope, ds: Datasource, ctx: ResolveContext): Scope {
  const scrapeMs = scrapeIntervalS(ds) * 1000;
  const builtins = builtinScope({
    intervalMs: scrapeMs,
    rateIntervalMs: 4 * scrapeMs,
    rangeMs: ctx.range.end - ctx.range.start,
    range: ctx.range,
  });
  return new Map([...scope, ...builtins]);
}

function queryFetch(
  def: VariableDef,
  req: VariableRequest,
  dsUid: string,
  ctx: ResolveContext,
): VariableFetch {
  // Label and series calls cover the range in whole minutes, so a variable does not ask
  // again on every tick; refresh=2 variables follow the picked range, others the load.
  const minute = 60_000;
  const range = {
    start: Math.floor(ctx.range.start / minute) * 60,
    end: Math.ceil(ctx.range.end / minute) * 60,
  };
  const call = variableApiCall(req, range);
  const when = def.refresh === 2 ? ctx.rangeKey : 'load';
  return { key: ['variable', dsUid, call.endpoint, req, when], dsUid, ...call };
}

function resolveOne(def: VariableDef, scope: Scope, ctx: ResolveContext): VariableState {
  const wanted = ctx.wanted.get(def.name) ?? def.current;
  const settle = (options: VariableOption[], extra: Partial<VariableState> = {}) => ({
    def,
    options,
    selected: select(def, wanted, options),
    status: 'ready' as const,
    ...extra,
  });
  switch (def.type) {
    case 'constant':
      return settle([{ text: def.query, value: def.query }]);
    case 'custom':
      return settle(parseCustom(def.query));
    case 'textbox': {
      const value = ctx.wanted.get(def.name)?.[0] ?? def.current[0] ?? def.query;
      return { def, options: [{ text: value, value }], selected: [value], status: 'ready' };
    }
    case 'interval': {
      const options = parseCustom(def.query);
      if (def.auto) options.unshift({ text: 'auto', value: `${AUTO_PREFIX}${def.name}` });
      return settle(options);
    }
    case 'datasource': {
      const type = def.query || 'prometheus';
      const names = ctx.datasources.filter((d) => d.type === type).map((d) => d.name);
      const byName = new Map(ctx.datasources.map((d) => [d.name, d.uid]));
      const options = applyRegex(names, def.regex).map((o) => ({
        text: o.text,
        value: byName.get(o.value) ?? o.value,
      }));
      // The default datasource first, as Grafana offers "default".
      const wantedDs = ctx.wanted.get(def.name) ?? def.current;
      const fallback = (wantedDs.length > 0 ? wantedDs : ['default']).map((w) =>
        w === 'default' ? ctx.selectedDatasource.uid : w,
      );
      return { ...settle(options), selected: select(def, fallback, options) };
    }
    case 'query': {
      // A datasource that matches nothing is the variable's error, as in Grafana, never the
      // selected one in its place.
      const found = datasourceFor(def, scope, ctx);
      if (!found.ds) return { ...settle([]), status: 'error', error: found.error };
      const ds = found.ds;
      const text = interpolateVariables(def.query, variableQueryScope(scope, ds, ctx), 'promql');
      const req = parseVariableQuery(text);
      if ('error' in req) return { ...settle([]), status: 'error', error: req.error };
      if (req.kind === 'label_values' && !isValidLabel(req.label)) {
        return { ...settle([]), status: 'error', error: `"${req.label}" is not a label name` };
      }
      const fetch = queryFetch(def, req, ds.uid, ctx);
      const got = ctx.lookup(fetch.key);
      if (got?.error !== undefined) {
        return { ...settle([]), status: 'error', error: got.error, fetch };
      }
      if (got?.data === undefined) {
        return { def, options: [], selected: [...wanted], status: 'loading', fetch };
      }
      const options = sortOptions(applyRegex(answerValues(req, got.data), def.regex), def.sort);
      return settle(options, { fetch });
    }
    default:
      // adhoc filters and kinds this build does not evaluate: not in any query.
      return { def, options: [], selected: [], status: 'ready' };
  }
}

/**
 * A query variable waits for its parents: while one is loading its text would still hold the
 * parent's `$name`, and with a parent that settled on nothing it would ask with an empty
 * value; either way Prometheus would be asked a question nobody meant. (Parents in a cycle
 * are not waited for: they never settle first.)
 */
function waitForParents(
  def: VariableDef,
  parents: ReadonlySet<string>,
  byName: ReadonlyMap<string, VariableState>,
  scope: Scope,
  ctx: ResolveContext,
): VariableState | undefined {
  if (def.type !== 'query') return undefined;
  const states = [...parents].flatMap((p) => {
    const s = byName.get(p);
    return s && s.def.type !== 'adhoc' ? [s] : [];
  });
  const wanted = ctx.wanted.get(def.name) ?? def.current;
  if (states.some((s) => s.status === 'loading'))
    return { def, options: [], selected: [...wanted], status: 'loading' };
  if (states.some((s) => (scope.get(s.def.name)?.values.length ?? 0) === 0))
    return { def, options: [], selected: [], status: 'ready' };
  return undefined;
}

export function resolveVariables(defs: readonly VariableDef[], ctx: ResolveContext): Resolved {
  const scope = new Map<string, ScopedVariable>();
  const byName = new Map<string, VariableState>();
  const parents = parentsOf(defs);
  for (const def of dependencyOrder(defs)) {
    const state =
      waitForParents(def, parents.get(def.name) ?? new Set(), byName, scope, ctx) ??
      resolveOne(def, scope, ctx);
    byName.set(def.name, state);
    if (state.status === 'loading' || def.type === 'adhoc') continue;
    if (def.type === 'interval' && state.selected[0]?.startsWith(AUTO_PREFIX)) {
      const auto = autoInterval(ctx.range.end - ctx.range.start, def.autoCount, def.autoMin);
      scope.set(def.name, { values: [auto], text: 'auto', regex: false });
      continue;
    }
    scope.set(def.name, scoped(def, state.selected, state.options));
  }
  const states = defs.map((d) => byName.get(d.name)!);
  return { states, scope, ready: states.every((s) => s.status !== 'loading') };
}
