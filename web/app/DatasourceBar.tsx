// The datasource in use with its health (up/down, Prometheus version, re-checked every
// 15 s and on every dashboard tick), and a field to point Promscope at another Prometheus URL. A refused or unreachable
// URL is explained and changes nothing.
import { useState } from 'preact/hooks';
import type { Datasource, Health } from '../api/server.ts';
import { addDatasource } from '../api/server.ts';
import { queryClient } from '../query/client.ts';

interface Props {
  datasources: Datasource[];
  selected: Datasource | undefined;
  health: Health | undefined;
  healthError: string | null;
  onSelect: (uid: string) => void;
}

export function DatasourceBar({ datasources, selected, health, healthError, onSelect }: Props) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = health?.datasources.find((d) => d.uid === selected?.uid);
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

  return (
    <div class="ds-bar">
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
