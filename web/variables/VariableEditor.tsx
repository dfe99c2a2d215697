// One variable's form in the Variables settings tab, laid out as Grafana's: general fields,
// the options of its type, selection options, and a preview of the values it offers. Edits go
// straight to the working copy (edit.ts keeps every field the form does not show); a name only
// once it is valid. Texts that cost a request (a query) apply when the field is left.

import { useEffect, useId, useState } from 'preact/hooks';
import { asFiniteNumber, asText } from '../../contract/json.ts';
import type { Datasource } from '../api/server.ts';
import { EditorBreadcrumb } from '../ui/EditorBreadcrumb.tsx';
import {
  changeType,
  queryText,
  renameVariable,
  setField,
  settleCurrent,
  withQuery,
} from './edit.ts';
import type { EditableType } from './edit-choices.ts';
import { HIDE_MODES, SELECTION_TYPES, VARIABLE_TYPES } from './edit-choices.ts';
import type { Json } from './edit-list.ts';
import { replaceVariable, validateName } from './edit-list.ts';
import { Check, DraftText, Field } from './FormControls.tsx';
import type { VariableState } from './resolve.ts';
import { VariablePreview } from './VariablePreview.tsx';
import { DatasourceOptions, IntervalOptions, QueryOptions } from './VariableTypeOptions.tsx';

interface Props {
  list: readonly Json[];
  index: number;
  onList: (list: Json[]) => void;
  datasources: readonly Datasource[];
  selected: Datasource;
  /** The live evaluation of this variable on the dashboard, for the preview. */
  state: VariableState | undefined;
  onBack: () => void;
  onDelete: () => void;
}

/** Types whose values are known only once a datasource answers. */
const ASKS = new Set(['query', 'datasource']);

