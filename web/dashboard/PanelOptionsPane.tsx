// The panel editor's side pane: the visualisation picker (every kind the registry draws) and
// the options Grafana puts beside a panel — title and description, graph styles, legend,
// value calculation, standard options (unit, decimals, min, max) and thresholds. Each control
// changes one path of the panel's JSON (panel-options.ts).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { resolveColor } from '../chart/palette.ts';
import { REDUCER_IDS, REDUCERS } from '../chart/reduce.ts';
import { panelKinds, panelPlugin } from '../panels/registry.tsx';
import type { Json } from './dashboard-edit.ts';
import type { LegendMode, Step } from './panel-options.ts';
import {
  addThreshold,
  getIn,
  kindLabel,
  legendMode,
  parseNumberField,
  setIn,
  setLegendMode,
  setThresholdSteps,
  thresholdSteps,
  toggleLegendCalc,
  UNITS,
} from './panel-options.ts';

interface Props {
  panel: Json;
  onChange: (panel: Json) => void;
}

const DEFAULTS = ['fieldConfig', 'defaults'];
const CUSTOM = [...DEFAULTS, 'custom'];
// Grafana's names for the reducers, as the legend table's headers show them.
const REDUCER_LABELS: Record<string, string> = REDUCERS;
const REDUCED_KINDS = new Set(['stat', 'gauge', 'bargauge', 'table']);

export function PanelOptionsPane({ panel, onChange }: Props) {
  const type = typeof panel.type === 'string' ? panel.type : 'timeseries';
  const set = (path: string[], value: unknown) => onChange(setIn(panel, path, value));
  const str = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'string' ? v : '';
  };
  const num = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'number' ? v : undefined;
  };
  const kinds = panelKinds();
  if (!kinds.includes(type)) kinds.push(type);

  const pickKind = (kind: string) => {
    if (kind === type) return;
    // The new kind's default options fill only what the panel does not set.
    const defaults = (panelPlugin(kind)?.defaults.options ?? {}) as Json;
    const options = { ...defaults, ...((panel.options as Json | undefined) ?? {}) };
    onChange({ ...panel, type: kind, options });
  };

  return (
    <aside class="options-pane" aria-label="Panel options">
      <Section title="Visualization">
        <fieldset class="viz-picker">
          <legend class="visually-hidden">Visualization</legend>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={k === type}
              class={k === type ? 'viz selected' : 'viz'}
              disabled={!panelPlugin(k)}
              onClick={() => pickKind(k)}
            >
              <span class={`viz-icon viz-${k}`} aria-hidden="true" />
              {kindLabel(k)}
            </button>
          ))}
        </fieldset>
      </Section>

      <Section title="Panel options">
        <Field label="Title">
          {(id) => (
            <input
              id={id}
              value={str(['title'])}
              onInput={(e) => set(['title'], e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Description">
          {(id) => (
            <textarea
              id={id}
              rows={2}
              value={str(['description'])}
              onInput={(e) => set(['description'], e.currentTarget.value || undefined)}
            />
          )}
        </Field>
      </Section>

      {type === 'timeseries' && (
        <Section title="Graph styles">
          <Segmented
            label="Style"
            value={str([...CUSTOM, 'drawStyle']) || 'line'}
            choices={[
              ['line', 'Lines'],
              ['bars', 'Bars'],
              ['points', 'Points'],
            ]}
            onChange={(v) => set([...CUSTOM, 'drawStyle'], v)}
          />
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
      )}

      {type === 'timeseries' && <LegendOptions panel={panel} onChange={onChange} />}

      {REDUCED_KINDS.has(type) && (
        <Section title="Value options">
          <Field label="Calculation">
            {(id) => (
              <select
                id={id}
                value={calcOf(panel)}
                onChange={(e) =>
                  set(['options', 'reduceOptions', 'calcs'], [e.currentTarget.value])
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
      )}

      <Section title="Standard options">
        <Field label="Unit">
          {(id) => (
            <select
              id={id}
              value={str([...DEFAULTS, 'unit'])}
              onChange={(e) => set([...DEFAULTS, 'unit'], e.currentTarget.value || undefined)}
            >
              {UNITS.map(([u, label]) => (
                <option key={u} value={u}>
                  {label}
                </option>
              ))}
              {!UNITS.some(([u]) => u === str([...DEFAULTS, 'unit'])) && (
                <option value={str([...DEFAULTS, 'unit'])}>{str([...DEFAULTS, 'unit'])}</option>
              )}
            </select>
          )}
        </Field>
        <div class="field-row">
          {(['min', 'max', 'decimals'] as const).map((k) => (
            <Field key={k} label={k[0]!.toUpperCase() + k.slice(1)}>
              {(id) => (
                <input
                  id={id}
                  type="number"
                  placeholder="auto"
                  value={num([...DEFAULTS, k]) ?? ''}
                  onChange={(e) =>
                    set(
                      [...DEFAULTS, k],
                      parseNumberField(e.currentTarget.value, num([...DEFAULTS, k])),
                    )
                  }
                />
              )}
            </Field>
          ))}
        </div>
      </Section>

      <ThresholdOptions panel={panel} onChange={onChange} />
    </aside>
  );
}

function calcOf(panel: Json): string {
  const calcs = getIn(panel, ['options', 'reduceOptions', 'calcs']);
  return Array.isArray(calcs) && typeof calcs[0] === 'string' ? calcs[0] : 'lastNotNull';
}

function LegendOptions({ panel, onChange }: Props) {
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

function ThresholdOptions({ panel, onChange }: Props) {
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

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="options-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Field(p: { label: string; children: (id: string) => ComponentChildren }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.children(id)}
    </div>
  );
}

function Slider(p: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <Field label={p.label}>
      {(id) => (
        <div class="slider">
          <input
            id={id}
            type="range"
            min={p.min}
            max={p.max}
            value={p.value}
            onInput={(e) => p.onChange(Number(e.currentTarget.value))}
          />
          <span class="slider-value">{p.value}</span>
        </div>
      )}
    </Field>
  );
}

function Segmented<T extends string>(p: {
  label: string;
  value: T;
  choices: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="field">
      <legend>{p.label}</legend>
      <div class="segmented">
        {p.choices.map(([v, text]) => (
          <button
            key={v}
            type="button"
            class="seg"
            aria-pressed={p.value === v}
            onClick={() => p.onChange(v)}
          >
            {text}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
