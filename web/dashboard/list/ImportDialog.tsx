// "Import" on the dashboard list: a modal <dialog> where a Grafana dashboard JSON is pasted or
// picked from a file, sent to POST /api/dashboards/import, and the server's report shown —
// the new dashboard's link and, per panel, what could not be mapped. Everything from the file
// or the server is rendered as text. An export's datasource inputs (`__inputs`, e.g.
// DS_PROMETHEUS) are bound to one of this server's datasources first, as Grafana's import form
// asks, the default preselected; and the folder to import into is picked as when saving.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../api/server.ts';
import { importDashboard, listDatasources } from '../../api/server.ts';
import { queryClient } from '../../query/client.ts';
import { useQuery } from '../../query/use-queries.ts';
import { FolderSelect } from './FolderSelect.tsx';
import { datasourceInputs, issuePanel, parseDashboardText, safeLocalUrl } from './import-dialog.ts';
import './ImportDialog.css';

export function ImportDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  // input name → datasource uid, as picked; an input not picked gets the default.
  const [bound, setBound] = useState<Record<string, string>>({});
  const datasources = useQuery({
    queryKey: ['datasources'],
    queryFn: ({ signal }) => listDatasources(signal),
  });
  const prometheus = (datasources.data ?? []).filter((d) => d.type === 'prometheus');
  const fallback = (prometheus.find((d) => d.isDefault) ?? prometheus[0])?.uid;
  const inputs = useMemo(() => {
    const parsed = parseDashboardText(text);
    return parsed.ok ? datasourceInputs(parsed.dashboard) : [];
  }, [text]);

  const open = () => {
    setError(null);
    setResult(null);
    dialog.current?.showModal();
    textarea.current?.focus();
  };

  const pickFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setResult(null);
    try {
      setText(await file.text());
      setError(null);
    } catch (err) {
      setError(`Could not read ${file.name}: ${(err as Error).message}`);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setResult(null);
    const parsed = parseDashboardText(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const values = inputs.flatMap((i) => {
        const value = bound[i.name] ?? fallback;
        return value ? [{ name: i.name, value }] : [];
      });
      const answer = await importDashboard(parsed.dashboard, overwrite, values, folder);
      setResult(answer);
      void queryClient.invalidateQueries({ queryKey: ['search'] });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const link = result ? safeLocalUrl(result.url) : undefined;

  return (
    <>
      <button type="button" onClick={open}>
        Import
      </button>
      <dialog ref={dialog} class="import-dialog" aria-labelledby="import-dialog-title">
        <form class="import-form" onSubmit={submit}>
          <h2 id="import-dialog-title">Import dashboard</h2>
          <label class="import-file">
            <span>Grafana dashboard JSON file</span>
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => void pickFile(e.currentTarget)}
            />
          </label>
          <label class="import-text">
            <span>or paste its JSON</span>
            <textarea
              ref={textarea}
              value={text}
              spellcheck={false}
              rows={12}
              placeholder='{"title": "…", "panels": […]}'
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          {inputs.length > 0 && (
            <fieldset class="import-inputs">
              <legend>Datasources the dashboard asks for</legend>
              {inputs.map((i) => (
                <label key={i.name} class="import-input">
                  <span>
                    {i.label}
                    {i.label !== i.name && <code>{i.name}</code>}
                  </span>
                  <select
                    aria-label={`Datasource for ${i.name}`}
                    value={bound[i.name] ?? fallback}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setBound((b) => ({ ...b, [i.name]: value }));
                    }}
                  >
                    {prometheus.map((d) => (
                      <option key={d.uid} value={d.uid}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <FolderSelect value={folder} onChange={setFolder} class="import-folder" />
          <label class="import-overwrite">
            <input
              type="checkbox"
              checked={overwrite}
              onChange={(e) => setOverwrite(e.currentTarget.checked)}
            />
            Overwrite existing
          </label>
          {error && (
            <p class="query-error" role="alert">
              {error}
            </p>
          )}
          {result && (
            <section class="import-result" role="status" aria-label="Import result">
              <p>
                Imported <strong>{result.title}</strong>
                {link && (
                  <>
                    {' · '}
                    <a href={link}>Open dashboard</a>
                  </>
                )}
              </p>
              {result.issues.length === 0 ? (
                <p class="import-clean">Everything was mapped</p>
              ) : (
                <>
                  <p class="import-issues-head">
                    {result.issues.length === 1
                      ? '1 option is not drawn here (kept in the JSON):'
                      : `${result.issues.length} options are not drawn here (kept in the JSON):`}
                  </p>
                  <ul class="import-issues" aria-label="Import issues">
                    {result.issues.map((issue, i) => (
                      <li key={`${issue.path}-${i}`}>
                        <span class="import-issue-panel">{issuePanel(issue)}</span>
                        {': '}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          <div class="import-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
