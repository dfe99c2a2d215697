// A variable's selection against its options (pure): what is kept of what the URL or the
// dashboard wants, with Grafana's fallbacks (by text, then All, then the first option), and
// what a selection puts in the scope that text is interpolated from. Apart from resolve.ts,
// which works out the options, because url-values.ts and its test need the same rules.
import type { ScopedVariable } from './format.ts';
import type { VariableDef, VariableOption } from './model.ts';
import { ALL } from './model.ts';

/** The selection kept from what is wanted, given the options. */
export function select(
  def: VariableDef,
  wanted: readonly string[],
  options: readonly VariableOption[],
): string[] {
  if (def.includeAll && wanted.includes(ALL)) return [ALL];
  const values = new Set(options.map((o) => o.value));
  // Grafana also matches a selection by its text (old dashboards saved text in `current`).
  const byText = new Map(options.map((o) => [o.text, o.value]));
  const kept = [
    ...new Set(
      wanted.flatMap((w) => (values.has(w) ? [w] : byText.has(w) ? [byText.get(w)!] : [])),
    ),
  ];
  if (kept.length > 0) return def.multi ? kept : [kept[0]!];
  if (def.includeAll) return [ALL];
  return options.length > 0 ? [options[0]!.value] : [];
}

/** What a settled variable gives the scope: its values and text, All expanded to every option. */
export function scoped(
  def: VariableDef,
  selected: string[],
  options: VariableOption[],
): ScopedVariable {
  const all = selected.includes(ALL);
  const values = all ? options.map((o) => o.value) : selected;
  const textOf = new Map(options.map((o) => [o.value, o.text]));
  return {
    values,
    text: all ? 'All' : values.map((v) => textOf.get(v) ?? v).join(' + '),
    regex: def.multi || def.includeAll,
    array: def.multi || all,
    ...(all ? { all: true } : {}),
    ...(all && def.allValue !== undefined ? { allValue: def.allValue } : {}),
  };
}
