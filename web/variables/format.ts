// Dashboard variables into text (pure): Grafana's syntax `$x`, `${x}`, `${x:format}`,
// `${x:format:args}`, `${x.field}` and `[[x]]` / `[[x:format]]`
// (https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/).
//
// Where a text goes decides what a variable without a format becomes, as in Grafana:
// - promql: what Grafana's Prometheus datasource gives a query (interpolateQueryExpr): a
//   single-value variable escaped for a PromQL string, a multi-value or All variable as a
//   regex `(a|b)` escaped twice, once for the regex and once for the string it sits in;
// - value: templateSrv.replace's default (glob), for legends, link titles and addresses;
// - text: the shown text (`All`, `a + b`), for panel and row titles;
// - html: the text panel's content (values HTML-escaped, several joined with ", ");
// - json: a text panel in JSON code mode;
// - uri: a panel link's address (values percent-encoded as a URI).

import { formatDate } from '../time/date-format.ts';

/** What one variable stands for at this moment. */
export interface ScopedVariable {
  /** The selected values; for All, every option's value. */
  values: readonly string[];
  /** The shown text of the selection ("All" for All). */
  text: string;
  /** Multi-value or include-All: a query gets a regex, not a plain value. */
  regex: boolean;
  /** The value is a list (multi-value or All), which some formats show as a list even of one. */
  array?: boolean;
  /** All is selected and the variable has an explicit allValue, used as written. */
  allValue?: string;
  /** All is selected: `queryparam` says `var-x=All`, as Grafana does. */
  all?: boolean;
  /** `${x.name}`: Grafana's field paths into an object value (`${__dashboard.uid}`). */
  fields?: Readonly<Record<string, string>>;
  /** Already formatted (`$__all_variables`): inserted as is in every format. */
  skipFormat?: boolean;
}

export type Scope = ReadonlyMap<string, ScopedVariable>;

/** Where the text goes, which decides the format of a variable written without one. */
export type Context = 'promql' | 'value' | 'text' | 'html' | 'json' | 'uri';

// Grafana's pattern (variableRegex): `$name`, `[[name]]`/`[[name:fmt]]`, and
// `${name}`/`${name.path}`/`${name:fmt}`/`${name:fmt:arg…}`. `\w+` is greedy, so
// `$__interval_ms` is one name.
const VARIABLE_RE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** A backslash, quote or line break inside a PromQL double-quoted string. */
const promqlString = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** Regex metacharacters escaped once (Grafana's escapeRegex, for the `regex` format). */
export const escapeRegex = (v: string) => v.replace(/[\\^$*+?.()|{}[\]/]/g, '\\$&');

/**
 * A value for `=~"…"`, byte for byte as Grafana's prometheusSpecialRegexEscape: a backslash
 * and a quote escaped for the regex and then for the string, RE2's metacharacters (and `'`)
 * escaped for the regex, that backslash escaped for the string (`a.b` → `a\\.b`). Line breaks,
 * which Grafana leaves raw and PromQL refuses in a string, become `\n` and `\r`.
 */
const promqlRegexValue = (v: string) =>
  v
    .replace(/\\/g, '\\\\\\\\')
    .replace(/"/g, '\\\\\\"')
    .replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');

/**
 * A value that is one complete label matcher (`job="api"`, `job=~"a|b"`) goes into a query
 * unescaped, as Grafana does, so `{$filter}` works. Unlike Grafana's `".*"`, the quoted part
 * must be one well-formed PromQL string, so a value cannot close it and add to the query.
 */
const LABEL_MATCHER = /^\w+(=|!=|=~|!~)"(?:[^"\\\n\r]|\\.)*"$/;

function regexOf(values: readonly string[], escapeOne: (v: string) => string): string {
  const escaped = values.map(escapeOne);
  return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
}

const isArray = (v: ScopedVariable) => v.array ?? v.values.length > 1;

