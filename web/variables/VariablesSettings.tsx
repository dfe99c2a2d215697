// The Variables tab of dashboard settings (`?editview=variables`, `&editIndex=<n>` for one
// variable, Grafana's parameters): the list in evaluation order, with new, edit, duplicate,
// delete and move; and the editor of one variable. Everything changes the working copy's
// `templating.list` through edit.ts.

import { useState } from 'preact/hooks';
import { asString } from '../../contract/json.ts';
import type { Datasource } from '../api/server.ts';
import { setParams, useLocation } from '../nav/router.ts';
import { Icon, IconButton } from '../ui/Icon.tsx';
import { ConfirmDialog } from '../ui/Modal.tsx';
import { definitionOf, newVariable } from './edit.ts';
import { VARIABLE_TYPES } from './edit-choices.ts';
import type { Json } from './edit-list.ts';
import {
  duplicateVariable,
  moveVariable,
  referencedVariables,
  removeVariable,
  validateName,
  variablesOf,
  withVariables,
} from './edit-list.ts';
import type { VariableState } from './resolve.ts';
import { VariableEditor } from './VariableEditor.tsx';

const typeLabel = (type: unknown) =>
  VARIABLE_TYPES.find((t) => t.type === type)?.label ?? (asString(type) || 'Query');

/**
 * What the tab is handed: the same as every settings tab (dashboard/settings-tabs.tsx), named
 * here so that variables/ need not import the dashboard page built on it.
 */
export interface VariablesSettingsProps {
  dashboard: Json;
  onChange: (next: Json) => void;
  /** The server's datasources and the one selected in the header (the default). */
  datasources: readonly Datasource[];
  selected: Datasource;
  /** The working copy's variables as the dashboard evaluates them live (for previews). */
  variables: readonly VariableState[];
}

export function VariablesSettings(p: VariablesSettingsProps) {
  const { params } = useLocation();
  const list = variablesOf(p.dashboard);
  const setList = (next: Json[]) => p.onChange(withVariables(p.dashboard, next));
  const [confirm, setConfirm] = useState<number | null>(null);
  const raw = params.get('editIndex');
  const index = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  const open = (i: number | null) => setParams({ editIndex: i === null ? null : String(i) });

  const create = () => {
    setList([...list, newVariable(list, 'query', p.selected)]);
    open(list.length);
  };
  const remove = (i: number) => {
    setConfirm(null);
    setList(removeVariable(list, i));
    if (index !== null) open(null);
  };
  const toDelete = confirm !== null ? list[confirm] : undefined;
  const dialog = toDelete && (
    <ConfirmDialog
      title="Delete variable"
      message={`Delete the variable “${asString(toDelete.name) || 'unnamed'}”? Queries that use it will no longer be interpolated.`}
      onCancel={() => setConfirm(null)}
      actions={[{ label: 'Delete', kind: 'danger', onClick: () => remove(confirm!) }]}
    />
  );

  if (index !== null && list[index]) {
    const name = asString(list[index].name);
    return (
      <>
        <VariableEditor
          key={index}
          list={list}
          index={index}
          onList={setList}
          datasources={p.datasources}
          selected={p.selected}
          state={p.variables.find((s) => s.def.name === name)}
          onBack={() => open(null)}
          onDelete={() => setConfirm(index)}
        />
        {dialog}
      </>
    );
  }

  if (list.length === 0) {
    return (
      <section class="variables-empty" aria-label="No variables">
        <h3>There are no variables added yet</h3>
        <p class="settings-help">
          Variables make dashboards interactive: a picker at the top of the dashboard changes a
          value every query can use, such as <code>$job</code> or <code>$instance</code>.
        </p>
        <button type="button" class="primary" onClick={create}>
          <Icon name="plus" /> Add variable
        </button>
      </section>
    );
  }

  const used = referencedVariables(p.dashboard);
  return (
    <div class="variables-settings">
      <table class="variables-table" aria-label="Variables">
        <thead class="variables-head">
          <tr>
            <th>Variable</th>
            <th>Type</th>
            <th>Definition</th>
            <th>
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((v, i) => {
            const name = asString(v.name);
            const invalid = validateName(name, list, i);
            return (
              <tr key={`${i}:${name}`} data-variable-row={name}>
                <td class="variable-cell">
                  <button
                    type="button"
                    class="variable-link"
                    aria-label={`Edit variable ${name}`}
                    onClick={() => open(i)}
                  >
                    ${name}
                  </button>
                  {typeof v.label === 'string' && v.label && (
                    <span class="variable-sublabel">{v.label}</span>
                  )}
                  {invalid ? (
                    <span class="badge bad" title={invalid}>
                      invalid name
                    </span>
                  ) : (
                    !used.has(name) && (
                      <span
                        class="badge"
                        title="Not referenced by any panel or other variable of this dashboard"
                      >
                        unused
                      </span>
                    )
                  )}
                </td>
                <td class="variable-type">{typeLabel(v.type)}</td>
                <td class="variable-definition">{definitionOf(v)}</td>
                <td class="variable-actions">
                  <IconButton
                    icon="up"
                    label={`Move ${name} up`}
                    title="Move up"
                    disabled={i === 0}
                    onClick={() => setList(moveVariable(list, i, -1))}
                  />
                  <IconButton
                    icon="down"
                    label={`Move ${name} down`}
                    title="Move down"
                    disabled={i === list.length - 1}
                    onClick={() => setList(moveVariable(list, i, 1))}
                  />
                  <IconButton
                    icon="copy"
                    label={`Duplicate ${name}`}
                    title="Duplicate"
                    onClick={() => setList(duplicateVariable(list, i).list)}
                  />
                  <IconButton
                    icon="trash"
                    label={`Delete ${name}`}
                    title="Delete"
                    danger
                    onClick={() => setConfirm(i)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="settings-help">
        The dashboard shows the pickers in this order. A variable may use others in its query (
        <code>$job</code>); it is then evaluated after them.
      </p>
      <div>
        <button type="button" class="primary" onClick={create}>
          <Icon name="plus" /> New variable
        </button>
      </div>
      {dialog}
    </div>
  );
}
