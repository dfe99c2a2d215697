// The Annotations tab of dashboard settings (`?editview=annotations`, `&editIndex=<n>` for one
// entry, Grafana's parameters): the entries in order, with new, move and delete; and the editor
// of one entry with Grafana's fields (name, enabled, hidden, colour, show in, and for a
// Prometheus entry its datasource, query, min step, title, text, tags, value as time). The
// built-in "Annotations & Alerts" entry keeps its query (Prometheus' ALERTS here) and cannot be
// deleted, as in Grafana. Everything changes the working copy through annotation-edit.ts.
import { useState } from 'preact/hooks';
import { asArray, asRecord, asString, asText, isRecord } from '../../../contract/json.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { setParams, useLocation } from '../../nav/router.ts';
import { Icon, IconButton } from '../../ui/Icon.tsx';
import { ConfirmDialog } from '../../ui/Modal.tsx';
import { Check, DraftText, Field } from '../../variables/FormControls.tsx';
import type { ShowIn } from '../edit/annotation-edit.ts';
import {
  annotationsOf,
  DS_VARIABLE,
  filterFor,
  moveAnnotation,
  newAnnotation,
  removeAnnotation,
  showInOf,
  updateAnnotation,
  withAnnotations,
} from '../edit/annotation-edit.ts';
import type { SettingsTabProps } from './settings-tabs.tsx';

const isBuiltIn = (a: Json) => a.builtIn === 1 || a.builtIn === true;

/** The panels of the dashboard, rows' collapsed panels too, for "Show in". */
function panelsOf(dashboard: Json): { id: number; title: string }[] {
  const out: { id: number; title: string }[] = [];
  const walk = (list: unknown) => {
    for (const p of asArray(list).filter(isRecord)) {
      if (p.type === 'row') walk(p.panels);
      else if (typeof p.id === 'number') out.push({ id: p.id, title: asString(p.title) });
    }
  };
  walk(dashboard.panels);
  return out;
}

function datasourceText(a: Json): string {
  if (isBuiltIn(a)) return 'Prometheus alerts (ALERTS)';
  const ds = a.datasource;
  const uid = typeof ds === 'string' ? ds : asString(asRecord(ds).uid);
  return uid === '' || uid === DS_VARIABLE ? 'Dashboard datasource' : uid;
}

