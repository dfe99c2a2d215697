// Edits of a dashboard's `annotations.list` (pure), for the Annotations tab of the settings:
// a new Prometheus entry as Grafana's editor makes one, a changed field, delete and move. The
// dashboard JSON is never changed in place; fields Promscope does not know stay as they are.
import { asArray, asRecord, isRecord } from '../../../contract/json.ts';
import type { Json } from '../../model/dashboard-edit.ts';

/** The entries as stored (records only). */
export function annotationsOf(dashboard: Json): Json[] {
  return asArray(asRecord(dashboard.annotations).list).filter(isRecord);
}

/** The dashboard with `list` as its entries; other fields of `annotations` are kept. */
export function withAnnotations(dashboard: Json, list: Json[]): Json {
  return { ...dashboard, annotations: { ...asRecord(dashboard.annotations), list } };
}

/** Grafana's built-in "Annotations & Alerts" entry (`builtIn: 1`), which is never deleted. */
export function isBuiltInAnnotation(entry: Json): boolean {
  return entry.builtIn === 1 || entry.builtIn === true;
}

/** A name not taken yet: "New annotation", then "New annotation 2"… */
function freeName(list: readonly Json[]): string {
  const taken = new Set(list.map((a) => a.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'New annotation' : `New annotation ${n}`;
    if (!taken.has(name)) return name;
  }
}

/** The dashboard's datasource variable, as Grafana's exports and the import write it. */
export const DS_VARIABLE = `\${datasource}`;

/** A new Prometheus entry on the dashboard's datasource, on and shown, as Grafana adds one. */
export function newAnnotation(list: readonly Json[]): Json {
  return {
    name: freeName(list),
    datasource: { type: 'prometheus', uid: DS_VARIABLE },
    enable: true,
    hide: false,
    iconColor: 'red',
    expr: '',
    step: '',
    titleFormat: '',
    textFormat: '',
    tagKeys: '',
    useValueForTime: false,
  };
}

/** The entry at `i` with `patch` applied; a field set to undefined is removed. */
export function updateAnnotation(list: readonly Json[], i: number, patch: Json): Json[] {
  return list.map((a, k) => {
    if (k !== i) return a;
    const next: Json = { ...a, ...patch };
    for (const [key, v] of Object.entries(patch)) if (v === undefined) delete next[key];
    return next;
  });
}

export function removeAnnotation(list: readonly Json[], i: number): Json[] {
  return list.filter((_, k) => k !== i);
}

/** The entry at `i` moved one place up (-1) or down (1); out of range, the list as it was. */
export function moveAnnotation(list: readonly Json[], i: number, by: -1 | 1): Json[] {
  const j = i + by;
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Grafana's "Show in" choice, from an entry's filter. */
export type ShowIn = 'all' | 'selected' | 'except';

export function showInOf(entry: Json): ShowIn {
  const f = entry.filter;
  if (!isRecord(f)) return 'all';
  return f.exclude === true ? 'except' : 'selected';
}

/** The filter patch for a "Show in" choice and panel ids (Grafana's AnnotationPanelFilter). */
export function filterFor(showIn: ShowIn, ids: readonly number[]): Json {
  if (showIn === 'all') return { filter: undefined };
  return { filter: { exclude: showIn === 'except', ids: [...ids] } };
}
