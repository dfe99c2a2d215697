// Sections of the panel editor's options pane that edit more than one path: graph styles,
// legend, thresholds. Each control changes the panel's JSON through panel-options.ts.
import { resolveColor } from '../../fields/palette.ts';
import { REDUCERS } from '../../fields/reduce.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { Section, Segmented, Slider } from './option-controls.tsx';
import type { LegendMode, Step } from './panel-options.ts';
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
} from './panel-options.ts';

interface Props {
  panel: Json;
  onChange: (panel: Json) => void;
}

const CUSTOM = ['fieldConfig', 'defaults', 'custom'];
// Grafana's names for the reducers, as the legend table's headers show them.
export const REDUCER_LABELS: Record<string, string> = REDUCERS;

/** Timeseries: draw style, line shape and style, width, fill, stacking. */
export function GraphStyleOptions({ panel, onChange }: Props) {
  const set = (path: string[], value: unknown) => onChange(setIn(panel, path, value));
  const str = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'string' ? v : '';
  };
  const num = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'number' ? v : undefined;
  };
  const style = str([...CUSTOM, 'drawStyle']) || 'line';
  return (
    <Section title="Graph styles">
      <Segmented
        label="Style"
        value={style}
        choices={[
          ['line', 'Lines'],
          ['bars', 'Bars'],
          ['points', 'Points'],
        ]}
        onChange={(v) => set([...CUSTOM, 'drawStyle'], v)}
      />
      {style === 'line' && (
        <>
          <Segmented
            label="Line interpolation"
            value={str([...CUSTOM, 'lineInterpolation']) || 'linear'}
            choices={[
              ['linear', 'Linear'],
              ['smooth', 'Smooth'],
              ['stepBefore', 'Step before'],
              ['stepAfter', 'Step after'],
            ]}
            onChange={(v) => set([...CUSTOM, 'lineInterpolation'], v)}
          />
          <Segmented
            label="Line style"
            value={str([...CUSTOM, 'lineStyle', 'fill']) || 'solid'}
            choices={[
              ['solid', 'Solid'],
              ['dash', 'Dash'],
              ['dot', 'Dots'],
            ]}
            onChange={(v) =>
              set(
                [...CUSTOM, 'lineStyle'],
                v === 'solid'
                  ? { fill: 'solid' }
                  : { fill: v, dash: v === 'dot' ? [0, 10] : [10, 10] },
              )
            }
          />
        </>
      )}
      <Slider
        label="Line width"
        min={0}
        max={10}
        value={num([...CUSTOM, 'lineWidth']) ?? 1}
        onChange={(v) => set([...CUSTOM, 'lineWidth'], v)}
      />
      <Slider
        label="Fill opacity"
        min={0}
        max={100}
        value={num([...CUSTOM, 'fillOpacity']) ?? 0}
        onChange={(v) => set([...CUSTOM, 'fillOpacity'], v)}
      />
      <Segmented
        label="Stack series"
        value={str([...CUSTOM, 'stacking', 'mode']) || 'none'}
        choices={[
          ['none', 'Off'],
          ['normal', 'Normal'],
          ['percent', '100%'],
        ]}
        onChange={(v) => set([...CUSTOM, 'stacking'], { group: 'A', mode: v })}
      />
    </Section>
  );
}

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
