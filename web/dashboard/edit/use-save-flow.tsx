// "Save" in edit mode: the button, the dialog, and what a save sends and leaves behind. The
// body per mode (in place with the version the dashboard was loaded at, as a copy under a new
// uid, or a new dashboard); once the server has it, the query cache holds the stored
// dashboard, the list is refetched, and a new dashboard or a copy opens where it now lives.

import { useState } from 'preact/hooks';
import type { DashboardResponse, SaveAnswer } from '../../api/server.ts';
import { saveDashboard } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { saveBody } from '../../model/dashboard-edit.ts';
import { navigate } from '../../nav/router.ts';
import { queryClient } from '../../query/client.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { SaveMode, SaveRequest } from './SaveDialog.tsx';

// A chunk of its own: viewers never load it.
const SaveDialog = lazy(() => import('./SaveDialog.tsx').then((m) => m.SaveDialog));

async function saveAndCache(body: Json, req: SaveRequest): Promise<SaveAnswer> {
  const answer = await saveDashboard(body, {
    overwrite: req.overwrite,
    message: req.message,
    folderUid: req.folderUid,
  });
  queryClient.setQueryData<DashboardResponse>(['dashboard', answer.uid], {
    dashboard: { ...body, uid: answer.uid, version: answer.version },
    meta: {
      version: answer.version,
      provisioned: false,
      canSave: true,
      slug: answer.slug,
      url: answer.url,
      folderUid: answer.folderUid ?? req.folderUid,
    },
  });
  void queryClient.invalidateQueries({ queryKey: ['folders'] });
  void queryClient.invalidateQueries({ queryKey: ['search'] });
  return answer;
}

interface Options {
  /** Absent for a new dashboard. */
  uid?: string;
  isNew: boolean;
  loaded: DashboardResponse;
  params: URLSearchParams;
  /** The working copy (or the dashboard as loaded). */
  current: Json;
  title: string;
  editing: boolean;
  dirty: boolean;
  /** The leave guard's "leaving on purpose" (use-leave-guard.ts). */
  leaving: { current: boolean };
  /** Saved in place, or reloading: leave edit mode. */
  onDone: () => void;
}

export function useSaveFlow(o: Options) {
  const [saving, setSaving] = useState<SaveMode | null>(null);
  const canSaveInPlace = o.loaded.meta.canSave !== false && !o.loaded.meta.provisioned;

  const save = async (req: SaveRequest): Promise<SaveAnswer> => {
    const body = saveBody(saving ?? 'save', o.current, req, o.loaded.meta.version);
    const answer = await saveAndCache(body, req);
    setSaving(null);
    if (answer.uid !== o.uid) {
      // A new dashboard or a copy: open it where it now lives, keeping the time in the URL.
      o.leaving.current = true;
      const keep = new URLSearchParams(o.params);
      keep.delete('editPanel');
      keep.delete('editview');
      keep.delete('editIndex');
      const qs = keep.toString();
      navigate(`${answer.url}${qs ? `?${qs}` : ''}`, { replace: o.isNew, force: true });
    } else o.onDone();
    return answer;
  };

  const reload = () => {
    setSaving(null);
    o.onDone();
    void queryClient.invalidateQueries({ queryKey: ['dashboard', o.uid ?? ''] });
  };

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

  const saveDialog = saving && (
    <SaveDialog
      mode={saving}
      title={o.title}
      note={
        saving === 'copy'
          ? o.loaded.meta.provisioned
            ? 'This dashboard is provisioned from a file on the server and cannot be saved in place. Save your changes as a new dashboard.'
            : 'This dashboard cannot be saved in place. Save your changes as a new dashboard.'
          : undefined
      }
      folderUid={o.loaded.meta.folderUid}
      onSave={save}
      onReload={reload}
      onClose={() => setSaving(null)}
    />
  );

  return { saveButton, saveDialog };
}
