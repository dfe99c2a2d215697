// "Save dashboard": a message for the history, then POST /api/dashboards/db with the version
// the working copy was loaded at. A stale version (412) turns the dialog into the conflict
// question: reload the stored dashboard (losing these changes) or overwrite it. A provisioned
// dashboard cannot be saved in place, so it is saved as a copy under a new title and uid; a
// new dashboard gets its title here. Refusals (400, 403) are shown in the server's words and
// the working copy stays as it was.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.ts';
import type { SaveAnswer } from '../../api/server.ts';
import { Modal } from '../../ui/Modal.tsx';
import { FolderSelect } from '../list/FolderSelect.tsx';
import '../../ui/editor-forms.css';
import './SaveDialog.css';

export type SaveMode = 'save' | 'copy' | 'new';

export interface SaveRequest {
  message: string;
  overwrite: boolean;
  /** For a copy or a new dashboard: its title. */
  title?: string;
  /** The folder to save in; '' for General ("Dashboards"). */
  folderUid: string;
}

interface Props {
  mode: SaveMode;
  title: string;
  /** Why "save" is not possible in place (a provisioned dashboard), shown above a copy. */
  note?: string;
  /** The folder the dashboard is in now ('' or absent: General). */
  folderUid?: string;
  onSave: (req: SaveRequest) => Promise<SaveAnswer>;
  onReload: () => void;
  onClose: () => void;
}

export function SaveDialog({ mode, title, note, folderUid, onSave, onReload, onClose }: Props) {
  const [message, setMessage] = useState('');
  const [folder, setFolder] = useState(folderUid ?? '');
  const [name, setName] = useState(mode === 'copy' ? `${title} Copy` : title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const run = async (overwrite: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onSave({
        message,
        overwrite,
        folderUid: folder,
        ...(mode === 'save' ? {} : { title: name.trim() }),
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true);
      else setError(describe(err));
    } finally {
      setBusy(false);
    }
  };

  if (conflict) {
    return (
      <Modal title="Someone else has updated this dashboard" onClose={onClose}>
        <div class="modal-body">
          <p class="modal-text">
            The stored dashboard changed since you opened it. Reload it (your unsaved changes are
            lost) or overwrite it with yours.
          </p>
          {error && (
            <p class="query-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div class="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={onReload}>
            Reload
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void run(true)}>
            {busy ? 'Saving…' : 'Overwrite'}
          </button>
        </div>
      </Modal>
    );
  }

  const heading =
    mode === 'save' ? 'Save dashboard' : mode === 'copy' ? 'Save as copy' : 'Save new dashboard';
  return (
    <Modal title={heading} onClose={onClose}>
      <form
        class="modal-body save-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        {note && <p class="save-note">{note}</p>}
        {mode !== 'save' && (
          <label class="field">
            <span>Title</span>
            <input
              value={name}
              required
              ref={(el) => el?.focus()}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </label>
        )}
        <FolderSelect value={folder} onChange={setFolder} />
        <label class="field">
          <span>Message (optional)</span>
          <textarea
            rows={3}
            value={message}
            placeholder="Describe what changed, for the version history"
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="query-error" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            class="primary"
            disabled={busy || (mode !== 'save' && !name.trim())}
          >
            {busy ? 'Saving…' : mode === 'copy' ? 'Save as copy' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function describe(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 403) return `Not saved: ${err.message}`;
    return err.message;
  }
  return (err as Error)?.message ?? String(err);
}
