// Grafana's `templating.list` as this dashboard reads it (pure), and what every kind of
// variable offers: https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/
// Unknown fields stay in the JSON; here only what evaluation needs is read.
import { asFiniteNumber, asRecord, asText } from '../../contract/json.ts';

export type VariableKind =
  | 'query'
  | 'custom'
  | 'constant'
  | 'interval'
  | 'datasource'
  | 'textbox'
  | 'adhoc';

export interface VariableOption {
  text: string;
  value: string;
}

export interface VariableDef {
  name: string;
  type: VariableKind | string;
  label?: string;
  /** 0 label and picker, 1 picker only, 2 hidden. */
  hide: number;
  /** The query, the custom list, the constant, the intervals, the datasource type. */
  query: string;
  regex: string;
  /** 0 none, 1/2 alphabetical, 3/4 numerical, 5/6 case-insensitive, 7/8 natural (odd = ascending). */
  sort: number;
  multi: boolean;
  includeAll: boolean;
  allValue?: string;
  /** The saved selection; `$__all` means All. */
  current: string[];
  /** 1 on dashboard load, 2 on time range change. */
  refresh: number;
  datasource?: unknown;
  /** interval: offer "auto", with its step count and floor. */
  auto: boolean;
  autoCount: number;
  autoMin: string;
}

export const ALL = '$__all';
export const AUTO_PREFIX = '$__auto_interval_';

/** Names Grafana accepts for a variable; anything else cannot be referenced and is skipped. */
export const VARIABLE_NAME = /^\w+$/;

function currentValues(current: unknown): string[] {
  const value = asRecord(current).value;
  if (Array.isArray(value)) return value.map((v) => asText(v)).filter((v) => v !== '');
  const one = asText(value);
  return one === '' ? [] : [one];
}

/** One entry of `templating.list`; null when it has no usable name. */
export function readVariable(raw: unknown): VariableDef | null {
  const v = asRecord(raw);
  const name = asText(v.name);
  if (!VARIABLE_NAME.test(name)) return null;
  const type = asText(v.type, 'query');
  // Grafana 9+ stores a query variable's query as {query, refId, qryType}.
  const query = typeof v.query === 'object' ? asText(asRecord(v.query).query) : asText(v.query);
  return {
    name,
    type,
    label: typeof v.label === 'string' && v.label !== '' ? v.label : undefined,
    hide: type === 'constant' ? 2 : asFiniteNumber(v.hide, 0),
    query,
    regex: asText(v.regex),
    sort: asFiniteNumber(v.sort, 0),
    multi: v.multi === true,
    includeAll: v.includeAll === true,
    allValue: typeof v.allValue === 'string' && v.allValue !== '' ? v.allValue : undefined,
    current: currentValues(v.current),
    refresh: asFiniteNumber(v.refresh, 1),
    datasource: v.datasource,
    auto: v.auto === true,
    autoCount: asFiniteNumber(v.auto_count, 30),
    autoMin: asText(v.auto_min, '10s'),
  };
}

export function readVariables(templating: unknown): VariableDef[] {
  const list = asRecord(templating).list;
  if (!Array.isArray(list)) return [];
  const out: VariableDef[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const v = readVariable(raw);
    if (v && !seen.has(v.name)) {
      seen.add(v.name);
      out.push(v);
    }
  }
  return out;
}

/**
 * A custom variable's list: comma-separated, `\,` for a literal comma, `text : value` for a
 * value shown under another name (Grafana's syntax).
 */
export function parseCustom(query: string): VariableOption[] {
  const parts = query.match(/(?:\\,|[^,])+/g) ?? [];
  const out: VariableOption[] = [];
  for (const part of parts) {
    const item = part.replace(/\\,/g, ',').trim();
    if (item === '') continue;
    const pair = /^(.+?)\s+:\s+(.+)$/.exec(item);
    out.push(
      pair ? { text: pair[1]!.trim(), value: pair[2]!.trim() } : { text: item, value: item },
    );
  }
  return out;
}

/** The regex field: `/re/flags` or a bare pattern. */
export function parseRegex(regex: string): RegExp | null {
  const text = regex.trim();
  if (text === '') return null;
  const m = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
  try {
    return m ? new RegExp(m[1]!, m[2]!.replace('g', '')) : new RegExp(text);
  } catch {
    return null;
  }
}

/**
 * Values through the regex, as Grafana does: values that do not match are dropped; the first
 * capture group (or the named groups `value` and `text`) becomes the value, else the whole
 * value stays; duplicates go.
 */
export function applyRegex(values: readonly string[], regex: string): VariableOption[] {
  const re = parseRegex(regex);
  const out: VariableOption[] = [];
  const seen = new Set<string>();
  const add = (o: VariableOption) => {
    if (seen.has(o.value)) return;
    seen.add(o.value);
    out.push(o);
  };
  for (const v of values) {
    if (!re) {
      add({ text: v, value: v });
      continue;
    }
    const m = re.exec(v);
    if (!m) continue;
    const groups = m.groups ?? {};
    if (groups.value !== undefined || groups.text !== undefined) {
      const value = groups.value ?? groups.text!;
      add({ text: groups.text ?? value, value });
    } else {
      // Without a capture group the whole value is kept (Grafana's metricNamesToVariableValues):
      // `/de.*/` keeps "node" as "node", not the matched "de".
      const value = m.length > 1 ? (m.slice(1).find((g) => g !== undefined) ?? '') : v;
      add({ text: value, value });
    }
  }
  return out;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function firstNumber(s: string): number {
  const m = /-?\d+(?:\.\d+)?/.exec(s);
  return m ? Number(m[0]) : Number.NEGATIVE_INFINITY;
}

/** Grafana's sort modes on the shown text. */
export function sortOptions(options: VariableOption[], sort: number): VariableOption[] {
  if (sort <= 0) return options;
  const by: Record<number, (a: VariableOption, b: VariableOption) => number> = {
    1: (a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    3: (a, b) => firstNumber(a.text) - firstNumber(b.text),
    5: (a, b) => a.text.toLowerCase().localeCompare(b.text.toLowerCase()),
    7: (a, b) => collator.compare(a.text, b.text),
  };
  const asc = by[sort % 2 === 1 ? sort : sort - 1];
  if (!asc) return options;
  const sorted = [...options].sort(asc);
  return sort % 2 === 0 ? sorted.reverse() : sorted;
}
