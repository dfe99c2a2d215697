// The Table tab: one row per series with its labels and current value, as the Prometheus UI
// shows an instant query (https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries),
// plus sorting and a CSV export.

import type { Metric, QueryData, SamplePair } from '../api/types.ts';
import { seriesKey } from '../query/matrix.ts';

/** The reserved last column; a label that happens to be called `Value` is not shown. */
export const VALUE_COLUMN = 'Value';

export interface TableRow {
  key: string; // seriesKey of the labels: stable across refreshes, fit for Preact keys
  labels: Record<string, string>;
  value: number | null; // null when there is no float sample (string result, no value)
  raw: string; // the value exactly as Prometheus printed it: "1e+06", "+Inf", "NaN"
}

export interface TableData {
  columns: string[];
  rows: TableRow[];
}

/** Rows for any query answer; a matrix shows the last sample of each series. */
export function toTable(data: QueryData): TableData {
  let rows: TableRow[];
  switch (data.resultType) {
    case 'vector':
      rows = data.result.map((s) => row(s.metric, s.value));
      break;
    case 'matrix':
      rows = data.result.map((s) => row(s.metric, s.values?.at(-1)));
      break;
    case 'scalar':
      rows = [row({}, data.result)];
      break;
    case 'string':
      // A string is text, not a number, even when it looks like one.
      rows = [{ key: seriesKey({}), labels: {}, value: null, raw: data.result[1] }];
  }
  return { columns: columnsOf(rows), rows };
}

/** Rows from series already reduced to one number each: a table panel over a range. */
export function tableOf(
  series: readonly { key: string; metric: Metric; value: number | null }[],
): TableData {
  const rows = series.map((s) => ({
    key: s.key,
    labels: { ...s.metric },
    value: s.value,
    raw: s.value === null ? '' : String(s.value),
  }));
  return { columns: columnsOf(rows), rows };
}

function row(metric: Metric, sample: SamplePair | undefined): TableRow {
  const raw = sample?.[1] ?? '';
  return { key: seriesKey(metric), labels: { ...metric }, value: parseValue(raw), raw };
}

// Go prints infinities as "+Inf" and "-Inf", which Number() reads as NaN.
function parseValue(raw: string): number | null {
  if (raw === '') return null;
  if (raw === '+Inf' || raw === '-Inf') return raw === '+Inf' ? Infinity : -Infinity;
  return Number(raw); // "NaN" stays NaN
}

// `__name__` first as the Prometheus UI does, the other labels by name, the value last.
function columnsOf(rows: readonly TableRow[]): string[] {
  const names = new Set(rows.flatMap((r) => Object.keys(r.labels)));
  names.delete(VALUE_COLUMN);
  const first = names.delete('__name__') ? ['__name__'] : [];
  return [...first, ...[...names].sort(), VALUE_COLUMN];
}

// Own properties only: a row without a `constructor` label must not show Object's.
const label = (r: TableRow, name: string) => (Object.hasOwn(r.labels, name) ? r.labels[name]! : '');

// Natural order, so pod-2 comes before pod-10; a fixed locale keeps it the same everywhere.
const collator = new Intl.Collator('en', { numeric: true });

/**
 * A sorted copy. Labels compare in natural order, the Value column numerically; rows without
 * the label (or with an empty one, which Prometheus treats the same) and NaN or missing
 * values go last in both directions. Equal rows keep their order.
 */
export function sortRows(
  rows: readonly TableRow[],
  column: string,
  dir: 'asc' | 'desc',
): TableRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  if (column === VALUE_COLUMN) {
    const num = (r: TableRow) => (r.value === null || Number.isNaN(r.value) ? null : r.value);
    // Not a - b: Infinity - Infinity is NaN, which sort() would read as "equal to everything".
    return sorted(rows, num, (a, b) => sign * (a < b ? -1 : a > b ? 1 : 0));
  }
  const text = (r: TableRow) => label(r, column) || null;
  return sorted(rows, text, (a, b) => sign * collator.compare(a, b));
}

function sorted<T>(
  rows: readonly TableRow[],
  get: (r: TableRow) => T | null,
  compare: (a: T, b: T) => number,
): TableRow[] {
  return [...rows].sort((ra, rb) => {
    const a = get(ra);
    const b = get(rb);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return compare(a, b);
  });
}

/**
 * RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): a header row, CRLF after every
 * record, fields with `,` `"` CR or LF quoted and their quotes doubled. The Value column is
 * Prometheus' own text unless `format` is given.
 */
export function toCsv(table: TableData, format?: (v: number | null) => string): string {
  const records = [table.columns.map((c) => field(defuse(c)))];
  for (const r of table.rows) {
    records.push(
      table.columns.map((c) => {
        if (c !== VALUE_COLUMN) return field(defuse(label(r, c)));
        const text = format === undefined ? r.raw : format(r.value);
        return field(PLAIN_NUMBER.test(text) ? text : defuse(text));
      }),
    );
  }
  return records.map((cells) => `${cells.join(',')}\r\n`).join('');
}

// A value such as -1.5e-3 or -Inf cannot run anything, so it is not defused: spreadsheets
// should read it as a number. Label values are attacker-controlled and always defused.
const PLAIN_NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|Inf)$/i;

// CSV injection: a spreadsheet runs a cell that starts with one of these as a formula, so a
// leading `'` makes it text (https://owasp.org/www-community/attacks/CSV_Injection).
function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function field(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
