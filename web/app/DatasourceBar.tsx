// The datasource in use with its health (up/down, Prometheus version, re-checked every
// 15 s and on every dashboard tick), and a field to point Promscope at another Prometheus URL.
// A refused or unreachable URL is explained and changes nothing. A datasource added here can
// be removed again (after a confirmation); the one configured on the server cannot. On a
// dashboard with a datasource variable the variable is the picker (as in Grafana): the bar
// then shows that datasource's health without a picker of its own.
import { useState } from 'preact/hooks';
import type { Datasource, Health } from '../api/server.ts';
import { addDatasource, removeDatasource } from '../api/server.ts';
import { queryClient } from '../query/client.ts';
import { ConfirmDialog } from '../ui/Modal.tsx';

interface Props {
  datasources: Datasource[];
  selected: Datasource | undefined;
  health: Health | undefined;
  healthError: string | null;
  /** READ_ONLY server: nothing may be added or removed, so no Remove button. */
  readOnly: boolean;
  /** The dashboard's datasource variable picks: no second picker here. */
  pickerHidden?: boolean;
  onSelect: (uid: string) => void;
}

export function DatasourceBar(p: Props) {
  const { datasources, selected, health, healthError, onSelect } = p;
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Added in the UI (readOnly false in Grafana's shape): the configured one stays.
  const removable = selected !== undefined && !selected.readOnly && !p.readOnly;
  const found = health?.datasources.find((d) => d.uid === selected?.uid);
  // Not probed yet: shown as unknown, like no answer at all.
  const status = found?.checking ? undefined : found;
  const up = status?.up === true;
  const statusText = healthError
    ? `Promscope server unreachable: ${healthError}`
    : !status
      ? 'checking…'
      : up
        ? `up${status.prometheusVersion ? ` · Prometheus ${status.prometheusVersion}` : ''}`
        : `down: ${status.error ?? 'unknown error'}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ds = await addDatasource(url.trim());
      await queryClient.invalidateQueries({ queryKey: ['datasources'] });
      await queryClient.invalidateQueries({ queryKey: ['health'] });
      setUrl('');
      onSelect(ds.uid);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (ds: Datasource) => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await removeDatasource(ds.uid);
      // Off the removed one first (to the default), so nothing asks for it meanwhile.
      const next =
        datasources.find((d) => d.uid !== ds.uid && d.isDefault) ??
        datasources.find((d) => d.uid !== ds.uid);
      if (next) onSelect(next.uid);
      await queryClient.invalidateQueries({ queryKey: ['datasources'] });
      await queryClient.invalidateQueries({ queryKey: ['health'] });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="ds-bar">
      {!p.pickerHidden && (
        <label class="picker">
          <span class="visually-hidden">Datasource</span>
          <select
            aria-label="Datasource"
            value={selected?.uid}
            onChange={(e) => onSelect(e.currentTarget.value)}
          >
            {datasources.map((d) => (
              <option key={d.uid} value={d.uid}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {removable && (
        <button
          type="button"
          class="ds-remove"
          aria-label="Remove datasource"
          title={`Remove the datasource ${selected.name}`}
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Remove
        </button>
      )}
      {confirming && selected && (
        <ConfirmDialog
          title="Remove datasource"
          message={`Remove the datasource “${selected.name}” (${selected.url})? Promscope forgets it; it can be added again with its URL.`}
          onCancel={() => setConfirming(false)}
          actions={[{ label: 'Remove', kind: 'danger', onClick: () => void remove(selected) }]}
        />
      )}
      <span
        class={`health ${status ? (up ? 'up' : 'down') : 'unknown'}`}
        role="status"
        aria-label="Datasource health"
        data-state={status ? (up ? 'up' : 'down') : 'unknown'}
        title={statusText}
      >
        <span class="health-dot" aria-hidden="true" />
        <span class="health-url">{selected?.url}</span>
        <span class="health-text">{statusText}</span>
      </span>
      <form class="ds-add" onSubmit={submit}>
        <input
          type="text"
          inputMode="url"
          aria-label="Prometheus URL"
          placeholder="http://prometheus:9090"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
          required
        />
        <button type="submit" disabled={busy || url.trim() === ''}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
        {error && (
          <span class="ds-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}