export function VariableEditor(p: Props) {
  const v = p.list[p.index] ?? {};
  const type = asText(v.type) || 'query';
  const replace = (next: Json) => p.onList(replaceVariable(p.list, p.index, next));
  const set = (key: string, value: unknown) => replace(setField(v, key, value));

  // A query or datasource variable's `current` settles once the preview has its answer, and
  // only after an edit here: opening the form alone changes nothing.
  const [touched, setTouched] = useState(false);
  const edit = (next: Json) => {
    setTouched(true);
    replace(next);
  };
  const optionsKey = p.state?.status === 'ready' ? JSON.stringify(p.state.options) : null;
  useEffect(() => {
    if (!touched || !ASKS.has(type) || !p.state || p.state.status !== 'ready') return;
    const settled = settleCurrent(v, p.state.options);
    if (settled !== v) replace(settled);
  }, [touched, optionsKey]);

  const typeInfo = VARIABLE_TYPES.find((t) => t.type === type);
  return (
    <div class="settings-form variable-editor">
      <EditorBreadcrumb back="All variables" onBack={p.onBack} name={`$${asText(v.name)}`} />
      <h3 class="settings-heading first">General</h3>
      <Field label="Select variable type" help={typeInfo?.help}>
        {(id) => (
          <select
            id={id}
            value={type}
            onChange={(e) =>
              edit(changeType(v, e.currentTarget.value as EditableType, p.list, p.selected))
            }
          >
            {VARIABLE_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
            {!typeInfo && <option value={type}>{type} (not evaluated by Promscope)</option>}
          </select>
        )}
      </Field>
      <div class="field-row">
        <NameField key={p.index} list={p.list} index={p.index} onList={p.onList} />
        <Field label="Label" help="Optional display name">
          {(id) => (
            <input
              id={id}
              value={asText(v.label)}
              placeholder={asText(v.name)}
              onInput={(e) => set('label', e.currentTarget.value || undefined)}
            />
          )}
        </Field>
      </div>
      <Field label="Description">
        {(id) => (
          <input
            id={id}
            value={asText(v.description)}
            placeholder="Descriptive text"
            onInput={(e) => set('description', e.currentTarget.value || undefined)}
          />
        )}
      </Field>
      {type !== 'constant' && (
        <fieldset class="field">
          <legend>Show on dashboard</legend>
          <div class="segmented hide-modes">
            {HIDE_MODES.map(([mode, label]) => (
              <button
                key={mode}
                type="button"
                class="seg"
                aria-pressed={asFiniteNumber(v.hide, 0) === mode}
                onClick={() => set('hide', mode)}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {type === 'query' && (
        <QueryOptions
          v={v}
          set={set}
          edit={edit}
          list={p.list}
          datasources={p.datasources}
          selected={p.selected}
        />
      )}
      {type === 'custom' && (
        <>
          <h3 class="settings-heading">Custom options</h3>
          <Field
            label="Values separated by comma"
            help={
              <>
                <code>text : value</code> shows a value under another name; <code>\,</code> is a
                comma inside a value.
              </>
            }
          >
            {(id) => (
              <DraftText
                id={id}
                multiline
                value={queryText(v)}
                placeholder="1, 10, mykey : myvalue, myvalue, escaped\,value"
                onCommit={(t) => edit(withQuery(v, t))}
              />
            )}
          </Field>
        </>
      )}
      {type === 'constant' && (
        <>
          <h3 class="settings-heading">Constant options</h3>
          <Field
            label="Value"
            help="A hidden value every query can use, such as a metric prefix for a shared dashboard."
          >
            {(id) => (
              <DraftText
                id={id}
                value={queryText(v)}
                placeholder="your metric prefix"
                onCommit={(t) => edit(withQuery(v, t))}
              />
            )}
          </Field>
        </>
      )}
      {type === 'textbox' && (
        <>
          <h3 class="settings-heading">Text options</h3>
          <Field label="Default value" help="What the text box holds until someone types in it.">
            {(id) => (
              <DraftText
                id={id}
                value={queryText(v)}
                placeholder="default value, if any"
                onCommit={(t) => edit(withQuery(v, t))}
              />
            )}
          </Field>
        </>
      )}
      {type === 'interval' && <IntervalOptions v={v} set={set} edit={edit} />}
      {type === 'datasource' && <DatasourceOptions v={v} edit={edit} />}
      {SELECTION_TYPES.has(type) && (
        <>
          <h3 class="settings-heading">Selection options</h3>
          <Check
            label="Multi-value"
            help="Enables multiple values to be selected at the same time"
            checked={v.multi === true}
            onChange={(on) => edit(setField(v, 'multi', on))}
          />
          <Check
            label="Include All option"
            help="Enables an option to include all variables"
            checked={v.includeAll === true}
            onChange={(on) => edit(setField(v, 'includeAll', on))}
          />
          {v.includeAll === true && (
            <Field
              label="Custom all value"
              help="Sent instead of every value joined as a regex, e.g. .* (blank: every value)."
            >
              {(id) => (
                <input
                  id={id}
                  value={asText(v.allValue)}
                  placeholder="blank = auto"
                  onInput={(e) => set('allValue', e.currentTarget.value || undefined)}
                />
              )}
            </Field>
          )}
        </>
      )}

      <VariablePreview v={v} state={p.state} />

      <div class="modal-actions left variable-editor-actions">
        <button type="button" class="primary" onClick={p.onBack}>
          Back to list
        </button>
        <button type="button" class="danger" onClick={p.onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}

function NameField(p: { list: readonly Json[]; index: number; onList: (l: Json[]) => void }) {
  const stored = asText(p.list[p.index]?.name);
  const [text, setText] = useState(stored);
  const [error, setError] = useState(() => validateName(stored, p.list, p.index));
  const errorId = useId();
  // Renamed elsewhere (a new variable's name follows its type): show the new name.
  useEffect(() => {
    setText(stored);
    setError(validateName(stored, p.list, p.index));
  }, [stored]);
  return (
    <Field label="Name" help={error ? undefined : 'The name to use in queries: $name'}>
      {(id) => (
        <>
          <input
            id={id}
            class={error ? 'invalid' : ''}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => {
              const name = e.currentTarget.value;
              setText(name);
              const r = renameVariable(p.list, p.index, name);
              if ('error' in r) return setError(r.error);
              setError(null);
              p.onList(r.list);
            }}
          />
          {error && (
            <p id={errorId} class="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Field>
  );
}
