// Grafana's value mappings (fieldConfig.defaults.mappings): a value becomes a text and/or a
// colour. The first mapping that matches wins, in the order the JSON lists them.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-value-mappings/
// JSON model: packages/grafana-data/src/types/valueMapping.ts; matching follows
// packages/grafana-data/src/utils/valueMappings.ts (getValueMappingResult).
import { resolveColor } from './palette.ts';

export interface MappingResult {
  text?: string;
  color?: string; // a Grafana colour name or CSS colour, as in the JSON
  index?: number;
}

export type ValueMapping =
  | { type: 'value'; options: Record<string, MappingResult> }
  | {
      type: 'range';
      options: { from?: number | null; to?: number | null; result: MappingResult };
    }
  | { type: 'regex'; options: { pattern: string; result: MappingResult } }
  | {
      type: 'special';
      options: {
        match: 'null' | 'nan' | 'null+nan' | 'true' | 'false' | 'empty';
        result: MappingResult;
      };
    };

/** What a mapped value shows: `text` replaces the formatted value, `color` the threshold one. */
export interface Mapped {
  text?: string;
  color?: string; // resolved, safe CSS colour
}

type Value = number | string | boolean | null | undefined;

/** The first mapping matching `value`, or null; malformed entries are skipped, never thrown. */
export function mapValue(value: Value, mappings: readonly unknown[] | undefined): Mapped | null {
  if (!Array.isArray(mappings)) return null;
  for (const m of mappings) {
    const result = matchOne(value, m as ValueMapping);
    if (result) return present(result);
  }
  return null;
}

function matchOne(value: Value, m: ValueMapping): MappingResult | null {
  if (typeof m !== 'object' || m === null || typeof m.options !== 'object' || !m.options) {
    return null;
  }
  switch (m.type) {
    case 'value': {
      if (value === null || value === undefined) return null;
      const key = String(value);
      return Object.hasOwn(m.options, key) ? (m.options[key] ?? null) : null;
    }
    case 'range': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (value === '' || Number.isNaN(n)) return null;
      const { from, to, result } = m.options;
      // A missing bound is open: Grafana's editor leaves one empty for "up to" / "from".
      if (typeof from === 'number' && n < from) return null;
      if (typeof to === 'number' && n > to) return null;
      return result ?? null;
    }
    case 'regex': {
      // Prometheus values are numbers; they are matched as the text Prometheus would print.
      if (value === null || value === undefined || typeof m.options.pattern !== 'string') {
        return null;
      }
      const re = toRegex(m.options.pattern);
      const text = String(value);
      if (!re?.test(text)) return null;
      const result = m.options.result ?? {};
      // `$1` in the result text refers to the pattern's groups, as in Grafana.
      return result.text == null ? result : { ...result, text: text.replace(re, result.text) };
    }
    case 'special':
      return special(value, m.options.match) ? (m.options.result ?? null) : null;
    default:
      return null;
  }
}

function special(value: Value, match: string): boolean {
  const isNull = value === null || value === undefined;
  const nan = typeof value === 'number' && Number.isNaN(value);
  switch (match) {
    case 'null':
      return isNull;
    case 'nan':
      return nan;
    case 'null+nan':
      return isNull || nan;
    case 'true':
      return value === true || value === 'true';
    case 'false':
      return value === false || value === 'false';
    case 'empty':
      return value === '';
    default:
      return false;
  }
}

/**
 * Grafana's stringToJsRegex: `/re/flags` as written, anything else anchored to the whole text.
 * An invalid pattern matches nothing.
 */
export function toRegex(pattern: string): RegExp | null {
  try {
    const slashed = /^\/(.*)\/([gimsuy]*)$/s.exec(pattern);
    if (slashed) return new RegExp(slashed[1]!, slashed[2]!.replace('g', ''));
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

function present(r: MappingResult): Mapped | null {
  if (typeof r !== 'object' || r === null) return null;
  const out: Mapped = {};
  if (typeof r.text === 'string' && r.text !== '') out.text = r.text;
  if (typeof r.color === 'string' && r.color !== '') {
    const color = resolveColor(r.color, '');
    if (color) out.color = color;
  }
  return out;
}
