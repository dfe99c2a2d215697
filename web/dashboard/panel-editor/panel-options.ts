// What the panel editor changes in a panel's Grafana JSON beyond the option sections
// (../../panels/options/panel-json.ts): the unit picker's catalogue and the queries.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/
import { asRecord } from '../../../contract/json.ts';
import { CATEGORIES } from '../../fields/unit-catalogue.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { setIn } from '../../panels/options/panel-json.ts';

export interface UnitGroup {
  category: string;
  units: (readonly [id: string, name: string])[];
}

/**
 * The unit picker's choices, Grafana's whole catalogue by category, narrowed to the units
 * whose name, id or category holds every word of `query` (any case), as Grafana's search does.
 */
export function unitGroups(query: string): UnitGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  return CATEGORIES.map((c) => ({
    category: c.name,
    units: c.units
      .filter(([id, name]) => hits(`${c.name} ${name} ${id}`))
      .map(([id, name]) => [id, name] as const),
  })).filter((g) => g.units.length > 0);
}

/** "Data / bytes(IEC)" for a catalogue id; undefined for a custom unit. */
export function unitName(id: string): string | undefined {
  for (const c of CATEGORIES) {
    const u = c.units.find(([uid]) => uid === id);
    if (u) return `${c.name} / ${u[1]}`;
  }
  return undefined;
}

/** The refId of a new query: the first letter not taken. */
export function nextRefId(targets: readonly Json[]): string {
  const taken = new Set(targets.map((t) => t.refId));
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(65 + i);
    if (!taken.has(id)) return id;
  }
  return `Q${targets.length + 1}`;
}

export const targetsOf = (panel: Json): Json[] =>
  Array.isArray(panel.targets) ? panel.targets.map(asRecord) : [];

export function setTarget(panel: Json, index: number, change: Json): Json {
  const targets = targetsOf(panel).map((t, i) => {
    if (i !== index) return t;
    let next = t;
    for (const [k, v] of Object.entries(change)) next = setIn(next, [k], v);
    return next;
  });
  return { ...panel, targets };
}

export const addTarget = (panel: Json): Json => {
  const targets = targetsOf(panel);
  return { ...panel, targets: [...targets, { refId: nextRefId(targets), expr: '' }] };
};

export const removeTarget = (panel: Json, index: number): Json => ({
  ...panel,
  targets: targetsOf(panel).filter((_, i) => i !== index),
});
