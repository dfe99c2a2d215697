// A dashboard's variables, live: resolved on every render against query-core's cache, their
// requests fetched (and shared) through query-core, their selection kept in the URL as
// Grafana's `var-name=value`. Panels get the last scope in which every variable had settled,
// so a changed parent never sends its children's panels a half-updated query.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { promGet } from '../api/client.ts';
import type { Datasource } from '../api/server.ts';
import { setParamValues } from '../nav/router.ts';
import { queryClient } from '../query/client.ts';
import { useQueries } from '../query/use-queries.ts';
import type { Scope } from './format.ts';
import type { VariableDef } from './model.ts';
import type { FetchLookup, Resolved } from './resolve.ts';
import { resolveVariables } from './resolve.ts';
import { readUrlValues, refusedUrlValues } from './url-values.ts';

export const urlParam = (name: string) => `var-${name}`;

/** `var-x` parameters of the URL, for the variables the dashboard has. */
export function wantedFromUrl(
  defs: readonly VariableDef[],
  params: URLSearchParams,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of defs) {
    if (params.has(urlParam(d.name)))
      out.set(d.name, readUrlValues(d, params.getAll(urlParam(d.name))));
  }
  return out;
}

const lookup: FetchLookup = (key) => {
  const state = queryClient.getQueryState<unknown, Error>(key);
  if (!state) return undefined;
  if (state.status === 'error') {
    return { error: state.error?.message ?? 'failed', loading: false };
  }
  if (state.data === undefined) return undefined;
  return { data: state.data, loading: state.fetchStatus === 'fetching' };
};

export function scopeSignature(scope: Scope): string {
  return JSON.stringify([...scope]);
}

export interface Variables extends Resolved {
  /** The scope panels query with: the latest one in which every variable settled. */
  panelScope: Scope | null;
  setValue: (name: string, values: readonly string[]) => void;
}

export function useVariables(
  defs: readonly VariableDef[],
  params: URLSearchParams,
  datasources: readonly Datasource[],
  selectedDatasource: Datasource,
  range: { start: number; end: number } | null, // ms
  rangeKey: string,
  /** The dashboard's tick (ms): a variable whose request failed asks again on the next one. */
  tick: number,
): Variables {
  const wanted = wantedFromUrl(defs, params);
  const resolved = resolveVariables(defs, {
    wanted,
    datasources,
    selectedDatasource,
    range: range ?? { start: Date.now() - 3_600_000, end: Date.now() },
    rangeKey,
    lookup,
  });
  useQueries(
    resolved.states.map((s, i) => {
      const f = s.fetch;
      if (!f) {
        return { queryKey: ['variable-none', i], queryFn: () => null, enabled: false };
      }
      return {
        queryKey: f.key,
        queryFn: async ({ signal }) =>
          (await promGet<unknown>(f.dsUid, f.endpoint, f.params, signal)).data,
        enabled: range !== null,
      };
    }),
  );

  const failed = resolved.states.flatMap((s) =>
    s.status === 'error' && s.fetch ? [s.fetch.key] : [],
  );
  useEffect(() => {
    for (const key of failed) void queryClient.refetchQueries({ queryKey: key, exact: true });
  }, [tick]);

  // One object per distinct scope, so panels re-plan only when a value really changed.
  const signature = resolved.ready ? scopeSignature(resolved.scope) : null;
  const last = useRef<{ signature: string; scope: Scope } | null>(null);
  if (signature !== null && last.current?.signature !== signature) {
    last.current = { signature, scope: resolved.scope };
  }
  // A refused `var-x` in the URL is replaced (not pushed: Back should not return to it).
  const refused = refusedUrlValues(resolved.states, wanted);
  const refusedKey = JSON.stringify([...refused]);
  useEffect(() => {
    for (const [name, values] of refused) setParamValues(urlParam(name), values, { replace: true });
  }, [refusedKey]);
  const setValue = useMemo(
    () => (name: string, values: readonly string[]) => setParamValues(urlParam(name), values),
    [],
  );
  return { ...resolved, panelScope: last.current?.scope ?? null, setValue };
}
