// The URL's `var-x` values against what the variables took (pure).
import { ALL, type VariableDef } from './model.ts';
import type { VariableState } from './resolve.ts';

/**
 * A variable's `var-x` values as Grafana reads them (scenes' MultiValueUrlSyncHandler,
 * handleLegacyUrlAllValue): with "All" offered, `All` (alone or first, as older Grafana wrote
 * it) and the custom all value both mean All, written `$__all`, which is also what Promscope
 * writes for All. Anything else as given.
 */
export function readUrlValues(def: VariableDef, values: readonly string[]): string[] {
  if (!def.includeAll) return [...values];
  if (values[0] === 'All') return [ALL];
  if (def.allValue !== undefined && values.length === 1 && values[0] === def.allValue) return [ALL];
  return [...values];
}

/**
 * The `var-x` values the URL asks for that the variable did not take (a value no longer among
 * its options falls back to the first one, or All): the values shown instead, to be written
 * back so that the URL says what the page shows and a shared link shows the same. Only
 * variables that settled with options; a loading or failed one decides nothing yet.
 */
export function refusedUrlValues(
  states: readonly VariableState[],
  fromUrl: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of states) {
    const asked = fromUrl.get(s.def.name);
    if (!asked || s.status !== 'ready' || s.options.length === 0) continue;
    const same = asked.length === s.selected.length && asked.every((v, i) => v === s.selected[i]);
    if (!same) out.set(s.def.name, [...s.selected]);
  }
  return out;
}
