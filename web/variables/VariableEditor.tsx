// One variable's form in the Variables settings tab, laid out as Grafana's: general fields,
// the options of its type, selection options, and a preview of the values it offers. Edits go
// straight to the working copy (edit.ts keeps every field the form does not show); a name only
// once it is valid. Texts that cost a request (a query) apply when the field is left.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Datasource } from '../api/server.ts';
import type { EditableType, Json } from './edit.ts';
import {
  AUTO_COUNTS,
  changeType,
  datasourceKey,
  datasourceRef,
  datasourceVariables,
  HIDE_MODES,
  queryText,
  REFRESH_MODES,
  renameVariable,
  replaceVariable,
  SORT_MODES,
  setField,
  settleCurrent,
  VARIABLE_TYPES,
  validateName,
  withQuery,
} from './edit.ts';
import { ALL } from './model.ts';
import type { VariableState } from './resolve.ts';

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

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Types whose values are known only once a datasource answers. */
const ASKS = new Set(['query', 'datasource']);
const SELECTION = new Set(['query', 'custom']);

export function VariableEditor(p: Props) {
  const v = p.list[p.index] ?? {};
  const type = str(v.type) || 'query';
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
      <nav class="variable-editor-head" aria-label="Breadcrumb">
        <button type="button" class="variable-link" onClick={p.onBack}>
          All variables
        </button>
        <span aria-hidden="true">/</span>
        <span class="variable-editor-name">${str(v.name)}</span>
      </nav>
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
              value={str(v.label)}
              placeholder={str(v.name)}
              onInput={(e) => set('label', e.currentTarget.value || undefined)}
            />
          )}
        </Field>
      </div>
      <Field label="Description">
        {(id) => (
          <input
            id={id}
            value={str(v.description)}
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
                aria-pressed={num(v.hide, 0) === mode}
                onClick={() => set('hide', mode)}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {type === 'query' && <QueryOptions {...p} v={v} set={set} edit={edit} />}
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
      {SELECTION.has(type) && (
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
                  value={str(v.allValue)}
                  placeholder="blank = auto"
                  onInput={(e) => set('allValue', e.currentTarget.value || undefined)}
                />
              )}
            </Field>
          )}
        </>
      )}

      <Preview v={v} state={p.state} />

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

type SetField = (key: string, value: unknown) => void;

