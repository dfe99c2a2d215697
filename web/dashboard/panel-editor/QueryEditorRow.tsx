// One query of the panel editor: its letter, the PromQL editor (typed text is kept as a draft
// and sent to the panel on Enter or when focus leaves the editor, as Grafana runs queries on
// blur), legend format, min step, hide and remove.
import { useEffect, useState } from 'preact/hooks';
import { LazyEditor } from '../../editor/LazyEditor.tsx';
import type { Json } from '../../model/dashboard-edit.ts';
import { parseDuration } from '../../time/duration.ts';

interface Props {
  target: Json;
  datasourceUid: string;
  canRemove: boolean;
  onChange: (change: Json) => void;
  onRemove: () => void;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function QueryEditorRow({ target, datasourceUid, canRemove, onChange, onRemove }: Props) {
  const refId = text(target.refId);
  const expr = text(target.expr);
  const [draft, setDraft] = useState(expr);
  useEffect(() => setDraft(expr), [expr]);
  const commit = (value = draft) => {
    if (value !== expr) onChange({ expr: value });
  };
  const hidden = target.hide === true;
  const interval = text(target.interval);
  const badStep = interval !== '' && parseDuration(interval) === null;

  return (
    <div class={`query-row editor-query${hidden ? ' hidden' : ''}`}>
      <span class="query-ref" aria-hidden="true">
        {refId}
      </span>
      <div class="query-main" onFocusOut={() => commit()}>
        <LazyEditor
          value={draft}
          datasourceUid={datasourceUid}
          onChange={setDraft}
          onRun={(v) => commit(v)}
          placeholder="Enter a PromQL query (Enter runs, Shift+Enter for a new line)"
          ariaLabel={`Query ${refId}`}
        />
        <div class="query-options">
          <label>
            Legend
            <input
              aria-label={`Legend format ${refId}`}
              placeholder="{{label}}"
              value={text(target.legendFormat)}
              onChange={(e) => onChange({ legendFormat: e.currentTarget.value || undefined })}
            />
          </label>
          <label>
            Min step
            <input
              class={`narrow${badStep ? ' invalid' : ''}`}
              aria-label={`Min step ${refId}`}
              aria-invalid={badStep}
              placeholder="auto"
              title="A duration such as 30s or 1m"
              value={interval}
              onChange={(e) => onChange({ interval: e.currentTarget.value.trim() || undefined })}
            />
          </label>
        </div>
      </div>
      <button
        type="button"
        class="icon-button"
        aria-pressed={hidden}
        aria-label={`${hidden ? 'Show' : 'Hide'} query ${refId}`}
        title={hidden ? 'Show this query' : 'Hide this query'}
        onClick={() => onChange({ hide: hidden ? undefined : true })}
      >
        {hidden ? '◌' : '◉'}
      </button>
      {canRemove && (
        <button
          type="button"
          class="icon-button"
          aria-label={`Remove query ${refId}`}
          title="Remove this query"
          onClick={onRemove}
        >
          ✕
        </button>
      )}
    </div>
  );
}
