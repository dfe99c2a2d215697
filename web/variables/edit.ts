// Editing one variable (pure): the variable editor changes an entry of Grafana's
// `templating.list` through these functions, each returning new JSON and leaving every field it
// does not know untouched, so a variable made or edited here opens in Grafana and back.
// Shapes follow what Grafana 10/11 writes:
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/
import { asRecord, asText } from '../../contract/json.ts';
import type { Datasource } from '../api/server.ts';
import type { EditableType } from './edit-choices.ts';
import { VARIABLE_TYPES } from './edit-choices.ts';
import type { Json } from './edit-list.ts';
import { nextName, replaceVariable, validateName } from './edit-list.ts';
import type { VariableOption } from './model.ts';
import { ALL, AUTO_PREFIX, parseCustom, VARIABLE_NAME } from './model.ts';

/** Sets `key`, or removes it when `value` is undefined (so the JSON carries no empty keys). */
function put(v: Json, key: string, value: unknown): Json {
  if (value === undefined) {
    if (!(key in v)) return v;
    const { [key]: _gone, ...rest } = v;
    return rest;
  }
  return { ...v, [key]: value };
}

/** A datasource-type variable of the list, by the names it can be referenced with. */
export function datasourceVariables(list: readonly Json[]): string[] {
  return list
    .filter((v) => v.type === 'datasource' && VARIABLE_NAME.test(asText(v.name)))
    .map((v) => asText(v.name));
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
  const [oldType, name] = [asText(v.type), asText(v.name)];
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
  return typeof v.query === 'object' && v.query !== null
    ? asText(asRecord(v.query).query)
    : asText(v.query);
}

/** Sets the query text in the form the variable had; a query variable's `definition` follows. */
export function withQuery(v: Json, text: string): Json {
  const query =
    typeof v.query === 'object' && v.query !== null ? { ...asRecord(v.query), query: text } : text;
  let next: Json = { ...v, query };
  if (v.type === 'query') next = { ...next, definition: text };
  if (v.type === 'textbox') next = { ...next, current: { text, value: text } };
  return finish(next);
}

/** What the list shows as a variable's definition. */
export function definitionOf(v: Json): string {
  if (v.type === 'query') return asText(v.definition) || queryText(v);
  if (v.type === 'datasource') {
    const regex = asText(v.regex);
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
        ? [{ text: 'auto', value: `${AUTO_PREFIX}${asText(v.name)}` }, ...options]
        : options;
    }
    default:
      return null;
  }
}

const values = (x: unknown): string[] =>
  (Array.isArray(x)
    ? x.map((y) => asText(y))
    : x === undefined || x === null
      ? []
      : [asText(x)]
  ).filter((s) => s !== '');

/**
 * `current` kept while it is still offered; otherwise All (when included) or the first option,
 * as Grafana falls back. `options` null means not known here (a query variable before its
 * answer): then only All and multi-value are checked. Returns `v` itself when nothing changes.
 */
export function settleCurrent(v: Json, options: readonly VariableOption[] | null): Json {
  const multi = v.multi === true;
  const includeAll = v.includeAll === true;
  const cur = asRecord(v.current);
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
  const selected = new Set(values(asRecord(settled.current).value));
  const written = options.map((o) => ({ selected: selected.has(o.value), ...o }));
  const old = Array.isArray(v.options) ? v.options.map(asRecord) : null;
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

/**
 * The datasource select's key for a variable's `datasource`: '' for none (the selected
 * datasource), `var:<name>` for a `${name}` reference, `uid:<uid>` for a concrete one (found
 * by uid or, as old dashboards store it, by name).
 */
export function datasourceKey(ref: unknown, datasources: readonly Datasource[]): string {
  const id = typeof ref === 'string' ? ref : asText(asRecord(ref).uid);
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
