// The Annotations tab of dashboard settings (`?editview=annotations`, `&editIndex=<n>` for one
// entry, Grafana's parameters): the entries in order, with new, move and delete; and the editor
// of one entry (AnnotationEditor.tsx). The built-in "Annotations & Alerts" entry keeps its query
// (Prometheus' ALERTS here) and cannot be deleted, as in Grafana. Everything changes the working
// copy through annotation-edit.ts.
import { useState } from 'preact/hooks';
import { asArray, asRecord, asString, asText, isRecord } from '../../../contract/json.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { setParams, useLocation } from '../../nav/router.ts';
import { Icon, IconButton } from '../../ui/Icon.tsx';
import { ConfirmDialog } from '../../ui/Modal.tsx';
import {
  annotationsOf,
  DS_VARIABLE,
  isBuiltInAnnotation,
  moveAnnotation,
  newAnnotation,
  removeAnnotation,
  updateAnnotation,
  withAnnotations,
} from '../edit/annotation-edit.ts';
import { AnnotationEditor } from './AnnotationEditor.tsx';
import type { SettingsTabProps } from './settings-tabs.tsx';

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
  if (isBuiltInAnnotation(a)) return 'Prometheus alerts (ALERTS)';
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
          onDelete={isBuiltInAnnotation(entry) ? undefined : () => setConfirm(index)}
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
                    {!isBuiltInAnnotation(a) && asString(a.expr) && `: ${asString(a.expr)}`}
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
                        isBuiltInAnnotation(a)
                          ? 'The built-in entry can be disabled, not deleted'
                          : 'Delete'
                      }
                      danger
                      disabled={isBuiltInAnnotation(a)}
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
