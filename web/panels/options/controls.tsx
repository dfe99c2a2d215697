// The small form controls of the panel editor's options pane, shared by the kinds' own
// sections: a titled section, a labelled field, a slider with its number, a segmented choice.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="options-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Field(p: { label: string; children: (id: string) => ComponentChildren }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.children(id)}
    </div>
  );
}

export function Slider(p: {
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

export function Segmented<T extends string>(p: {
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
