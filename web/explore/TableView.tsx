// Explore's Table tab: each query evaluated at the end of the range (an instant query), one
// row per series with its labels as columns; click a header to sort; copy as CSV.
import { useMemo, useState } from 'preact/hooks';
import { queryInstant } from '../api/client.ts';
import { formatValue } from '../chart/units.ts';
import { useQueries } from '../query/use-queries.ts';
import type { ExploreQuery } from './explore-state.ts';
import type { TableData } from './table.ts';
import { sortRows, toCsv, toTable, VALUE_COLUMN } from './table.ts';

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

function SeriesTable({ table, unit, refId }: { table: TableData; unit?: string; refId: string }) {
  const [sort, setSort] = useState<{ column: string; dir: 'asc' | 'desc' } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const rows = useMemo(
    () => (sort ? sortRows(table.rows, sort.column, sort.dir) : table.rows),
    [table, sort],
  );
  const copy = async () => {
    const csv = toCsv({ ...table, rows });
    try {
      await navigator.clipboard.writeText(csv);
      setCopied(`Copied ${rows.length} rows`);
    } catch {
      // No clipboard (e.g. not a secure context): hand it over as a file instead.
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      a.download = `promscope-${refId}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
      setCopied('Downloaded as CSV');
    }
  };
  if (table.rows.length === 0) return <p class="page-message">No series at this time.</p>;
  return (
    <>
      <div class="table-tools">
        <span>{table.rows.length} series</span>
        <button type="button" onClick={copy}>
          Copy as CSV
        </button>
        {copied && <span role="status">{copied}</span>}
      </div>
      <div class="table-scroll">
        <table class="series-table">
          <thead>
            <tr>
              {table.columns.map((c) => {
                const dir = sort?.column === c ? sort.dir : undefined;
                return (
                  <th
                    key={c}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      onClick={() => setSort({ column: c, dir: dir === 'asc' ? 'desc' : 'asc' })}
                    >
                      {c}
                      {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {table.columns.map((c) =>
                  c === VALUE_COLUMN ? (
                    <td key={c} class="num" title={r.raw} data-value={r.raw}>
                      {r.value === null ? r.raw : formatValue(r.value, unit)}
                    </td>
                  ) : (
                    <td key={c}>{r.labels[c] ?? ''}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
