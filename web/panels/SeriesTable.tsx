// A table of series: labels as columns, the value formatted in its unit; click a header to
// sort, copy as CSV. Used by Explore's Table tab and the table panel, which may name the
// headers and show each cell its own way (field overrides, value mappings).
import { useMemo, useState } from 'preact/hooks';
import type { TableData, TableRow } from '../chart/table.ts';
import { sortRows, toCsv, VALUE_COLUMN } from '../chart/table.ts';
import { formatValue } from '../fields/units.ts';

/** A cell as the panel shows it; the sort and the CSV keep the raw value. */
export interface CellView {
  text: string;
  color?: string;
}

export function SeriesTable({
  table,
  unit,
  refId,
  header,
  cell,
}: {
  table: TableData;
  unit?: string;
  refId: string;
  header?: (column: string) => string;
  cell?: (row: TableRow, column: string) => CellView | undefined;
}) {
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
                      {header ? header(c) : c}
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
                {table.columns.map((c) => {
                  const view = cell?.(r, c);
                  const style = view?.color ? { color: view.color } : undefined;
                  return c === VALUE_COLUMN ? (
                    <td key={c} class="num" title={r.raw} data-value={r.raw} style={style}>
                      {view ? view.text : r.value === null ? r.raw : formatValue(r.value, unit)}
                    </td>
                  ) : (
                    <td key={c} style={style}>
                      {view ? view.text : (r.labels[c] ?? '')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