function NameField(p: { list: readonly Json[]; index: number; onList: (l: Json[]) => void }) {
  const stored = str(p.list[p.index]?.name);
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

function QueryOptions(p: Props & { v: Json; set: SetField; edit: (next: Json) => void }) {
  const { v, set, edit } = p;
  const key = datasourceKey(v.datasource, p.datasources);
  const dsVars = datasourceVariables(p.list);
  const known = new Set([
    '',
    ...dsVars.map((n) => `var:${n}`),
    ...p.datasources.map((d) => `uid:${d.uid}`),
  ]);
  const refresh = num(v.refresh, 1);
  return (
    <>
      <h3 class="settings-heading">Query options</h3>
      <Field label="Data source">
        {(id) => (
          <select
            id={id}
            value={key}
            onChange={(e) => edit(setField(v, 'datasource', datasourceRef(e.currentTarget.value)))}
          >
            {dsVars.map((n) => (
              <option key={n} value={`var:${n}`}>
                {`\${${n}}`}
              </option>
            ))}
            {p.datasources.map((d) => (
              <option key={d.uid} value={`uid:${d.uid}`}>
                {d.name}
              </option>
            ))}
            <option value="">Default ({p.selected.name})</option>
            {!known.has(key) && <option value={key}>{key.slice(4)} (not on this server)</option>}
          </select>
        )}
      </Field>
      <Field
        label="Query"
        help={
          <>
            One of <code>label_values(label)</code>, <code>label_values(metric, label)</code>,{' '}
            <code>label_names()</code>, <code>metrics(regex)</code>,{' '}
            <code>query_result(query)</code>, or a series selector. Other variables may be used,
            e.g. <code>$job</code>. Runs when you leave the field (or Ctrl+Enter).
          </>
        }
      >
        {(id) => (
          <DraftText
            id={id}
            multiline
            mono
            value={queryText(v)}
            placeholder='label_values(up{job="api"}, instance)'
            onCommit={(t) => edit(withQuery(v, t))}
          />
        )}
      </Field>
      <Field
        label="Regex"
        help="Optional: keeps the values that match; the first capture group (or named groups text and value) is what is used."
      >
        {(id) => (
          <DraftText
            id={id}
            mono
            value={str(v.regex)}
            placeholder="/.*-(?<text>.*)-(?<value>.*)-.*/"
            onCommit={(t) => edit(setField(v, 'regex', t))}
          />
        )}
      </Field>
      <div class="field-row">
        <Field label="Sort" help="How to sort the values of this variable">
          {(id) => (
            <select
              id={id}
              value={String(num(v.sort, 0))}
              onChange={(e) => set('sort', Number(e.currentTarget.value))}
            >
              {SORT_MODES.map(([n, label]) => (
                <option key={n} value={String(n)}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Refresh" help="When to update the values of this variable">
          {(id) => (
            <select
              id={id}
              value={String(refresh)}
              onChange={(e) => set('refresh', Number(e.currentTarget.value))}
            >
              {REFRESH_MODES.map(([n, label]) => (
                <option key={n} value={String(n)}>
                  {label}
                </option>
              ))}
              {!REFRESH_MODES.some(([n]) => n === refresh) && (
                <option value={String(refresh)}>Never (as saved)</option>
              )}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}

function IntervalOptions({ v, set, edit }: { v: Json; set: SetField; edit: (n: Json) => void }) {
  const count = num(v.auto_count, 30);
  return (
    <>
      <h3 class="settings-heading">Interval options</h3>
      <Field label="Values" help="Intervals separated by comma, e.g. 1m,10m,1h">
        {(id) => (
          <DraftText
            id={id}
            value={queryText(v)}
            placeholder="1m,10m,30m,1h,6h,12h,1d,7d,14d,30d"
            onCommit={(t) => edit(withQuery(v, t))}
          />
        )}
      </Field>
      <Check
        label="Auto option"
        help="Dynamically calculates the interval by dividing the time range by the step count"
        checked={v.auto === true}
        onChange={(on) => edit(setField(v, 'auto', on))}
      />
      {v.auto === true && (
        <div class="field-row">
          <Field label="Step count" help="How many times the time range is divided">
            {(id) => (
              <select
                id={id}
                value={String(count)}
                onChange={(e) => set('auto_count', Number(e.currentTarget.value))}
              >
                {(AUTO_COUNTS.includes(count) ? AUTO_COUNTS : [...AUTO_COUNTS, count]).map((n) => (
                  <option key={n} value={String(n)}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Min interval" help="The calculated value never goes below this">
            {(id) => (
              <DraftText
                id={id}
                value={str(v.auto_min) || '10s'}
                placeholder="10s"
                onCommit={(t) => set('auto_min', t)}
              />
            )}
          </Field>
        </div>
      )}
    </>
  );
}

function DatasourceOptions({ v, edit }: { v: Json; edit: (n: Json) => void }) {
  return (
    <>
      <h3 class="settings-heading">Data source options</h3>
      <Field label="Type">
        {(id) => (
          <select
            id={id}
            value={queryText(v) || 'prometheus'}
            onChange={(e) => edit(withQuery(v, e.currentTarget.value))}
          >
            <option value="prometheus">Prometheus</option>
          </select>
        )}
      </Field>
      <Field
        label="Instance name filter"
        help="Regex filter for which data source instances to choose from in the variable value list. Leave empty for all."
      >
        {(id) => (
          <DraftText
            id={id}
            mono
            value={str(v.regex)}
            placeholder="/.*-(.*)-.*/"
            onCommit={(t) => edit(setField(v, 'regex', t))}
          />
        )}
      </Field>
    </>
  );
}

const PREVIEW_MAX = 100;

function Preview({ v, state }: { v: Json; state: VariableState | undefined }) {
  const type = str(v.type) || 'query';
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
      v.includeAll === true && SELECTION.has(type)
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

function Field(p: {
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

function Check(p: {
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
function DraftText(p: {
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
