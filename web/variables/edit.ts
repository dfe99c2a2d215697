// Editing a dashboard's variables (pure): the Variables settings tab changes Grafana's
// `templating.list` through these functions, each returning new JSON and leaving every field it
// does not know untouched, so a variable made or edited here opens in Grafana and back.
// Shapes follow what Grafana 10/11 writes:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/
import type { Datasource } from '../api/server.ts';
import { referencedNames } from './format.ts';
import type { VariableOption } from './model.ts';
import { ALL, AUTO_PREFIX, parseCustom, VARIABLE_NAME } from './model.ts';

export type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The types the editor offers, in Grafana's order, with Grafana's descriptions. */
export const VARIABLE_TYPES = [
  { type: 'query', label: 'Query', help: 'Variable values are fetched from a datasource query' },
  { type: 'custom', label: 'Custom', help: 'Define variable values manually' },
  {
    type: 'textbox',
    label: 'Text box',
    help: 'Define a textbox variable, where users can enter any arbitrary string',
  },
  {
    type: 'constant',
    label: 'Constant',
    help: 'Define a hidden constant variable, useful for metric prefixes in dashboards you want to share',
  },
  {
    type: 'datasource',
    label: 'Data source',
    help: 'Enables you to dynamically switch the data source for multiple panels',
  },
  { type: 'interval', label: 'Interval', help: 'Define a timespan interval (ex 1m, 1h, 1d)' },
] as const;

export type EditableType = (typeof VARIABLE_TYPES)[number]['type'];

/** Grafana's sort modes, by the number stored in `sort`. */
export const SORT_MODES: readonly (readonly [number, string])[] = [
  [0, 'Disabled'],
  [1, 'Alphabetical (asc)'],
  [2, 'Alphabetical (desc)'],
  [3, 'Numerical (asc)'],
  [4, 'Numerical (desc)'],
  [5, 'Alphabetical (case-insensitive, asc)'],
  [6, 'Alphabetical (case-insensitive, desc)'],
  [7, 'Natural (asc)'],
  [8, 'Natural (desc)'],
];

/** `hide`: what the dashboard shows of the variable. */
export const HIDE_MODES: readonly (readonly [number, string])[] = [
  [0, 'Label and value'],
  [1, 'Value'],
  [2, 'Nothing'],
];

/** `refresh` of a query variable. */
export const REFRESH_MODES: readonly (readonly [number, string])[] = [
  [1, 'On dashboard load'],
  [2, 'On time range change'],
];

/** Interval variables' "step count" choices, as Grafana offers them. */
export const AUTO_COUNTS = [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500];

/** The refId Grafana's Prometheus variable editor writes into an object-shaped query. */
export const QUERY_REF_ID = 'PrometheusVariableQueryEditor-VariableQuery';

/** The raw entries of `templating.list`, in order (entries that are not objects become {}). */
export function variablesOf(dashboard: Json): Json[] {
  const list = obj(dashboard.templating).list;
  return Array.isArray(list) ? list.map(obj) : [];
}

/** The dashboard with a new `templating.list`; other `templating` fields stay. */
export function withVariables(dashboard: Json, list: readonly Json[]): Json {
  return { ...dashboard, templating: { ...obj(dashboard.templating), list: [...list] } };
}

/** Sets `key`, or removes it when `value` is undefined (so the JSON carries no empty keys). */
function put(v: Json, key: string, value: unknown): Json {
  if (value === undefined) {
    if (!(key in v)) return v;
    const { [key]: _gone, ...rest } = v;
    return rest;
  }
  return { ...v, [key]: value };
}

