// "Save" in edit mode: the button, and whether its dialog is open. What a save does, and the
// dialog, are SaveFlow.tsx, a chunk of its own fetched when the dialog first opens, so the
// first load carries only this.
import { useState } from 'preact/hooks';
import type { DashboardResponse } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { SaveMode } from './SaveDialog.tsx';

const SaveFlow = lazy(() => import('./SaveFlow.tsx').then((m) => m.SaveFlow));

export interface SaveFlowOptions {
  /** Absent for a new dashboard. */
  uid?: string;
  isNew: boolean;
  loaded: DashboardResponse;
  params: URLSearchParams;
  /** The working copy (or the dashboard as loaded). */
  current: Json;
  title: string;
  /** The leave guard's "leaving on purpose" (use-leave-guard.ts). */
  leaving: { current: boolean };
  /** Saved in place, or reloading: leave edit mode. */
  onDone: () => void;
}

export function useSaveFlow(o: SaveFlowOptions & { editing: boolean; dirty: boolean }) {
  const [saving, setSaving] = useState<SaveMode | null>(null);
  const canSaveInPlace = o.loaded.meta.canSave !== false && !o.loaded.meta.provisioned;

  const saveButton = o.editing && (
    <button
      type="button"
      class={o.dirty ? 'primary' : ''}
      onClick={() => setSaving(o.isNew ? 'new' : canSaveInPlace ? 'save' : 'copy')}
      title={o.dirty ? 'Unsaved changes' : 'No changes to save'}
    >
      {o.isNew || canSaveInPlace ? 'Save dashboard' : 'Save as copy'}
      {o.dirty && <span class="dirty-dot" aria-hidden="true" />}
    </button>
  );

  const saveDialog = saving && <SaveFlow {...o} mode={saving} close={() => setSaving(null)} />;

  return { saveButton, saveDialog };
}
