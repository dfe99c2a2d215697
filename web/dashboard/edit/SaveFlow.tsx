// What "Save dashboard" does once clicked: the dialog, the body per mode (in place with the
// version the dashboard was loaded at, as a copy under a new uid, or a new dashboard), and
// what a save leaves behind — the query cache holds the stored dashboard, the list is
// refetched, and a new dashboard or a copy opens where it now lives. A chunk of its own with
// the dialog (use-save-flow.tsx keeps only the button and the open/closed state in the first
// load): viewers never load it.
import type { DashboardResponse, SaveAnswer } from '../../api/server.ts';
import { saveDashboard } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { saveBody } from '../../model/dashboard-edit.ts';
import { navigate } from '../../nav/router.ts';
import { queryClient } from '../../query/client.ts';
import type { SaveMode, SaveRequest } from './SaveDialog.tsx';
import { SaveDialog } from './SaveDialog.tsx';
import type { SaveFlowOptions } from './use-save-flow.tsx';

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

export function SaveFlow({
  mode,
  close,
  ...o
}: SaveFlowOptions & { mode: SaveMode; close: () => void }) {
  const save = async (req: SaveRequest): Promise<SaveAnswer> => {
    const body = saveBody(mode, o.current, req, o.loaded.meta.version);
    const answer = await saveAndCache(body, req);
    close();
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
    close();
    o.onDone();
    void queryClient.invalidateQueries({ queryKey: ['dashboard', o.uid ?? ''] });
  };

  return (
    <SaveDialog
      mode={mode}
      title={o.title}
      note={
        mode === 'copy'
          ? o.loaded.meta.provisioned
            ? 'This dashboard is provisioned from a file on the server and cannot be saved in place. Save your changes as a new dashboard.'
            : 'This dashboard cannot be saved in place. Save your changes as a new dashboard.'
          : undefined
      }
      folderUid={o.loaded.meta.folderUid}
      onSave={save}
      onReload={reload}
      onClose={close}
    />
  );
}
