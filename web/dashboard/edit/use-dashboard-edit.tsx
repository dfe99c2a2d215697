// Edit mode as the dashboard page holds it. "Edit" works on a copy of the JSON as loaded
// (unknown fields untouched), which the page shows instead while there is one: the panel
// menu's "Edit" and a pasted `?editPanel=`/`?editview=` URL make it, as in Grafana. Here is
// what the toolbar, the grids and the editors do to that copy (add, duplicate and remove
// panels and rows, with the confirmations), "Save", and the guard that asks before leaving
// with unsaved changes, in the app and in the browser.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DashboardResponse } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import {
  addPanel,
  addRow,
  duplicatePanel,
  removePanel,
  sameJson,
  withIds,
} from '../../model/dashboard-edit.ts';
import { normaliseDashboard } from '../../model/model.ts';
import { takePendingPanel } from '../../model/pending-panel.ts';
import { navigate, setParams } from '../../nav/router.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { GridEdit } from './EditGrid.tsx';
import type { Confirm } from './EditParts.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';
import { useSaveFlow } from './use-save-flow.tsx';

// The confirmations are shown only in edit mode: a chunk of their own.
const ConfirmLayer = lazy(() => import('./EditParts.tsx').then((m) => m.ConfirmLayer));

interface Args {
  /** Absent for /dashboard/new. */
  uid?: string;
  isNew: boolean;
  loaded: DashboardResponse;
  params: URLSearchParams;
  readOnly: boolean;
}

export function useDashboardEdit({ uid, isNew, loaded, params, readOnly }: Args) {
  const original = useMemo(() => withIds(loaded.dashboard), [loaded]);
  // The working copy; null when not editing.
  const [work, setWork] = useState<Json | null>(() => {
    const pending = takePendingPanel(uid ?? '');
    if (pending) return addPanel(original, pending).dashboard;
    return isNew ? original : null;
  });
  const editing = work !== null && !readOnly;
  const dirty = work !== null && !sameJson(work, original);
  const shown = work ?? loaded.dashboard;
  const dash = useMemo(() => normaliseDashboard(shown), [shown]);
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  const editPanel = params.get('editPanel');
  const editview = params.get('editview');
  // The panel menu's "Edit" and a pasted editor URL open edit mode as in Grafana.
  useEffect(() => {
    if ((editPanel || editview) && !readOnly && work === null) setWork(original);
  }, [editPanel, editview, readOnly]);
  useEffect(() => {
    document.title = `${dirty ? '* ' : ''}${dash.title} · Promscope`;
  }, [dash.title, dirty]);

  const leaving = useLeaveGuard(dirty, (url) => setConfirm({ kind: 'leave', url }));
  const closeEditors = () => setParams({ editPanel: null, editview: null, editIndex: null });
  const { saveButton, saveDialog } = useSaveFlow({
    uid,
    isNew,
    loaded,
    params,
    current: work ?? original,
    title: dash.title,
    editing,
    dirty,
    leaving,
    onDone: () => {
      setWork(null);
      closeEditors();
    },
  });

  // The panel "Add visualization" just made, until its editor is closed.
  const [fresh, setFresh] = useState<number | null>(null);
  const addNewPanel = (from: Json) => {
    const { dashboard, id } = addPanel(from);
    setWork(dashboard);
    setFresh(id);
    setParams({ editPanel: String(id) });
  };

  const dialogs = (
    <>
      {saveDialog}
      {confirm && (
        <ConfirmLayer
          confirm={confirm}
          work={work}
          onCancel={() => setConfirm(null)}
          onRemove={(id, keepPanels) => {
            setConfirm(null);
            if (work) setWork(removePanel(work, id, keepPanels));
          }}
          onDiscard={() => {
            setConfirm(null);
            leaving.current = confirm.kind === 'leave';
            setWork(null);
            if (confirm.kind === 'leave') navigate(confirm.url, { force: true });
            else closeEditors();
          }}
        />
      )}
    </>
  );

  const change = (next: Json) => setWork(next);
  // What the draggable grid does to the copy.
  const grid: GridEdit | undefined = editing
    ? {
        dashboard: work,
        onChange: change,
        onEditPanel: (id) => setParams({ editPanel: String(id) }),
        onDuplicate: (id) => setWork(duplicatePanel(work, id).dashboard),
        onRemove: (id) => setConfirm({ kind: 'remove', id }),
      }
    : undefined;

  return {
    /** The working copy while editing, else null. */
    work: editing ? work : null,
    editing,
    /** What the page shows: the working copy while there is one, else the JSON as loaded. */
    shown,
    /** `shown` read with defaults. */
    dash,
    editPanel,
    editview,
    /** The panel "Add visualization" just made, until its editor is closed. */
    fresh,
    /** "Save" while editing (else nothing), and its dialog. */
    saveButton,
    /** The save dialog and the confirmations, for every view of the page. */
    dialogs,
    grid,
    change,
    update: (f: (w: Json) => Json) => setWork((w) => (w ? f(w) : w)),
    start: () => setWork(original),
    exit: () => {
      if (dirty) return setConfirm({ kind: 'exit' });
      setWork(null);
      closeEditors();
    },
    closeEditors,
    closePanelEditor: () => {
      setFresh(null);
      setParams({ editPanel: null });
    },
    addPanel: () => work && addNewPanel(work),
    addRow: () => work && setWork(addRow(work).dashboard),
  };
}
