// Dashboard variables into text (pure): Grafana's syntax `$x`, `${x}`, `${x:format}` and
// `[[x]]` / `[[x:format]]` (https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/).
//
// Without a format, a PromQL query gets what Grafana's Prometheus datasource gives it
// (interpolateQueryExpr): a single-value variable escaped for a PromQL string, a multi-value or
// All variable as a regex `(a|b)` whose special characters are escaped twice — once for the
// regex, once for the PromQL string it sits in — so `=~"$x"` matches the values exactly.
// Text (titles, legends, text panels) gets the values as they are, `{a,b}` when several.

/** What one variable stands for at this moment. */
export interface ScopedVariable {
  /** The selected values; for All, every option's value. */
  values: readonly string[];
  /** The shown text of the selection ("All" for All). */
  text: string;
  /** Multi-value or include-All: a query gets a regex, not a plain value. */
  regex: boolean;
  /** All is selected and the variable has an explicit allValue, used as written. */
  allValue?: string;
}

export type Scope = ReadonlyMap<string, ScopedVariable>;

/** Where the text goes: a PromQL query, or something a person reads. */
export type Context = 'promql' | 'text';

// Grafana's own pattern: `$name`, `[[name]]`/`[[name:fmt]]`, `${name}`/`${name:fmt}`. `\w+` is
// greedy, so `$__interval_ms` is one name. A field path (`${x.y}`) is not supported and left.
const VARIABLE_RE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?::([\w-]+))?\}/g;

/** A backslash, quote or line break inside a PromQL double-quoted string. */
const promqlString = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** Regex metacharacters escaped once (a JavaScript / RE2 regex). */
export const escapeRegex = (v: string) => v.replace(/[\\^$*+?.()|{}[\]/]/g, '\\$&');

/** A value for `=~"…"`: regex-escaped, then string-escaped (`a.b` → `a\\.b`). */
const promqlRegexValue = (v: string) => promqlString(escapeRegex(v));

function regexOf(values: readonly string[], escapeOne: (v: string) => string): string {
  const escaped = values.map(escapeOne);
  return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
}

/** Grafana's named formats (https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/#advanced-variable-format-options). */
export function formatValues(v: ScopedVariable, format: string): string | undefined {
  const vs = v.values;
  switch (format) {
    case 'regex':
      return regexOf(vs, escapeRegex);
    case 'pipe':
      return vs.join('|');
    case 'csv':
    case 'raw':
      return vs.join(',');
    case 'text':
      return v.text;
    case 'json':
      return JSON.stringify(vs.length === 1 && !v.regex ? vs[0] : vs);
    case 'doublequote':
      return vs.map((x) => `"${x.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return vs.map((x) => `'${x.replace(/'/g, "\\'")}'`).join(',');
    case 'glob':
      return vs.length === 1 ? vs[0]! : `{${vs.join(',')}}`;
    case 'queryparam':
      return vs.map((x) => `var-${encodeURIComponent(x)}`).join('&');
    case 'percentencode':
      return vs.length === 1 ? encodeURIComponent(vs[0]!) : encodeURIComponent(`{${vs.join(',')}}`);
    case 'sqlstring':
      return vs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');
    default:
      return undefined;
  }
}

/** The value a query gets when no format is written. */
function defaultValue(v: ScopedVariable, context: Context): string {
  if (context === 'text') return formatValues(v, 'glob')!;
  if (!v.regex) return promqlString(v.values[0] ?? '');
  return regexOf(v.values, promqlRegexValue);
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
      format?: string,
    ) => {
      const name = plain ?? bracketed ?? braced ?? '';
      const v = scope.get(name);
      if (!v) return match;
      const fmt = bFormat ?? format;
      // Grafana: a custom All value is used as written, in every format but these two.
      if (v.allValue !== undefined && fmt !== 'text' && fmt !== 'percentencode') return v.allValue;
      if (fmt) return formatValues(v, fmt) ?? defaultValue(v, context);
      return defaultValue(v, context);
    },
  );
}

/** The names a text refers to, in any of the forms. */
export function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLE_RE)) names.add(m[1] ?? m[2] ?? m[4] ?? '');
  return names;
}
