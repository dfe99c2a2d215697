// The editor's "Preview of values": what the variable offers right now, from the dashboard's
// live evaluation (a query variable's answer from Prometheus), All first when included.

import type { ComponentChildren } from 'preact';
import { asString } from '../../contract/json.ts';
import { SELECTION_TYPES, VARIABLE_TYPES } from './edit-choices.ts';
import type { Json } from './edit-list.ts';
import { ALL } from './model.ts';
import type { VariableState } from './resolve.ts';

const PREVIEW_MAX = 100;

export function VariablePreview({ v, state }: { v: Json; state: VariableState | undefined }) {
  const type = asString(v.type) || 'query';
  let body: ComponentChildren;
  let count: number | null = null;
  if (!state) {
    body = <p class="settings-help">No preview until the variable has a valid, unique name.</p>;
  } else if (state.status === 'loading') {
    body = (
      <p class="settings-help" aria-busy="true">
        Loading values…
      </p>
    );
  } else if (state.status === 'error') {
    body = (
      <p class="query-error" role="alert">
        {state.error}
      </p>
    );
  } else if (!VARIABLE_TYPES.some((t) => t.type === type)) {
    body = <p class="settings-help">Promscope does not evaluate {type} variables.</p>;
  } else {
    const options =
      v.includeAll === true && SELECTION_TYPES.has(type)
        ? [{ text: 'All', value: ALL }, ...state.options]
        : state.options;
    count = state.options.length;
    body =
      options.length === 0 ? (
        <p class="settings-help">No values</p>
      ) : (
        <ul class="variable-preview" aria-label="Preview of values">
          {options.slice(0, PREVIEW_MAX).map((o) => (
            <li key={o.value} class="preview-value" title={o.value === o.text ? '' : o.value}>
              {o.text === '' ? '(empty)' : o.text}
            </li>
          ))}
          {options.length > PREVIEW_MAX && (
            <li class="preview-more">and {options.length - PREVIEW_MAX} more</li>
          )}
        </ul>
      );
  }
  return (
    <section class="preview-section" aria-label="Preview">
      <h3 class="settings-heading">
        Preview of values
        {count !== null && (
          <span class="preview-count">
            {count} value{count === 1 ? '' : 's'}
          </span>
        )}
      </h3>
      {body}
    </section>
  );
}
