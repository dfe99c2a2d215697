// The dashboard's title bar: its title, in edit mode the tools (add a panel or a row,
// settings), Export when viewing, the time and refresh pickers, and Edit, Exit edit and Save.
// Before the title, Grafana's breadcrumb: "Dashboards › Folder ›", each crumb a link to the
// list (opened at that folder), so the folder a dashboard lives in is seen and one click away.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { Icon } from '../../ui/Icon.tsx';
import { lazy } from '../../ui/lazy.tsx';

/** The folder the dashboard is in (absent or uid '': General, no folder crumb). */
export interface FolderCrumb {
  uid?: string;
  title?: string;
  url?: string;
}

interface Props {
  title: string;
  folder?: FolderCrumb;
  /** The JSON as stored, for Export. */
  stored: Json;
  editing: boolean;
  isNew: boolean;
  readOnly: boolean;
  datasources: Datasource[];
  selected: Datasource;
  /** The time and refresh pickers. */
  controls: ComponentChildren;
  saveButton: ComponentChildren;
  onAddPanel: () => void;
  onAddRow: () => void;
  onSettings: () => void;
  onEdit: () => void;
  onExitEdit: () => void;
}

export function DashboardToolbar(p: Props) {
  return (
    <div class="toolbar">
      <div class="dash-heading">
        <Breadcrumb folder={p.folder} />
        <h1 class="dash-title">
          {p.title}
          {p.editing && <span class="badge edit-badge">Editing</span>}
        </h1>
      </div>
      <div class="toolbar-controls">
        {p.editing && (
          <div class="edit-tools">
            <button type="button" onClick={p.onAddPanel}>
              + Add visualization
            </button>
            <button type="button" onClick={p.onAddRow}>
              + Add row
            </button>
            <button type="button" onClick={p.onSettings}>
              <Icon name="cog" /> Settings
            </button>
          </div>
        )}
        {!p.editing && !p.isNew && (
          <ExportButton
            stored={p.stored}
            title={p.title}
            datasources={p.datasources}
            selected={p.selected}
          />
        )}
        {p.controls}
        {p.editing ? (
          <>
            {!p.isNew && (
              <button type="button" onClick={p.onExitEdit}>
                Exit edit
              </button>
            )}
            {p.saveButton}
          </>
        ) : (
          !p.readOnly && (
            <button type="button" onClick={p.onEdit}>
              <Icon name="edit" /> Edit
            </button>
          )
        )}
      </div>
    </div>
  );
}

// The export dialog (and export.ts) load when Export is first pressed, or hovered.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => m.ExportDialog));

function ExportButton(props: {
  stored: Record<string, unknown>;
  title: string;
  datasources: Datasource[];
  selected: Datasource;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void ExportDialog.preload()}
        onFocus={() => void ExportDialog.preload()}
      >
        Export
      </button>
      {open && <ExportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function Breadcrumb({ folder }: { folder?: FolderCrumb }) {
  const inFolder = folder?.uid && folder.title;
  return (
    <nav class="dash-breadcrumb" aria-label="Breadcrumb">
      <a href="/dashboards">Dashboards</a>
      <span class="crumb-sep" aria-hidden="true">
        ›
      </span>
      {inFolder && (
        <>
          <a href={folder.url || `/dashboards/f/${encodeURIComponent(folder.uid!)}`}>
            {folder.title}
          </a>
          <span class="crumb-sep" aria-hidden="true">
            ›
          </span>
        </>
      )}
    </nav>
  );
}
