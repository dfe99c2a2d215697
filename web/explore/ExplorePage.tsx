// /explore — type PromQL, see it graphed and tabled. The URL is the state (queries, tab,
// range, step, draw options): every run or option change pushes history, so back and
// forward step through what was looked at, and a copied URL shows the same thing.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Datasource } from '../api/server.ts';
import { scrapeIntervalS } from '../model/datasource-ref.ts';
import type { ExploreState } from '../nav/explore-state.ts';
import { decodeExplore, encodeExplore, MAX_QUERIES } from '../nav/explore-state.ts';
import { navigate } from '../nav/router.ts';
import { planQueries } from '../panels/panel-queries.ts';
import { useRangeQueries } from '../panels/use-panel-data.ts';
import { useSize } from '../panels/use-size.ts';
import { parseDuration } from '../time/duration.ts';
import { resolveRange } from '../time/time-range.ts';
import { Tabs } from '../ui/Tabs.tsx';
import { TimePicker } from '../ui/TimePicker.tsx';
import { AddToDashboard } from './AddToDashboard.tsx';
import {
  addQuery,
  applyStarters,
  removeQuery,
  reuseQuery,
  updateQuery,
  withDrafts,
} from './explore-edit.ts';
import { GraphView } from './GraphView.tsx';
import { QueryHistory } from './history.ts';
import { QueryRow } from './QueryRow.tsx';
import { SidePanel } from './SidePanel.tsx';
import { TableView } from './TableView.tsx';
import '../ui/editor-forms.css';
import './ExplorePage.css';

const history = new QueryHistory(typeof localStorage === 'undefined' ? null : localStorage);

interface Props {
  params: URLSearchParams;
  selected: Datasource;
  /** READ_ONLY server: no "Add to dashboard". */
  readOnly?: boolean;
}

export function ExplorePage({ params, selected, readOnly }: Props) {
  const key = params.toString();
  const state = useMemo(() => decodeExplore(params), [key]);
  const [drafts, setDrafts] = useState(() => state.queries.map((q) => q.expr));
  const [now, setNow] = useState(Date.now);
  const [rev, setRev] = useState(0);
  const [focused, setFocused] = useState(0);
  // Back, forward or a pasted link: the URL's queries replace whatever was being typed.
  useEffect(() => {
    setDrafts(state.queries.map((q) => q.expr));
    setNow(Date.now());
  }, [key]);
  useEffect(() => {
    document.title = 'Explore · Promscope';
  }, []);

  const push = (next: ExploreState) => {
    const qs = encodeExplore({ ...next, ds: selected.uid });
    navigate(`/explore${qs ? `?${qs}` : ''}`);
  };
  const run = (next: ExploreState = withDrafts(state, drafts)) => {
    for (const q of next.queries) if (q.expr.trim()) history.add(q.expr, Date.now());
    push(next);
    setNow(Date.now());
    setRev((r) => r + 1);
  };

  const column = useRef<HTMLDivElement>(null);
  const { width } = useSize(column);
  const range = resolveRange(state.range, now);
  const stepS = state.step ? (parseDuration(state.step) ?? 0) / 1000 : undefined;
  const planned = useMemo(
    () =>
      'error' in range
        ? []
        : planQueries({ targets: state.queries }, range, width, scrapeIntervalS(selected), stepS),
    [state, now, width, selected.uid],
  );
  const graph = useRangeQueries(selected.uid, planned, rev, width > 0 && state.tab === 'graph');
  const errorOf = (refId: string) => graph.outcomes.find((o) => o.refId === refId)?.error ?? null;

  return (
    <main class="explore">
      <div class="toolbar">
        <h1 class="dash-title">Explore</h1>
        <div class="toolbar-controls">
          <TimePicker value={state.range} onChange={(r) => push({ ...state, range: r })} />
          <label class="picker">
            Step
            <input
              class="narrow"
              aria-label="Step"
              placeholder={planned[0] ? `auto (${planned[0].step}s)` : 'auto'}
              value={state.step ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value.trim();
                push({ ...state, step: v && parseDuration(v) ? v : undefined });
              }}
            />
          </label>
          {!readOnly && <AddToDashboard queries={withDrafts(state, drafts).queries} />}
          <button type="button" class="primary" onClick={() => run()}>
            Run query
          </button>
        </div>
      </div>
      <div class="explore-layout">
        <div class="explore-main" ref={column}>
          <section class="queries" aria-label="Queries">
            {state.queries.map((q, i) => (
              <QueryRow
                key={q.refId}
                query={q}
                draft={drafts[i] ?? ''}
                datasourceUid={selected.uid}
                error={state.tab === 'graph' ? errorOf(q.refId) : null}
                canRemove={state.queries.length > 1}
                onDraft={(expr) => setDrafts((d) => d.map((x, j) => (j === i ? expr : x)))}
                onRun={() => run()}
                onChange={(change) => push(updateQuery(withDrafts(state, drafts), i, change))}
                onRemove={() => push(removeQuery(withDrafts(state, drafts), i))}
                onFocus={() => setFocused(i)}
              />
            ))}
            {state.queries.length < MAX_QUERIES && (
              <button type="button" onClick={() => push(addQuery(withDrafts(state, drafts)))}>
                + Add query
              </button>
            )}
          </section>
          <Tabs
            tabs={[
              ['graph', 'Graph'],
              ['table', 'Table'],
            ]}
            value={state.tab}
            onChange={(tab) => push({ ...withDrafts(state, drafts), tab })}
          />
          {'error' in range ? (
            <p class="query-error">{range.error}</p>
          ) : state.tab === 'graph' ? (
            <GraphView
              state={state}
              data={graph}
              onChange={(change) => push({ ...state, ...change })}
              onZoom={(start, end) =>
                push({ ...state, range: { from: String(start), to: String(end) } })
              }
            />
          ) : (
            <TableView
              queries={state.queries}
              dsUid={selected.uid}
              time={Math.floor(range.end / 1000)}
              rev={rev}
              unit={state.unit}
            />
          )}
        </div>
        <SidePanel
          dsUid={selected.uid}
          history={history}
          onReuse={(expr) => run(reuseQuery(withDrafts(state, drafts), focused, expr))}
          onPick={(starters) => run(applyStarters(withDrafts(state, drafts), starters))}
        />
      </div>
    </main>
  );
}
