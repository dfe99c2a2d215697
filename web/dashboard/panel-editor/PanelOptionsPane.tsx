// The panel editor's side pane: the visualisation picker (every kind the registry draws) and
// the options Grafana puts beside a panel — title and description, then the kind's own
// sections (its plugin's `Options`: graph styles and legend, value calculation, …), then,
// for kinds that read fieldConfig, standard options (unit, decimals, min, max) and
// thresholds. Each control changes one path of the panel's JSON (panels/options/panel-json.ts).
import type { Json } from '../../model/dashboard-edit.ts';
import { Field, Section } from '../../panels/options/controls.tsx';
import { getIn, parseNumberField, setIn } from '../../panels/options/panel-json.ts';
import { ThresholdOptions } from '../../panels/options/sections.tsx';
import { kindName, panelKinds, panelPlugin } from '../../panels/registry.ts';
import { UnitPicker } from './UnitPicker.tsx';

interface Props {
  panel: Json;
  onChange: (panel: Json) => void;
}

const DEFAULTS = ['fieldConfig', 'defaults'];

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
  const plugin = panelPlugin(type);
  // A kind this build does not draw is listed (disabled) so the pane says what the panel is.
  const kinds = panelKinds().map((k) => k.id);
  if (!plugin) kinds.push(type);

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
              <svg class="viz-icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d={panelPlugin(k)?.icon ?? 'M2 2h12v12H2z'} />
              </svg>
              {kindName(k)}
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

      {plugin?.Options && <plugin.Options panel={panel} onChange={onChange} />}

      {(plugin?.fieldConfig ?? true) && (
        <>
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
        </>
      )}
    </aside>
  );
}
