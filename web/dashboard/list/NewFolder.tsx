// "New folder" on the dashboards list: a title, then POST /api/folders. A refusal (a title
// already taken, too long) is shown in the server's words and the dialog stays open.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.ts';
import { createFolder } from '../../api/server.ts';
import { queryClient } from '../../query/client.ts';
import { Modal } from '../../ui/Modal.tsx';

export function NewFolderButton() {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setTitle('');
    setError(null);
  };
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await createFolder(title.trim());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['search'] }),
        queryClient.invalidateQueries({ queryKey: ['folders'] }),
      ]);
      close();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String((err as Error)?.message ?? err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        + New folder
      </button>
      {open && (
        <Modal title="New folder" onClose={close}>
          <form
            class="modal-body save-form"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <label class="field">
              <span>Folder name</span>
              <input
                value={title}
                required
                maxLength={190}
                ref={(el) => el?.focus()}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            </label>
            {error && (
              <p class="query-error" role="alert">
                {error}
              </p>
            )}
            <div class="modal-actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" class="primary" disabled={busy || !title.trim()}>
                {busy ? 'Creating…' : 'Create'}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
