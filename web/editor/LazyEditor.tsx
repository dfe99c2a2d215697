// The PromQL editor is a chunk of its own (CodeMirror and the PromQL parser): it loads the
// first time Explore shows a query, so the dashboard page never pays for it. Until it is in,
// a plain text field does the same job, Enter included.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './LazyEditor.css';

export interface EditorProps {
  value: string;
  datasourceUid: string;
  onChange: (expr: string) => void;
  onRun: (expr: string) => void;
  error?: { message: string; position?: { line: number; column: number } } | null;
  placeholder?: string;
  ariaLabel?: string;
}

let chunk: Promise<ComponentType<EditorProps>> | null = null;
const load = () => {
  chunk ??= import('./PromqlEditor.tsx').then((m) => m.default as ComponentType<EditorProps>);
  return chunk;
};

export function LazyEditor(props: EditorProps) {
  const [Editor, setEditor] = useState<ComponentType<EditorProps> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((E) => live && setEditor(() => E));
    return () => {
      live = false;
    };
  }, []);
  if (Editor) return <Editor {...props} />;
  return (
    <textarea
      class="promql-fallback"
      rows={1}
      aria-label={props.ariaLabel}
      placeholder={props.placeholder}
      value={props.value}
      onInput={(e) => props.onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          props.onRun(e.currentTarget.value);
        }
      }}
    />
  );
}
