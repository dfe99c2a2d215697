// Every variable of a dashboard, in dependency order, to its options and its selection (pure).
// A query variable names the request it needs; the caller fetches it (query-core) and calls
// again with the answer, so chained variables settle one level per answer. A selection that
// is no longer among the options falls back to the first option (All when offered), as in
// Grafana. The order is dependency-order.ts's, the selection rules selection.ts's, an
// interval's "auto" auto-interval.ts's; this file works out each kind's options.
import type { Datasource } from '../api/server.ts';
import {
  type DatasourceLookup,
  lookupDatasource,
  scrapeIntervalS,
} from '../model/datasource-ref.ts';
import { autoInterval } from './auto-interval.ts';
import { dependencyOrder, parentsOf } from './dependency-order.ts';
import type { Scope, ScopedVariable } from './format.ts';
import { interpolateVariables } from './format.ts';
import { builtinScope } from './interpolate.ts';
import type { VariableDef, VariableOption } from './model.ts';
import { AUTO_PREFIX, applyRegex, parseCustom, sortOptions } from './model.ts';
import type { VariableRequest } from './query.ts';
import { answerValues, isValidLabel, parseVariableQuery, variableApiCall } from './query.ts';
import { scoped, select } from './selection.ts';

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
