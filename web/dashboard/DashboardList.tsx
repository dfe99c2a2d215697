// /dashboards — every dashboard, provisioned or saved, searchable by title and tag. A broken
// file is listed with its error rather than hidden. "New dashboard" and "Import" are hidden on
// a read-only server.
import { useEffect, useState } from 'preact/hooks';
import { searchDashboards } from '../api/server.ts';
import { useQuery } from '../query/use-queries.ts';
import { filterDashboards, tagCounts } from './dashboard-list.ts';
import { ImportDialog } from './ImportDialog.tsx';
import '../app/editor-forms.css';
import './DashboardList.css';

export function DashboardList({ readOnly }: { readOnly: boolean }) {
  const hits = useQuery({
    queryKey: ['search'],
    queryFn: ({ signal }) => searchDashboards(signal),
    staleTime: 0,
  });
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    document.title = 'Dashboards · Promscope';
  }, []);
  const all = hits.data ?? [];
  const shown = filterDashboards(all, text, tags);
  const toggle = (t: string) =>
    setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]));

  return (
    <main class="dashboard-list">
      <div class="toolbar">
        <h1 class="dash-title">Dashboards</h1>
        {!readOnly && (
          <div class="toolbar-controls">
            <ImportDialog />
            <a class="button primary" href="/dashboard/new">
              + New dashboard
            </a>
          </div>
        )}
      </div>
      <input
        type="search"
        class="list-search"
        aria-label="Search dashboards"
        placeholder="Search dashboards by title"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <fieldset class="tag-filter">
        <legend class="visually-hidden">Filter by tag</legend>
        {tagCounts(all).map(([t, n]) => (
          <button
            key={t}
            type="button"
            class="tag"
            aria-pressed={tags.includes(t)}
            onClick={() => toggle(t)}
          >
            {t} <span class="tag-count">{n}</span>
          </button>
        ))}
      </fieldset>
      {hits.error && <p class="query-error">{hits.error.message}</p>}
      <ul class="list" aria-label="Dashboard list">
        {shown.map((h) => (
          <li key={h.uid}>
            {h.error ? (
              <span class="list-title broken" title={h.error}>
                {h.title}
              </span>
            ) : (
              <a class="list-title" href={h.url}>
                {h.title}
              </a>
            )}
            {h.error && <span class="query-error">{h.error}</span>}
            <span class="list-tags">
              {h.provisioned && <span class="badge">provisioned</span>}
              {h.tags.map((t) => (
                <span key={t} class="tag small">
                  {t}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {hits.data && shown.length === 0 && <p class="page-message">No dashboard matches.</p>}
    </main>
  );
}
