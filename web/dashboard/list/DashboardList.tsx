// /dashboards — every dashboard, provisioned or saved, in its folder as Grafana's browse view
// shows them: folders first (collapsible, with how many dashboards each holds), then those in
// General. Search and tags span the folders: a folder with a match opens to show it. A broken
// file is listed with its error rather than hidden. "New dashboard", "New folder" and
// "Import" are hidden on a read-only server.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../../api/server.ts';
import { searchAll } from '../../api/server.ts';
import { useQuery } from '../../query/use-queries.ts';
import { groupByFolder, tagCounts } from './dashboard-list.ts';
import { ImportDialog } from './ImportDialog.tsx';
import '../../ui/editor-forms.css';
import './DashboardList.css';
import { NewFolderButton } from './NewFolder.tsx';

function DashboardRow({ h }: { h: SearchHit }) {
  return (
    <li>
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
  );
}

export function DashboardList({
  readOnly,
  openFolder,
}: {
  readOnly: boolean;
  openFolder?: string;
}) {
  const hits = useQuery({
    queryKey: ['search', 'all'],
    queryFn: ({ signal }) => searchAll(signal),
    staleTime: 0,
  });
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set(openFolder ? [openFolder] : []));
  useEffect(() => {
    document.title = 'Dashboards · Promscope';
  }, []);
  const all = hits.data ?? [];
  const dashboards = all.filter((h) => h.type !== 'dash-folder');
  const grouped = groupByFolder(all, text, tags);
  const toggle = (t: string) =>
    setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]));
  const flip = (uid: string) =>
    setOpen((cur) => {
      const next = new Set(cur);
      if (!next.delete(uid)) next.add(uid);
      return next;
    });
  const empty = grouped.folders.length === 0 && grouped.general.length === 0;

  const folderRow = ({ folder, dashboards: inside }: (typeof grouped.folders)[number]) => {
    // While searching, folders with a match are open; a click still closes one.
    const expanded = grouped.filtering ? !open.has(folder.uid) : open.has(folder.uid);
    const listId = `folder-${folder.uid}`;
    let body: JSX.Element | null = null;
    if (expanded) {
      body =
        inside.length === 0 ? (
          <p class="folder-empty">No dashboards in this folder.</p>
        ) : (
          <ul class="list nested" id={listId} aria-label={`Dashboards in ${folder.title}`}>
            {inside.map((h) => (
              <DashboardRow key={h.uid} h={h} />
            ))}
          </ul>
        );
    }
    return (
      <li key={folder.uid} class="folder-row">
        <div class="folder-head">
          <button
            type="button"
            class="folder-toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => flip(folder.uid)}
          >
            <span class="folder-caret" aria-hidden="true">
              {expanded ? '▾' : '▸'}
            </span>
            <svg class="folder-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M1.5 3h4.6l1.5 1.6h6.9v8.4H1.5z" fill="currentColor" />
            </svg>
            <span class="folder-title">{folder.title}</span>
            <span class="folder-count">
              {inside.length}
              <span class="visually-hidden"> dashboards</span>
            </span>
          </button>
          {folder.provisioned && <span class="badge">provisioned</span>}
        </div>
        {body}
      </li>
    );
  };

  return (
    <main class="dashboard-list">
      <div class="toolbar">
        <h1 class="dash-title">Dashboards</h1>
        {!readOnly && (
          <div class="toolbar-controls">
            <NewFolderButton />
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
        placeholder="Search dashboards and folders by title"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <fieldset class="tag-filter">
        <legend class="visually-hidden">Filter by tag</legend>
        {tagCounts(dashboards).map(([t, n]) => (
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
      {!empty && (
        <ul class="list" aria-label="Dashboard list">
          {grouped.folders.map(folderRow)}
          {grouped.general.map((h) => (
            <DashboardRow key={h.uid} h={h} />
          ))}
        </ul>
      )}
      {hits.data && empty && <p class="page-message">No dashboard matches.</p>}
    </main>
  );
}
