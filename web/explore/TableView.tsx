// Explore's Table tab: each query evaluated at the end of the range (an instant query), one
// row per series with its labels as columns; click a header to sort; copy as CSV.
import { queryInstant } from '../api/client.ts';
import { toTable } from '../chart/table.ts';
import type { ExploreQuery } from '../nav/explore-state.ts';
import { SeriesTable } from '../panels/SeriesTable.tsx';
import { useQueries } from '../query/use-queries.ts';

interface Props {
  queries: ExploreQuery[];
  dsUid: string;
  time: number; // unix seconds
  rev: number;
  unit?: string;
}

export function TableView({ queries, dsUid, time, rev, unit }: Props) {
  const shown = queries.filter((q) => !q.hide && q.expr.trim() !== '');
  const results = useQueries(
    shown.map((q) => ({
      queryKey: ['query', dsUid, q.expr, time, rev],
      queryFn: ({ signal }: { signal: AbortSignal }) => queryInstant(dsUid, q.expr, time, signal),
    })),
  );
  return (
    <div class="table-view">
      {shown.map((q, i) => {
        const r = results[i]!;
        return (
          <section key={q.refId} aria-label={`Table ${q.refId}`}>
            {shown.length > 1 && <h3 class="table-ref">{q.refId}</h3>}
            {r.isPending && r.isFetching && <p class="page-message">Running…</p>}
            {r.error && <p class="query-error">{r.error.message}</p>}
            {r.data && <SeriesTable table={toTable(r.data.data)} unit={unit} refId={q.refId} />}
          </section>
        );
      })}
      {shown.length === 0 && <p class="page-message">Type a query and press Enter.</p>}
    </div>
  );
}
