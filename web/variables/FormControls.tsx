// The form controls of the variable editor: a labelled field with help text, a checkbox with
// its explanation, and a text field that applies when left (so a query is asked once, not on
// every keystroke).
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';

export function Field(p: {
  label: string;
  help?: ComponentChildren;
  children: (id: string) => ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.children(id)}
      {p.help && <small class="field-help">{p.help}</small>}
    </div>
  );
}

export function Check(p: {
  label: string;
  help: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label class="check-row">
      <input
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChange(e.currentTarget.checked)}
      />
      <span>
        <strong>{p.label}</strong>
        <small>{p.help}</small>
      </span>
    </label>
  );
}

/** A text field that applies when left, on Enter (a line) or Ctrl+Enter (a text area). */
export function DraftText(p: {
  id: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  mono?: boolean;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(p.value);
  useEffect(() => setText(p.value), [p.value]);
  const commit = () => {
    if (text !== p.value) p.onCommit(text);
  };
  const common = {
    id: p.id,
    value: text,
    placeholder: p.placeholder,
    spellcheck: false,
    class: p.mono ? 'mono' : undefined,
    onBlur: commit,
  };
  return p.multiline ? (
    <textarea
      {...common}
      rows={3}
      onInput={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          commit();
        }
      }}
    />
  ) : (
    <input
      {...common}
      onInput={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
