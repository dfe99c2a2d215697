// The editor of one annotation entry in the Annotations tab of dashboard settings, with
// Grafana's fields: name, enabled, hidden, colour, show in, and for a Prometheus entry its
// datasource, query, min step, title, text, tags and value as time. Apart from the tab
// (AnnotationsSettings.tsx: the list, the order, delete) because it is a form of its own; each
// field is a patch the tab applies to the working copy through annotation-edit.ts.
import { asArray, asRecord, asString, asText } from '../../../contract/json.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { EditorBreadcrumb } from '../../ui/EditorBreadcrumb.tsx';
import { Check, DraftText, Field } from '../../variables/FormControls.tsx';
import type { ShowIn } from '../edit/annotation-edit.ts';
import { DS_VARIABLE, filterFor, isBuiltInAnnotation, showInOf } from '../edit/annotation-edit.ts';

export function AnnotationEditor(p: {
  entry: Json;
  panels: { id: number; title: string }[];
  datasources: { uid: string; name: string }[];
  onPatch: (patch: Json) => void;
  onBack: () => void;
  onDelete?: () => void;
}) {
  const a = p.entry;
  const builtIn = isBuiltInAnnotation(a);
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
      <EditorBreadcrumb back="All annotations" onBack={p.onBack} name={asText(a.name)} />
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
