// "Export" in the dashboard toolbar: the dashboard's JSON as stored (what Grafana imports),
// optionally made fit for sharing externally (datasources as `${DS_…}` inputs, see
// export.ts), to download as a file named after the title or copy. Rendered as text. A chunk
// of its own (the toolbar's Export button loads it when pressed), shown as soon as mounted.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { downloadText } from '../../ui/download.ts';
import { fileName } from '../../ui/file-name.ts';
import type { ExternalExport } from './export.ts';
import { exportExternally, exportText } from './export.ts';
import '../list/ImportDialog.css';

interface Props {
  /** The dashboard JSON as the server stores it. */
  stored: Record<string, unknown>;
  title: string;
  datasources: Datasource[];
  selected: Datasource;
  onClose: () => void;
}

export function ExportDialog({ stored, title, datasources, selected, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [external, setExternal] = useState(false);
  const result = useMemo(
    () => (external ? exportExternally(stored, datasources, selected) : null),
    [external, stored, datasources, selected],
  );
  const text = useMemo(() => exportText(result?.dashboard ?? stored), [result, stored]);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="import-dialog export-dialog"
      aria-labelledby="export-dialog-title"
      onClose={onClose}
    >
      <div class="import-form">
        <h2 id="export-dialog-title">Export dashboard</h2>
        <label class="import-overwrite">
          <input
            type="checkbox"
            checked={external}
            onChange={(e) => setExternal(e.currentTarget.checked)}
          />
          Export for sharing externally
        </label>
        <p class="export-note" role="status">
          {result === null
            ? 'The JSON as stored: Grafana and Promscope import it as it is.'
            : externalNote(result)}
        </p>
        <textarea
          class="export-json"
          aria-label="Dashboard JSON"
          readOnly
          spellcheck={false}
          rows={18}
          value={text}
        />
        <div class="import-actions">
          <span class="export-size">{(text.length / 1024).toFixed(1)} KiB</span>
          <CopyButton label="Copy" text={() => text} />
          <button
            type="button"
            class="primary"
            onClick={() =>
              downloadText(text, fileName(title, 'json', 'dashboard'), 'application/json')
            }
          >
            Download JSON
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function externalNote({ replaced, throughVariable }: ExternalExport): string {
  const parts = [
    replaced > 0 &&
      `Replaced ${plural(replaced, 'datasource reference')} with \${DS_…} inputs, picked on import.`,
    throughVariable > 0 &&
      `Kept ${plural(throughVariable, 'reference')} to the dashboard's datasource variable: they follow the datasource it is set to.`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'No datasource references to replace.';
}
