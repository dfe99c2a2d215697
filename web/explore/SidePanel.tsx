// Beside the queries: the last 50 queries run here (searchable, click to reuse) and the
// metrics Prometheus knows with their type and help (searchable, click for a starter query).
import { useMemo, useState } from 'preact/hooks';
import { metricMetadata, metricNames } from '../api/client.ts';
import { useQuery } from '../query/use-queries.ts';
import { Tabs } from '../ui/Tabs.tsx';
import type { QueryHistory } from './history.ts';
import type { StarterQuery } from './starter.ts';
import { metricRows, starterQueries } from './starter.ts';

const SHOWN = 200; // rows: enough to scan, few enough to stay quick with 10,000 metrics

interface Props {
  dsUid: string;
  history: QueryHistory;
  onReuse: (expr: string) => void;
  onPick: (starters: StarterQuery[]) => void;
}

export function SidePanel({ dsUid, history, onReuse, onPick }: Props) {
  const [tab, setTab] = useState<'history' | 'metrics'>('metrics');
  return (
    <aside class="side-panel">
      <Tabs
        small
        tabs={[
          ['metrics', 'Metrics'],
          ['history', 'History'],
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'metrics' ? (
        <Metrics dsUid={dsUid} onPick={onPick} />
      ) : (
        <History history={history} onReuse={onReuse} />
      )}
    </aside>
  );
}

function Metrics({ dsUid, onPick }: { dsUid: string; onPick: Props['onPick'] }) {
  const [filter, setFilter] = useState('');
  const meta = useQuery({
    queryKey: ['metadata', dsUid],
    queryFn: ({ signal }) => metricMetadata(dsUid, signal),
    staleTime: 60_000,
  });
  // Names too: metadata misses recording rules' outputs, and VictoriaMetrics keeps none.
  const names = useQuery({
    queryKey: ['metric-names', dsUid],
    queryFn: ({ signal }) => metricNames(dsUid, signal),
    staleTime: 60_000,
  });
  const rows = useMemo(
    () =>
      meta.data || names.data
        ? metricRows(meta.data?.data ?? {}, filter, names.data?.data ?? [])
        : [],
    [meta.data, names.data, filter],
  );
  return (
    <div class="side-list">
      <input
        type="search"
        aria-label="Search metrics"
        placeholder="Search metrics and help"
        value={filter}
        onInput={(e) => setFilter(e.currentTarget.value)}
      />
      {meta.error && <p class="query-error">{meta.error.message}</p>}
      <ul aria-label="Metrics">
        {rows.slice(0, SHOWN).map((m) => (
          <li key={m.name}>
            <button
              type="button"
              onClick={() => onPick(starterQueries(m.name, m.type))}
              title={m.help}
            >
              <span class="metric-name">{m.name}</span>
              <span
                class={`metric-type t-${m.type}`}
                title={m.guessed ? 'no metadata: type read from the name' : undefined}
              >
                {m.guessed && m.type !== 'unknown' ? `${m.type}?` : m.type}
              </span>
              <span class="metric-help">{m.help}</span>
            </button>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN && (
        <p class="side-more">{rows.length - SHOWN} more: narrow the search</p>
      )}
    </div>
  );
}

function History({ history, onReuse }: { history: QueryHistory; onReuse: Props['onReuse'] }) {
  const [filter, setFilter] = useState('');
  const entries = history.list();
  const shown = filter.trim() ? history.search(filter) : entries;
  const time = new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return (
    <div class="side-list">
      <input
        type="search"
        aria-label="Search history"
        placeholder="Search past queries"
        value={filter}
        onInput={(e) => setFilter(e.currentTarget.value)}
      />
      {entries.length === 0 && <p class="side-more">Queries you run show up here.</p>}
      <ul aria-label="History">
        {shown.map((e) => (
          <li key={e.expr}>
            <button type="button" onClick={() => onReuse(e.expr)}>
              <span class="metric-name">{e.expr}</span>
              <span class="metric-help">{time.format(e.at)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
