// Marks the parse error Prometheus returned for the last run, at the position it names, as a
// lint diagnostic (red underline, message on hover), next to codemirror-promql's own offline
// linter. Several `linter` sources may coexist; their diagnostics are merged
// (https://codemirror.net/docs/ref/#lint.linter). The message renders as text: the lint tooltip
// puts `message` in a text node, never HTML.
import { type Diagnostic, forceLinting, linter } from '@codemirror/lint';
import { type Extension, StateEffect, StateField, type Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { type ErrorPosition, parseErrorPosition, positionToOffset } from './error-position.ts';

export interface ExternalError {
  message: string;
  position?: ErrorPosition;
}

interface Marked {
  from: number;
  to: number;
  message: string;
}

const setExternal = StateEffect.define<Marked | null>();

/**
 * The error belongs to the text that was run, so it is dropped as soon as the text changes
 * (the caller's `error` prop then only comes back with the next run).
 */
const externalField = StateField.define<Marked | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setExternal)) return e.value;
    return tr.docChanged ? null : value;
  },
});

/** Underline the whole word at `from` (a metric name, a keyword), else a single character. */
function markRange(doc: Text, from: number): { from: number; to: number } {
  const line = doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  const word = /^[\w:.]+/.exec(rest);
  const len = word ? word[0].length : Math.min(1, rest.length);
  return { from, to: from + len };
}

function toMarked(doc: Text, error: ExternalError | null | undefined): Marked | null {
  if (!error) return null;
  const pos = error.position ?? parseErrorPosition(error.message);
  if (!pos) return null;
  const from = positionToOffset(doc.toString(), pos);
  return { ...markRange(doc, from), message: error.message };
}

/** Show `error` (or clear it, with null) in the editor. */
export function showExternalError(view: EditorView, error: ExternalError | null | undefined) {
  const marked = toMarked(view.state.doc, error);
  const current = view.state.field(externalField);
  if (!marked && !current) return;
  view.dispatch({ effects: setExternal.of(marked) });
  // Lint runs after a pause; the error is already known, so show it now.
  forceLinting(view);
}

const source = (view: EditorView): Diagnostic[] => {
  const m = view.state.field(externalField);
  return m
    ? [{ from: m.from, to: m.to, severity: 'error', source: 'Prometheus', message: m.message }]
    : [];
};

export function externalError(): Extension {
  return [
    externalField,
    linter(source, {
      // Re-lint when the error is set without a document change.
      needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(setExternal))),
      delay: 500,
    }),
  ];
}