/** Grafana's next free name for a new variable of a type: query0, query1, … */
export function nextName(list: readonly Json[], prefix: string): string {
  const taken = new Set(list.map((v) => str(v.name)));
  let n = 0;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Why a name cannot be used at `index` of the list, or null when it can. */
export function validateName(name: string, list: readonly Json[], index: number): string | null {
  if (name === '') return 'A name is required';
  if (name.startsWith('__')) {
    return "Template names cannot begin with '__', that's reserved for Grafana's global variables";
  }
  if (!VARIABLE_NAME.test(name)) {
    return 'Only word characters (letters, digits and _) are allowed in variable names';
  }
  if (list.some((v, i) => i !== index && v.name === name)) {
    return 'Variable with the same name already exists';
  }
  return null;
}

/** A datasource-type variable of the list, by the names it can be referenced with. */
export function datasourceVariables(list: readonly Json[]): string[] {
  return list
    .filter((v) => v.type === 'datasource' && VARIABLE_NAME.test(str(v.name)))
    .map((v) => str(v.name));
}

/** A new query variable's datasource: the dashboard's datasource variable if any, else `ds`. */
export function defaultDatasourceRef(list: readonly Json[], ds: Datasource | undefined): unknown {
  const dsVar = datasourceVariables(list)[0];
  if (dsVar) return { type: 'prometheus', uid: `\${${dsVar}}` };
  return ds ? { type: 'prometheus', uid: ds.uid } : null;
}

/** The fields of a new variable of `type`, as Grafana's editor starts one. */
function typeDefaults(type: string, datasource: unknown): Json {
  switch (type) {
    case 'query':
      return {
        datasource,
        definition: '',
        query: '',
        regex: '',
        sort: 0,
        refresh: 1,
        multi: false,
        includeAll: false,
        options: [],
        current: {},
      };
    case 'custom':
      return { query: '', multi: false, includeAll: false, options: [], current: {} };
    case 'constant':
      return { query: '', hide: 2, options: [], current: {} };
    case 'textbox':
      return { query: '', options: [], current: {} };
    case 'interval':
      return {
        query: '1m,10m,30m,1h,6h,12h,1d,7d,14d,30d',
        refresh: 2,
        auto: false,
        auto_count: 30,
        auto_min: '10s',
        options: [],
        current: {},
      };
    case 'datasource':
      return {
        query: 'prometheus',
        regex: '',
        refresh: 1,
        multi: false,
        includeAll: false,
        options: [],
        current: {},
      };
    default:
      return {};
  }
}

/** Every field some type's defaults set: a type change drops these and keeps the rest. */
const TYPED_FIELDS = new Set([
  ...VARIABLE_TYPES.flatMap((t) => Object.keys(typeDefaults(t.type, null))),
  'allValue',
]);

export function newVariable(
  list: readonly Json[],
  type: EditableType,
  ds: Datasource | undefined,
): Json {
  const base: Json = { type, name: nextName(list, type), hide: 0, skipUrlSync: false };
  return finish({ ...base, ...typeDefaults(type, defaultDatasourceRef(list, ds)) });
}

/** The variable as another type: name, label, description and unknown fields kept. */
export function changeType(
  v: Json,
  type: EditableType,
  list: readonly Json[],
  ds: Datasource | undefined,
): Json {
  if (v.type === type) return v;
  const kept = Object.fromEntries(Object.entries(v).filter(([k]) => !TYPED_FIELDS.has(k)));
  // A name still as the editor made it (query0) follows the type (custom0).
  const others = list.filter((x) => x !== v);
  const [oldType, name] = [str(v.type), str(v.name)];
  if (name.startsWith(oldType) && /^\d+$/.test(name.slice(oldType.length))) {
    kept.name = nextName(others, type);
  }
  const next: Json = { ...kept, type, ...typeDefaults(type, defaultDatasourceRef(list, ds)) };
  // A constant is hidden; one that stops being a constant is shown again.
  return finish({
    ...next,
    hide: type === 'constant' ? 2 : v.type === 'constant' ? 0 : (v.hide ?? 0),
  });
}

/** The query text, whichever form it is stored in (Grafana 9+ `{query, refId}` or a string). */
export function queryText(v: Json): string {
  return typeof v.query === 'object' && v.query !== null ? str(obj(v.query).query) : str(v.query);
}

/** Sets the query text in the form the variable had; a query variable's `definition` follows. */
export function withQuery(v: Json, text: string): Json {
  const query =
    typeof v.query === 'object' && v.query !== null ? { ...obj(v.query), query: text } : text;
  let next: Json = { ...v, query };
  if (v.type === 'query') next = { ...next, definition: text };
  if (v.type === 'textbox') next = { ...next, current: { text, value: text } };
  return finish(next);
}

/** The query in Grafana 9+'s object form (as its Prometheus variable editor writes it). */
export function asQueryObject(text: string): Json {
  return { query: text, refId: QUERY_REF_ID };
}

/** What the list shows as a variable's definition. */
export function definitionOf(v: Json): string {
  if (v.type === 'query') return str(v.definition) || queryText(v);
  if (v.type === 'datasource') {
    const regex = str(v.regex);
    return regex ? `${queryText(v) || 'prometheus'} ${regex}` : queryText(v) || 'prometheus';
  }
  if (v.type === 'interval' && v.auto === true) return `auto,${queryText(v)}`;
  return queryText(v);
}

/** The options a variable offers without asking a datasource; null for query and datasource. */
export function staticOptions(v: Json): VariableOption[] | null {
  const q = queryText(v);
  switch (v.type) {
    case 'custom':
      return parseCustom(q);
    case 'constant':
    case 'textbox':
      return [{ text: q, value: q }];
    case 'interval': {
      const options = parseCustom(q);
      return v.auto === true
        ? [{ text: 'auto', value: `${AUTO_PREFIX}${str(v.name)}` }, ...options]
        : options;
    }
    default:
      return null;
  }
}

const values = (x: unknown): string[] =>
  (Array.isArray(x) ? x.map(str) : x === undefined || x === null ? [] : [str(x)]).filter(
    (s) => s !== '',
  );

/**
 * `current` kept while it is still offered; otherwise All (when included) or the first option,
 * as Grafana falls back. `options` null means not known here (a query variable before its
 * answer): then only All and multi-value are checked. Returns `v` itself when nothing changes.
 */
export function settleCurrent(v: Json, options: readonly VariableOption[] | null): Json {
  const multi = v.multi === true;
  const includeAll = v.includeAll === true;
  const cur = obj(v.current);
  const had = values(cur.value);
  let kept = had;
  if (kept.includes(ALL)) kept = includeAll ? [ALL] : [];
  if (options) {
    kept = kept.filter((x) => x === ALL || options.some((o) => o.value === x || o.text === x));
  }
  if (!multi && kept.length > 1) kept = kept.slice(0, 1);
  if (kept.length === had.length && kept.every((x, i) => x === had[i])) return v;
  if (kept.length === 0) {
    const first = options?.[0];
    kept = includeAll && options?.length !== 0 ? [ALL] : first ? [first.value] : [];
  }
  if (kept.length === 0) return { ...v, current: {} };
  const textOf = new Map((options ?? []).map((o) => [o.value, o.text]));
  const texts = kept.map((x) => (x === ALL ? 'All' : (textOf.get(x) ?? x)));
  return {
    ...v,
    current: multi ? { text: texts, value: kept } : { text: texts[0], value: kept[0] },
  };
}

/** After an edit: a settled `current`, and for fixed-list types the `options` Grafana writes. */
function finish(v: Json): Json {
  const options = staticOptions(v);
  const settled = settleCurrent(v, options);
  if (!options) return settled;
  const selected = new Set(values(obj(settled.current).value));
  const written = options.map((o) => ({ selected: selected.has(o.value), ...o }));
  const old = Array.isArray(v.options) ? v.options.map(obj) : null;
  const same =
    settled === v &&
    old !== null &&
    old.length === written.length &&
    old.every((o, i) => o.value === written[i]!.value && o.text === written[i]!.text);
  return same ? settled : { ...settled, options: written };
}

/** Sets one field of a variable (undefined removes it), then settles what depends on it. */
export function setField(v: Json, key: string, value: unknown): Json {
  return finish(put(v, key, value));
}

/** A rename, or the reason it cannot be done. */
export function renameVariable(
  list: readonly Json[],
  index: number,
  name: string,
): { list: Json[] } | { error: string } {
  const error = validateName(name, list, index);
  if (error) return { error };
  return { list: replaceVariable(list, index, setField(list[index] ?? {}, 'name', name)) };
}

export function replaceVariable(list: readonly Json[], index: number, v: Json): Json[] {
  return list.map((x, i) => (i === index ? v : x));
}

/** Moves the variable at `index` by `delta` places (order is evaluation and display order). */
export function moveVariable(list: readonly Json[], index: number, delta: number): Json[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [moved] = out.splice(index, 1);
  out.splice(to, 0, moved!);
  return out;
}

/** A copy named `copy_of_<name>` (Grafana's naming), placed right after the original. */
export function duplicateVariable(
  list: readonly Json[],
  index: number,
): { list: Json[]; index: number } {
  const original = list[index];
  if (!original) return { list: [...list], index: -1 };
  const base = `copy_of_${str(original.name)}`;
  const taken = new Set(list.map((v) => str(v.name)));
  let name = base;
  for (let n = 1; taken.has(name); n++) name = `${base}_${n}`;
  const copy = structuredClone({ ...original, name });
  const out = [...list];
  out.splice(index + 1, 0, copy);
  return { list: out, index: index + 1 };
}

export function removeVariable(list: readonly Json[], index: number): Json[] {
  return list.filter((_, i) => i !== index);
}

/**
 * The datasource select's key for a variable's `datasource`: '' for none (the selected
 * datasource), `var:<name>` for a `${name}` reference, `uid:<uid>` for a concrete one (found
 * by uid or, as old dashboards store it, by name).
 */
export function datasourceKey(ref: unknown, datasources: readonly Datasource[]): string {
  const id = typeof ref === 'string' ? ref : str(obj(ref).uid);
  if (id === '') return '';
  const m = /^\$\{(\w+)\}$|^\$(\w+)$|^\[\[(\w+)\]\]$/.exec(id);
  if (m) return `var:${m[1] ?? m[2] ?? m[3]}`;
  const ds = datasources.find((d) => d.uid === id) ?? datasources.find((d) => d.name === id);
  return `uid:${ds?.uid ?? id}`;
}

/** The `datasource` JSON for a key of datasourceKey. */
export function datasourceRef(key: string): unknown {
  if (key.startsWith('var:')) return { type: 'prometheus', uid: `\${${key.slice(4)}}` };
  if (key.startsWith('uid:')) return { type: 'prometheus', uid: key.slice(4) };
  return null;
}

/**
 * Names the dashboard uses somewhere: in its panels (queries, titles, links…) or in another
 * variable's definition. The list marks the others as unused, as Grafana does.
 */
export function referencedVariables(dashboard: Json): Set<string> {
  const parts = [JSON.stringify(dashboard.panels ?? [])];
  for (const v of variablesOf(dashboard)) {
    const { name: _name, current: _current, options: _options, ...definition } = v;
    parts.push(JSON.stringify(definition));
  }
  return referencedNames(parts.join('\n'));
}
