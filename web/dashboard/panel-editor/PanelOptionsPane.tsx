// The panel editor's side pane: the visualisation picker (every kind the registry draws) and
// the options Grafana puts beside a panel — title and description, graph styles, legend,
// value calculation, standard options (unit, decimals, min, max) and thresholds. Each control
// changes one path of the panel's JSON (panel-options.ts).
import { REDUCER_IDS } from '../../fields/reduce.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { panelKinds, panelPlugin } from '../../panels/registry.tsx';
import { Field, Section } from './option-controls.tsx';
import {
  GraphStyleOptions,
  LegendOptions,
  REDUCER_LABELS,
  ThresholdOptions,
} from './option-sections.tsx';
import { getIn, kindLabel, parseNumberField, setIn } from './panel-options.ts';
import { UnitPicker } from './UnitPicker.tsx';

interface Props {
  panel: Json;
  onChange: (panel: Json) => void;
}

const DEFAULTS = ['fieldConfig', 'defaults'];
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

      {type === 'timeseries' && <GraphStyleOptions panel={panel} onChange={onChange} />}

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
            <UnitPicker
              id={id}
              value={str([...DEFAULTS, 'unit'])}
              onChange={(u) => set([...DEFAULTS, 'unit'], u || undefined)}
            />
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
