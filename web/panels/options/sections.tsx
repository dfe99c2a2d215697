// Option sections more than one kind shows in the panel editor: legend, value calculation
// (the reduced kinds) and thresholds. A kind's index.ts names the ones it shows; each control
// changes the panel's JSON through panel-json.ts.
import { resolveColor } from '../../fields/palette.ts';
import { REDUCER_IDS, REDUCERS } from '../../fields/reduce.ts';
import type { OptionsProps } from '../plugin.tsx';
import { Field, Section, Segmented } from './controls.tsx';
import type { LegendMode, Step } from './panel-json.ts';
import {
  addThreshold,
  getIn,
  legendMode,
  parseNumberField,
  setIn,
  setLegendMode,
  setThresholdSteps,
  thresholdSteps,
  toggleLegendCalc,
} from './panel-json.ts';

type Props = OptionsProps;

// Grafana's names for the reducers, as the legend table's headers show them.
export const REDUCER_LABELS: Record<string, string> = REDUCERS;

export function LegendOptions({ panel, onChange }: Props) {
  const mode = legendMode(panel);
  const placement =
    getIn(panel, ['options', 'legend', 'placement']) === 'right' ? 'right' : 'bottom';
  const calcs = getIn(panel, ['options', 'legend', 'calcs']);
  const picked = Array.isArray(calcs) ? calcs : [];
  return (
    <Section title="Legend">
      <Segmented<LegendMode>
        label="Mode"
        value={mode}
        choices={[
          ['list', 'List'],
          ['table', 'Table'],
          ['hidden', 'Hidden'],
        ]}
        onChange={(m) => onChange(setLegendMode(panel, m))}
      />
      {mode !== 'hidden' && (
        <>
          <Segmented
            label="Placement"
            value={placement}
            choices={[
              ['bottom', 'Bottom'],
              ['right', 'Right'],
            ]}
            onChange={(v) => onChange(setIn(panel, ['options', 'legend', 'placement'], v))}
          />
          <fieldset class="field calcs">
            <legend>Values</legend>
            {(['lastNotNull', 'mean', 'max', 'min', 'sum'] as const).map((c) => (
              <label key={c} class="check">
                <input
                  type="checkbox"
                  checked={picked.includes(c)}
                  onChange={() => onChange(toggleLegendCalc(panel, c))}
                />
                {REDUCER_LABELS[c]}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </Section>
  );
}

/** Stat, gauge, bar gauge, table, pie: which reducer makes each series one value. */
export function ValueOptions({ panel, onChange }: Props) {
  const calcs = getIn(panel, ['options', 'reduceOptions', 'calcs']);
  const calc = Array.isArray(calcs) && typeof calcs[0] === 'string' ? calcs[0] : 'lastNotNull';
  return (
    <Section title="Value options">
      <Field label="Calculation">
        {(id) => (
          <select
            id={id}
            value={calc}
            onChange={(e) =>
              onChange(setIn(panel, ['options', 'reduceOptions', 'calcs'], [e.currentTarget.value]))
            }
          >
            {REDUCER_IDS.map((r) => (
              <option key={r} value={r}>
                {REDUCER_LABELS[r] ?? r}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Section>
  );
}

export function ThresholdOptions({ panel, onChange }: Props) {
  const steps = thresholdSteps(panel);
  const update = (next: Step[]) => onChange(setThresholdSteps(panel, next));
  // Highest first, as Grafana lists them; the base is last and cannot be removed.
  const listed = steps.map((s, i) => ({ s, i })).reverse();
  return (
    <Section title="Thresholds">
      <ul class="thresholds" aria-label="Thresholds">
        {listed.map(({ s, i }) => (
          <li key={i}>
            <input
              type="color"
              aria-label={`Threshold colour ${s.value ?? 'base'}`}
              value={toHex(resolveColor(s.color))}
              onChange={(e) =>
                update(steps.map((x, j) => (j === i ? { ...x, color: e.currentTarget.value } : x)))
              }
            />
            {s.value === null ? (
              <span class="threshold-base">Base</span>
            ) : (
              <input
                type="number"
                aria-label="Threshold value"
                value={s.value}
                onChange={(e) => {
                  const v = parseNumberField(e.currentTarget.value, s.value ?? undefined);
                  if (v !== undefined)
                    update(steps.map((x, j) => (j === i ? { ...x, value: v } : x)));
                }}
              />
            )}
            {s.value !== null && (
              <button
                type="button"
                class="icon-button"
                aria-label={`Remove threshold ${s.value}`}
                onClick={() => update(steps.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="add-button" onClick={() => onChange(addThreshold(panel))}>
        + Add threshold
      </button>
    </Section>
  );
}

/** `<input type=color>` takes #rrggbb only; named and rgb() colours are resolved first. */
function toHex(color: string): string {
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(color)) return color.slice(0, 7);
  if (/^#[0-9a-f]{3}$/i.test(color)) return `#${[...color.slice(1)].map((c) => c + c).join('')}`;
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (m)
    return `#${m
      .slice(1, 4)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')}`;
  return '#73bf69';
}