/** encodeURIComponent plus the sub-delims it leaves (`!'()*`), as RFC 3986 and Grafana. */
export const encodeStrict = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const encodeUriStrict = (s: string) =>
  encodeURI(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Lucene's special characters escaped; a number stays as it is. */
function luceneEscape(v: string): string {
  if (!Number.isNaN(Number(v))) return v;
  return v.replace(/[!*+\-=<>\s&|()[\]{}^~?:\\/"]/g, '\\$&');
}

export const escapeHtml = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&#39;')
    .replace(/"/g, '&quot;');

/** `${x:date…}`: an epoch in ms as ISO, seconds, or a moment.js format (Grafana's date format). */
function formatDateValue(value: string, args: readonly string[]): string {
  const ms = Number.parseInt(value, 10);
  if (Number.isNaN(ms)) return 'NaN';
  const arg = args[0] ?? 'iso';
  switch (arg) {
    case 'ms':
      return value;
    case 'seconds':
      return String(Math.round(ms / 1000));
    case 'iso':
      return new Date(ms).toISOString();
    default:
      return formatDate(ms, args.join(':'));
  }
}

/**
 * Grafana's named formats (formatRegistry,
 * https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/#advanced-variable-format-options);
 * undefined for a name Grafana does not have.
 */
export function formatValues(
  v: ScopedVariable,
  format: string,
  name = '',
  args: readonly string[] = [],
): string | undefined {
  const vs = v.values;
  const first = vs[0] ?? '';
  switch (format) {
    case 'regex':
      return regexOf(vs, escapeRegex);
    case 'pipe':
      return vs.join('|');
    case 'csv':
    case 'raw':
      return vs.join(',');
    case 'join':
      return vs.join(args[0] ?? ',');
    case 'distributed':
      return vs.map((x, i) => (i === 0 ? x : `${name}=${x}`)).join(',');
    case 'lucene':
      if (!isArray(v)) return luceneEscape(first);
      if (vs.length === 0) return '__empty__';
      return `(${vs.map((x) => `"${luceneEscape(x)}"`).join(' OR ')})`;
    case 'html':
      return escapeHtml(vs.join(', '));
    case 'text':
      return v.text;
    case 'json':
      return isArray(v) ? JSON.stringify(vs) : first;
    case 'doublequote':
      return vs.map((x) => `"${x.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return vs.map((x) => `'${x.replace(/'/g, "\\'")}'`).join(',');
    case 'sqlstring':
      return vs.map((x) => `'${x.replace(/'/g, "''").replace(/"/g, '\\"')}'`).join(',');
    case 'glob':
      return vs.length === 1 ? first : `{${vs.join(',')}}`;
    case 'queryparam':
      if (v.all) return `var-${name}=All`;
      return vs.map((x) => `var-${name}=${encodeStrict(x)}`).join('&');
    case 'customqueryparam': {
      const param = encodeStrict(args[0] || name);
      const prefix = encodeStrict(args[1] || '');
      return vs.map((x) => `${param}=${prefix}${encodeStrict(x)}`).join('&');
    }
    case 'percentencode':
      return encodeStrict(isArray(v) ? `{${vs.join(',')}}` : first);
    case 'uriencode':
      return encodeUriStrict(isArray(v) ? `{${vs.join(',')}}` : first);
    case 'date':
      return formatDateValue(first, args);
    default:
      return undefined;
  }
}

const DEFAULT_FORMAT: Record<Exclude<Context, 'promql'>, string> = {
  value: 'glob',
  text: 'text',
  html: 'html',
  json: 'json',
  uri: 'uriencode',
};

/** The value a query gets when no format is written. */
function promqlValue(v: ScopedVariable): string {
  if (!v.regex) {
    const value = v.values[0] ?? '';
    return LABEL_MATCHER.test(value) ? value : promqlString(value);
  }
  return regexOf(v.values, promqlRegexValue);
}

function formatted(v: ScopedVariable, name: string, spec: string | undefined, context: Context) {
  if (v.skipFormat) return v.values[0] ?? '';
  const [id, ...args] = spec ? spec.split(':') : [];
  // Grafana: a custom All value is used as written, in every format but these three.
  if (v.allValue !== undefined) {
    const fmt = id ?? (context === 'promql' ? undefined : DEFAULT_FORMAT[context]);
    if (fmt === 'text') return v.text;
    if (fmt === 'percentencode') return encodeStrict(v.allValue);
    if (fmt === 'queryparam') return `var-${name}=All`;
    return v.allValue;
  }
  if (id) {
    // An unknown format falls back to glob, as in Grafana.
    return formatValues(v, id, name, args) ?? formatValues(v, 'glob')!;
  }
  return context === 'promql' ? promqlValue(v) : formatValues(v, DEFAULT_FORMAT[context], name)!;
}

/**
 * Replaces every variable named in `scope`. Anything else — unknown names, built-ins left for
 * later, PromQL's own `$1` and `${1}` in label_replace() — is left byte for byte as written.
 */
export function interpolateVariables(text: string, scope: Scope, context: Context): string {
  if (scope.size === 0 || (!text.includes('$') && !text.includes('[['))) return text;
  return text.replace(
    VARIABLE_RE,
    (
      match,
      plain?: string,
      bracketed?: string,
      bFormat?: string,
      braced?: string,
      path?: string,
      format?: string,
    ) => {
      const name = plain ?? bracketed ?? braced ?? '';
      const v = scope.get(name);
      if (!v) return match;
      if (path !== undefined) {
        const field = v.fields?.[path];
        if (field === undefined) return match;
        return formatted({ values: [field], text: field, regex: false }, name, format, context);
      }
      return formatted(v, name, bFormat ?? format, context);
    },
  );
}

/** The names a text refers to, in any of the forms. */
export function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLE_RE)) names.add(m[1] ?? m[2] ?? m[4] ?? '');
  return names;
}
