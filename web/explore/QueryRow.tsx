// One query of Explore: its letter, the PromQL editor, its legend format, hide and remove,
// and Prometheus' error for it, right beside it.
import { parseErrorPosition } from '../editor/error-position.ts';
import { LazyEditor } from '../editor/LazyEditor.tsx';
import type { ExploreQuery } from '../nav/explore-state.ts';

interface Props {
  query: ExploreQuery;
  draft: string;
  datasourceUid: string;
  error: Error | null;
  canRemove: boolean;
  onDraft: (expr: string) => void;
  onRun: () => void;
  onChange: (change: Partial<ExploreQuery>) => void;
  onRemove: () => void;
  onFocus: () => void;
}

export function QueryRow(p: Props) {
  const { query } = p;
  const position = p.error ? parseErrorPosition(p.error.message) : null;
  return (
    <div class={`query-row${query.hide ? ' hidden' : ''}`} onFocusCapture={p.onFocus}>
      <span class="query-ref" aria-hidden="true">
        {query.refId}
      </span>
      <div class="query-main">
        <LazyEditor
          value={p.draft}
          datasourceUid={p.datasourceUid}
          onChange={p.onDraft}
          onRun={p.onRun}
          error={p.error ? { message: p.error.message, ...(position ? { position } : {}) } : null}
          placeholder="Enter a PromQL query (Enter runs, Shift+Enter for a new line)"
          ariaLabel={`Query ${query.refId}`}
        />
        {p.error && (
          <p class="query-error" role="alert">
            {'errorType' in p.error && <span class="error-type">{String(p.error.errorType)}</span>}
            {p.error.message}
          </p>
        )}
      </div>
      <input
        class="query-legend"
        aria-label={`Legend format ${query.refId}`}
        placeholder="Legend: {{label}}"
        value={query.legendFormat ?? ''}
        onChange={(e) => p.onChange({ legendFormat: e.currentTarget.value || undefined })}
      />
      <button
        type="button"
        class="icon-button"
        aria-pressed={query.hide === true}
        aria-label={`${query.hide ? 'Show' : 'Hide'} query ${query.refId}`}
        title={query.hide ? 'Show this query' : 'Hide this query'}
        onClick={() => p.onChange({ hide: !query.hide })}
      >
        {query.hide ? '◌' : '◉'}
      </button>
      {p.canRemove && (
        <button
          type="button"
          class="icon-button"
          aria-label={`Remove query ${query.refId}`}
          title="Remove this query"
          onClick={p.onRemove}
        >
          ✕
        </button>
      )}
    </div>
  );
}
