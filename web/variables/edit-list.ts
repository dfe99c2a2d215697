// A dashboard's list of variables (pure): reading and writing Grafana's `templating.list`,
// names (free and valid ones), order, copies, removal, and which variables are used. Entries
// stay the JSON as loaded; only what an operation changes is new.
import { asRecord, asText } from '../../contract/json.ts';
import { referencedNames } from './format.ts';
import { VARIABLE_NAME } from './model.ts';

export type Json = Record<string, unknown>;

/** The raw entries of `templating.list`, in order (entries that are not objects become {}). */
export function variablesOf(dashboard: Json): Json[] {
  const list = asRecord(dashboard.templating).list;
  return Array.isArray(list) ? list.map(asRecord) : [];
}

/** The dashboard with a new `templating.list`; other `templating` fields stay. */
export function withVariables(dashboard: Json, list: readonly Json[]): Json {
  return { ...dashboard, templating: { ...asRecord(dashboard.templating), list: [...list] } };
}

/** Grafana's next free name for a new variable of a type: query0, query1, … */
export function nextName(list: readonly Json[], prefix: string): string {
  const taken = new Set(list.map((v) => asText(v.name)));
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
  const base = `copy_of_${asText(original.name)}`;
  const taken = new Set(list.map((v) => asText(v.name)));
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
