// What the panel editor's option sections change in a panel's Grafana JSON (pure): every
// change is a copy with one path set, so options the editor does not show stay as they were.
// Shared by the kinds' own sections (kinds/*/options.tsx) and the editor's common ones.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/
import { asRecord } from '../../../contract/json.ts';
import type { Json } from '../../model/dashboard-edit.ts';

/** A copy of `o` with `path` set to `value`; undefined removes the last key. */
export function setIn(o: Json, path: readonly string[], value: unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return o;
  if (rest.length > 0) return { ...o, [head]: setIn(asRecord(o[head]), rest, value) };
  if (value === undefined) {
    const { [head]: _gone, ...kept } = o;
    return kept;
  }
  return { ...o, [head]: value };
}

export function getIn(o: unknown, path: readonly string[]): unknown {
  let v: unknown = o;
  for (const k of path) v = asRecord(v)[k];
  return v;
}

/** Grafana's legend as one choice: hidden, or shown as a list or a table. */
export type LegendMode = 'list' | 'table' | 'hidden';

export function legendMode(panel: Json): LegendMode {
  const legend = asRecord(asRecord(panel.options).legend);
  if (legend.showLegend === false || legend.displayMode === 'hidden') return 'hidden';
  return legend.displayMode === 'table' ? 'table' : 'list';
}

export function setLegendMode(panel: Json, mode: LegendMode): Json {
  const legend = asRecord(asRecord(panel.options).legend);
  const next =
    mode === 'hidden'
      ? {
          ...legend,
          showLegend: false,
          displayMode: legend.displayMode === 'table' ? 'table' : 'list',
        }
      : { ...legend, showLegend: true, displayMode: mode };
  return setIn(panel, ['options', 'legend'], next);
}

/** Adds or removes one legend value (calc), keeping the order the user picked them in. */
export function toggleLegendCalc(panel: Json, calc: string): Json {
  const calcs = getIn(panel, ['options', 'legend', 'calcs']);
  const list = Array.isArray(calcs) ? calcs.filter((c): c is string => typeof c === 'string') : [];
  const next = list.includes(calc) ? list.filter((c) => c !== calc) : [...list, calc];
  return setIn(panel, ['options', 'legend', 'calcs'], next);
}

export interface Step {
  color: string;
  value: number | null; // null: the base step, below every other
}

const DEFAULT_STEPS: Step[] = [
  { color: 'green', value: null },
  { color: 'red', value: 80 },
];

export function thresholdSteps(panel: Json): Step[] {
  const steps = getIn(panel, ['fieldConfig', 'defaults', 'thresholds', 'steps']);
  if (!Array.isArray(steps)) return DEFAULT_STEPS;
  return steps.map((s) => ({
    color: typeof asRecord(s).color === 'string' ? (asRecord(s).color as string) : 'green',
    value: typeof asRecord(s).value === 'number' ? (asRecord(s).value as number) : null,
  }));
}

/** Sorted as Grafana keeps them: the base first, then by value. */
export function setThresholdSteps(panel: Json, steps: readonly Step[]): Json {
  const sorted = [...steps].sort((a, b) =>
    a.value === null ? -1 : b.value === null ? 1 : a.value - b.value,
  );
  const current = asRecord(getIn(panel, ['fieldConfig', 'defaults', 'thresholds']));
  return setIn(panel, ['fieldConfig', 'defaults', 'thresholds'], {
    mode: 'absolute',
    ...current,
    steps: sorted,
  });
}

const NEW_STEP_COLORS = ['#EAB839', '#6ED0E0', '#EF843C', '#E24D42', '#1F78C1', '#BA43A9'];

/** Grafana's "Add threshold": 10 above the highest, in the next colour. */
export function addThreshold(panel: Json): Json {
  const steps = thresholdSteps(panel);
  const top = steps.reduce((m, s) => (s.value !== null && s.value > m ? s.value : m), 0);
  const color = NEW_STEP_COLORS[(steps.length - 1) % NEW_STEP_COLORS.length]!;
  return setThresholdSteps(panel, [...steps, { color, value: top + 10 }]);
}

/** Reads a number field: '' clears it (undefined), anything not a number leaves it as it was. */
export function parseNumberField(text: string, previous: number | undefined): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : previous;
}