export function AnnotationsSettings(p: SettingsTabProps) {
  const { params } = useLocation();
  const list = annotationsOf(p.dashboard);
  const setList = (next: Json[]) => p.onChange(withAnnotations(p.dashboard, next));
  const [confirm, setConfirm] = useState<number | null>(null);
  const raw = params.get('editIndex');
  const index = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  const open = (i: number | null) => setParams({ editIndex: i === null ? null : String(i) });
  const create = () => {
    setList([...list, newAnnotation(list)]);
    open(list.length);
  };
  const toDelete = confirm !== null ? list[confirm] : undefined;
  const dialog = toDelete && (
    <ConfirmDialog
      title="Delete annotation"
      message={`Delete the annotation “${asText(toDelete.name) || 'unnamed'}”?`}
      onCancel={() => setConfirm(null)}
      actions={[
        {
          label: 'Delete',
          kind: 'danger',
          onClick: () => {
            setList(removeAnnotation(list, confirm!));
            setConfirm(null);
            open(null);
          },
        },
      ]}
    />
  );

  const entry = index !== null ? list[index] : undefined;
  if (index !== null && entry) {
    return (
      <>
        <AnnotationEditor
          key={index}
          entry={entry}
          panels={panelsOf(p.dashboard)}
          datasources={p.datasources.map((d) => ({ uid: d.uid, name: d.name }))}
          onPatch={(patch) => setList(updateAnnotation(list, index, patch))}
          onBack={() => open(null)}
          onDelete={isBuiltIn(entry) ? undefined : () => setConfirm(index)}
        />
        {dialog}
      </>
    );
  }

  return (
    <div class="variables-settings">
      {list.length > 0 ? (
        <table class="variables-table" aria-label="Annotations">
          <thead class="variables-head">
            <tr>
              <th>Name</th>
              <th>Query</th>
              <th>
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a, i) => {
              const name = asText(a.name) || 'unnamed';
              return (
                <tr key={`${i}:${name}`} data-annotation-row={name}>
                  <td class="variable-cell">
                    <button
                      type="button"
                      class="variable-link"
                      aria-label={`Edit annotation ${name}`}
                      onClick={() => open(i)}
                    >
                      {name}
                    </button>
                    {a.enable !== true && <span class="badge">disabled</span>}
                    {a.hide === true && <span class="badge">hidden</span>}
                  </td>
                  <td class="variable-definition">
                    {datasourceText(a)}
                    {!isBuiltIn(a) && asString(a.expr) && `: ${asString(a.expr)}`}
                  </td>
                  <td class="variable-actions">
                    <IconButton
                      icon="up"
                      label={`Move ${name} up`}
                      title="Move up"
                      disabled={i === 0}
                      onClick={() => setList(moveAnnotation(list, i, -1))}
                    />
                    <IconButton
                      icon="down"
                      label={`Move ${name} down`}
                      title="Move down"
                      disabled={i === list.length - 1}
                      onClick={() => setList(moveAnnotation(list, i, 1))}
                    />
                    <IconButton
                      icon="trash"
                      label={`Delete ${name}`}
                      title={
                        isBuiltIn(a) ? 'The built-in entry can be disabled, not deleted' : 'Delete'
                      }
                      danger
                      disabled={isBuiltIn(a)}
                      onClick={() => setConfirm(i)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="settings-help">There are no annotations yet.</p>
      )}
      <p class="settings-help">
        An annotation marks events on every panel with a time axis: each point of its query above
        zero is active, and active points one step apart make a region. Entries are queried once per
        refresh, in this order.
      </p>
      <div>
        <button type="button" class="primary" onClick={create}>
          <Icon name="plus" /> New annotation
        </button>
      </div>
      {dialog}
    </div>
  );
}

function AnnotationEditor(p: {
  entry: Json;
  panels: { id: number; title: string }[];
  datasources: { uid: string; name: string }[];
  onPatch: (patch: Json) => void;
  onBack: () => void;
  onDelete?: () => void;
}) {
  const a = p.entry;
  const builtIn = isBuiltIn(a);
  const showIn = showInOf(a);
  const ids = asArray(asRecord(a.filter).ids).filter((v): v is number => typeof v === 'number');
  const dsUid = asString(asRecord(a.datasource).uid) || asString(a.datasource) || DS_VARIABLE;
  const text = (label: string, key: string, help: string, extra: { mono?: boolean } = {}) => (
    <Field label={label} help={help}>
      {(id) => (
        <DraftText
          id={id}
          value={asText(a[key])}
          mono={extra.mono}
          onCommit={(v) => p.onPatch({ [key]: v })}
        />
      )}
    </Field>
  );
  return (
    <div class="settings-form variable-editor">
      <nav class="variable-editor-head" aria-label="Breadcrumb">
        <button type="button" class="variable-link" onClick={p.onBack}>
          All annotations
        </button>
        <span aria-hidden="true">/</span>
        <span class="variable-editor-name">{asText(a.name)}</span>
      </nav>
      <h3 class="settings-heading first">General</h3>
      {text('Name', 'name', 'Shown beside its switch on the dashboard.')}
      <Check
        label="Enabled"
        help="Queried and drawn when the dashboard opens; viewers can switch it."
        checked={a.enable === true}
        onChange={(on) => p.onPatch({ enable: on })}
      />
      <Check
        label="Hidden"
        help="No switch on the dashboard; still drawn while enabled."
        checked={a.hide === true}
        onChange={(on) => p.onPatch({ hide: on })}
      />
      {text('Color', 'iconColor', 'A Grafana colour name (red, green…), #hex or rgba().')}
      <Field label="Show in" help="The panels that draw this annotation.">
        {(id) => (
          <select
            id={id}
            value={showIn}
            onChange={(e) => p.onPatch(filterFor(e.currentTarget.value as ShowIn, ids))}
          >
            <option value="all">All panels</option>
            <option value="selected">Selected panels</option>
            <option value="except">All panels except</option>
          </select>
        )}
      </Field>
      {showIn !== 'all' && (
        <fieldset class="annotation-panels" aria-label="Panels">
          {p.panels.map((panel) => (
            <label key={panel.id} class="check-row">
              <input
                type="checkbox"
                checked={ids.includes(panel.id)}
                onChange={(e) =>
                  p.onPatch(
                    filterFor(
                      showIn,
                      e.currentTarget.checked
                        ? [...ids, panel.id]
                        : ids.filter((i) => i !== panel.id),
                    ),
                  )
                }
              />
              <span>{panel.title || `Panel ${panel.id}`}</span>
            </label>
          ))}
        </fieldset>
      )}
      {builtIn ? (
        <p class="settings-help">
          Promscope has no annotation store: this entry shows Prometheus' alerts instead, a marker
          at each change of an alert's state (from the <code>ALERTS</code> series).
        </p>
      ) : (
        <>
          <h3 class="settings-heading">Query</h3>
          <Field label="Data source">
            {(id) => (
              <select
                id={id}
                value={dsUid}
                onChange={(e) =>
                  p.onPatch({ datasource: { type: 'prometheus', uid: e.currentTarget.value } })
                }
              >
                <option value={DS_VARIABLE}>Dashboard datasource</option>
                {p.datasources.map((d) => (
                  <option key={d.uid} value={d.uid}>
                    {d.name}
                  </option>
                ))}
                {dsUid !== DS_VARIABLE && !p.datasources.some((d) => d.uid === dsUid) && (
                  <option value={dsUid}>{dsUid}</option>
                )}
              </select>
            )}
          </Field>
          {text('Query', 'expr', 'PromQL; every point above zero is an event.', { mono: true })}
          {text('Min step', 'step', 'e.g. 1m; points this far apart join into one region.')}
          {text('Title', 'titleFormat', 'Labels as {{label}}, e.g. {{job}} restarted.')}
          {text('Text', 'textFormat', 'Labels as {{label}}.')}
          {text('Tags', 'tagKeys', 'Label names whose values become tags, comma-separated.')}
          <Check
            label="Series value as timestamp"
            help="The value is the event's time in milliseconds."
            checked={a.useValueForTime === true}
            onChange={(on) => p.onPatch({ useValueForTime: on })}
          />
        </>
      )}
      <div class="modal-actions left variable-editor-actions">
        <button type="button" class="primary" onClick={p.onBack}>
          Back to list
        </button>
        {p.onDelete && (
          <button type="button" class="danger" onClick={p.onDelete}>
            Delete
          </button>
        )}
      </div>
    </div>
  );
}
