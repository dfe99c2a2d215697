// The Explore page's PromQL editor: CodeMirror 6 with codemirror-promql. Loaded lazily
// (`import('./editor/PromqlEditor.tsx')`) so that pages without an editor never download
// CodeMirror; nothing outside this folder may import CodeMirror statically.
//
// One EditorView per mounted component, made once and destroyed on unmount. Prop changes are
// applied to the live view: `value` replaces the document, `datasourceUid` swaps the completion
// and the labels swap their Compartment (https://codemirror.net/examples/config/).

import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { CompleteStrategy } from '@prometheus-io/codemirror-promql';
import { useEffect, useRef } from 'preact/hooks';
import { EchoTracker } from './echo.ts';
import {
  completionSource,
  type EditorSetup,
  editorSetup,
  fromProps,
  labels,
  newCompletion,
} from './extensions.ts';
import { type ExternalError, showExternalError } from './external-error.ts';

export interface PromqlEditorProps {
  value: string;
  /** Completion and metadata go through `/api/datasources/proxy/uid/${uid}`. */
  datasourceUid: string;
  onChange: (expr: string) => void;
  /** Enter (or Ctrl/Cmd+Enter) runs; Shift+Enter inserts a newline. */
  onRun: (expr: string) => void;
  /** Prometheus' parse error for the last run: marked in the text; showing it is the caller's job. */
  error?: ExternalError | null;
  placeholder?: string;
  /** Accessible name of the textbox, e.g. "Query A". */
  ariaLabel?: string;
}

interface Live {
  view: EditorView;
  setup: EditorSetup;
  strategy: CompleteStrategy;
  uid: string;
  labels: string;
}

export default function PromqlEditor(props: PromqlEditorProps) {
  const { value, datasourceUid, error, placeholder, ariaLabel } = props;
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  // Callbacks are read at event time, so the view never holds stale ones.
  const latest = useRef(props);
  latest.current = props;
  const echoes = useRef(new EchoTracker());

  useEffect(() => {
    const p = latest.current;
    const strategy = newCompletion(p.datasourceUid);
    const setup = editorSetup({
      strategy,
      ariaLabel: p.ariaLabel,
      placeholder: p.placeholder,
      onDocChange: (doc, external) => {
        if (external) return;
        echoes.current.emitted(doc);
        latest.current.onChange(doc);
      },
      onRun: (v) => latest.current.onRun(v.state.doc.toString()),
    });
    const view = new EditorView({
      state: EditorState.create({ doc: p.value, extensions: setup.extensions }),
      parent: host.current!,
    });
    const labelKey = JSON.stringify([p.ariaLabel, p.placeholder]);
    live.current = { view, setup, strategy, uid: p.datasourceUid, labels: labelKey };
    return () => {
      live.current = null;
      strategy.destroy?.();
      view.destroy();
    };
  }, []);

  // An outside change (history, back button) replaces the document; our own echo does not.
  useEffect(() => {
    const l = live.current;
    if (!l) return;
    if (echoes.current.isEcho(value)) return;
    const doc = l.view.state.doc.toString();
    if (doc === value) return; // leave the cursor where it is
    l.view.dispatch({
      changes: { from: 0, to: doc.length, insert: value },
      selection: { anchor: value.length },
      annotations: fromProps.of(true),
    });
  }, [value]);

  useEffect(() => {
    const l = live.current;
    if (!l || l.uid === datasourceUid) return;
    l.strategy.destroy?.();
    l.strategy = newCompletion(datasourceUid);
    l.uid = datasourceUid;
    l.view.dispatch({ effects: l.setup.completion.reconfigure(completionSource(l.strategy)) });
  }, [datasourceUid]);

  useEffect(() => {
    const l = live.current;
    const key = JSON.stringify([ariaLabel, placeholder]);
    if (!l || l.labels === key) return;
    l.labels = key;
    l.view.dispatch({ effects: l.setup.labels.reconfigure(labels(ariaLabel, placeholder)) });
  }, [ariaLabel, placeholder]);

  // Keyed on the content, not the object, so a parent re-rendering with an equal error does not
  // bring back a mark the user has since edited away.
  const errorMessage = error?.message;
  const errorLine = error?.position?.line;
  const errorColumn = error?.position?.column;
  useEffect(() => {
    const l = live.current;
    if (!l) return;
    showExternalError(l.view, latest.current.error);
  }, [errorMessage, errorLine, errorColumn]);

  return <div ref={host} class="promql-editor" />;
}
