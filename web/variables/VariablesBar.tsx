// The row of variable pickers under the dashboard toolbar, like Grafana's: a label, then the
// selection; a dropdown with a filter, "All" when offered, checkboxes for multi-value. A
// multi-value selection applies when the dropdown closes, so a few clicks cost one query.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ALL } from './model.ts';
import type { VariableState } from './resolve.ts';

interface Props {
  states: readonly VariableState[];
  onChange: (name: string, values: readonly string[]) => void;
}

export function VariablesBar({ states, onChange }: Props) {
  const shown = states.filter((s) => s.def.hide !== 2);
  if (shown.length === 0) return null;
  return (
    <div class="variables" role="toolbar" aria-label="Dashboard variables">
      {shown.map((s) => (
        <div
          class="variable"
          key={s.def.name}
          data-variable={s.def.name}
          data-kind={s.def.type}
          data-status={s.status}
        >
          {s.def.hide === 0 && (
            <span class="variable-label" id={`var-label-${s.def.name}`}>
              {s.def.label ?? s.def.name}
            </span>
          )}
          {s.def.type === 'textbox' ? (
            <TextboxVariable state={s} onChange={onChange} />
          ) : (
            <VariablePicker state={s} onChange={onChange} />
          )}
          {s.status === 'error' && (
            <span class="variable-error" role="img" aria-label="error" title={s.error}>
              !
            </span>
          )}
        </div>
      ))}
    </div>
  );
}

function TextboxVariable({
  state,
  onChange,
}: {
  state: VariableState;
  onChange: Props['onChange'];
}) {
  const [draft, setDraft] = useState(state.selected[0] ?? '');
  useEffect(() => setDraft(state.selected[0] ?? ''), [state.selected[0]]);
  const commit = () => {
    if (draft !== state.selected[0]) onChange(state.def.name, [draft]);
  };
  return (
    <input
      class="variable-input"
      aria-labelledby={`var-label-${state.def.name}`}
      aria-label={state.def.label ?? state.def.name}
      value={draft}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** The selection as Grafana shows it: "All", one text, or texts joined with " + ". */
export function selectionText(state: VariableState): string {
  if (state.selected.includes(ALL)) return 'All';
  if (state.status === 'loading' && state.options.length === 0)
    return state.selected.join(' + ') || '…';
  const textOf = new Map(state.options.map((o) => [o.value, o.text]));
  const texts = state.selected.map((v) => textOf.get(v) ?? v);
  return texts.length === 0 ? 'None' : texts.join(' + ');
}

function VariablePicker({
  state,
  onChange,
}: {
  state: VariableState;
  onChange: Props['onChange'];
}) {
  const { def } = state;
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<string[]>(state.selected);
  const root = useRef<HTMLDivElement>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const close = (apply: boolean) => {
    setOpen(false);
    setFilter('');
    const next = draftRef.current;
    if (apply && def.multi && next.join('\u0000') !== state.selected.join('\u0000')) {
      onChange(def.name, next);
    }
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(true);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const toggleOpen = () => {
    if (open) return close(true);
    setDraft(state.selected);
    setOpen(true);
  };

  const pick = (value: string) => {
    if (!def.multi) {
      setOpen(false);
      setFilter('');
      if (value !== state.selected[0] || state.selected.length !== 1) onChange(def.name, [value]);
      return;
    }
    setDraft((d) => {
      if (value === ALL) return [ALL];
      const without = d.filter((v) => v !== ALL);
      return without.includes(value) ? without.filter((v) => v !== value) : [...without, value];
    });
  };

  const needle = filter.trim().toLowerCase();
  const options = needle
    ? state.options.filter((o) => o.text.toLowerCase().includes(needle))
    : state.options;
  const listed = def.includeAll && !needle ? [{ text: 'All', value: ALL }, ...options] : options;
  const chosen = new Set(def.multi ? draft : state.selected);

  return (
    <div class="variable-picker" ref={root}>
      <button
        type="button"
        class="variable-value"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={`${def.label ?? def.name}: ${selectionText(state)}`}
        onClick={toggleOpen}
      >
        <span class="variable-text">{selectionText(state)}</span>
        <span class="variable-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div class="variable-dropdown">
          <input
            class="variable-filter"
            placeholder="Filter values"
            aria-label="Filter values"
            value={filter}
            ref={(el) => el?.focus()}
            onInput={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') close(true);
              if (e.key === 'Enter' && listed[0]) pick(listed[0].value);
            }}
          />
          <div class="variable-options" role="listbox" aria-multiselectable={def.multi}>
            {listed.map((o) => (
              <button
                type="button"
                key={o.value}
                role="option"
                aria-selected={chosen.has(o.value)}
                class={chosen.has(o.value) ? 'variable-option selected' : 'variable-option'}
                onClick={() => pick(o.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') close(true);
                }}
              >
                {def.multi && <span class="variable-check" aria-hidden="true" />}
                {o.text}
              </button>
            ))}
            {listed.length === 0 && (
              <p class="variable-none">
                {state.status === 'loading'
                  ? 'Loading…'
                  : state.status === 'error'
                    ? state.error
                    : 'No values'}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
