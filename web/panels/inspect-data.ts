// Inspect's pure parts: the panel's series joined by time from Prometheus' own answers (the
// text it sent, so NaN and +Inf are shown as they came, not as gaps), that table as CSV, the
// reduced values as a table, and each query's request and raw answer as shown in the drawer.
import { ApiError } from '../api/client.ts';
import type { TableData } from '../chart/table.ts';
import { tableOf, toCsv, VALUE_COLUMN } from '../chart/table.ts';
import type { Panel } from '../model/model.ts';
import { seriesKey } from '../query/matrix.ts';
import { formatDuration } from '../time/duration.ts';
import type { PanelColumns, PanelSeries, RangeAnswer } from './panel-data.ts';
import { reducedCells } from './reduced.ts';
import type { PanelRequest, QueryOutcome } from './use-panel-data.ts';

export const TIME_COLUMN = 'Time';

/** One row per timestamp any series has a sample at; a cell is Prometheus' text or ''. */
export interface TimeTable {
  /** The series' legends, in the panel's order (the time column is not included). */
  series: string[];
  rows: { time: number; cells: string[] }[]; // time in unix seconds
}

/**
 * Grafana's "Series joined by time" (an outer join on the timestamp). Only the series the
 * panel draws are included (it leaves out those past MAX_SERIES), under their legends.
 */
export function joinByTime(
  outcomes: readonly Pick<QueryOutcome, 'refId' | 'answer' | 'error'>[],
  series: readonly PanelSeries[],
): TimeTable {
  const column = new Map(series.map((s, i) => [s.key, i]));
  const bySeries = series.map(() => new Map<number, string>());
  const times = new Set<number>();
  for (const o of outcomes) {
    // A failed query draws nothing (panelColumns skips it), so it has no columns here either.
    if (!o.answer || o.error) continue;
    for (const s of o.answer.data.result) {
      const i = column.get(`${o.refId}/${seriesKey(s.metric)}`);
      if (i === undefined) continue;
      for (const [t, v] of s.values ?? []) {
        bySeries[i]!.set(t, v);
        times.add(t);
      }
    }
  }
  const rows = [...times]
    .sort((a, b) => a - b)
    .map((time) => ({ time, cells: bySeries.map((m) => m.get(time) ?? '') }));
  return { series: series.map((s) => s.label), rows };
}

/**
 * RFC 4180 CSV of the joined table: `Time` in ISO 8601 UTC, then one column per series with
 * Prometheus' values. Every field goes through chart/table.ts's toCsv, the one place that
 * quotes fields and defuses spreadsheet formulas, so legends (label values, which anyone
 * who can write metrics controls) cannot run in a spreadsheet.
 */
export function timeTableCsv(table: TimeTable): string {
  const header = [TIME_COLUMN, ...table.series].map((h) => csvField(h, false));
  const records = [header.join(',')];
  for (const r of table.rows) {
    const time = new Date(r.time * 1000).toISOString();
    records.push([time, ...r.cells.map((c) => csvField(c, true))].join(','));
  }
  return records.map((line) => `${line}\r\n`).join('');
}

// A one-cell table through toCsv with its header record cut off: a value cell is read as a
// number when it is one; a text cell is always defused.
function csvField(text: string, value: boolean): string {
  const table: TableData = value
    ? { columns: [VALUE_COLUMN], rows: [{ key: '', labels: {}, value: null, raw: text }] }
    : { columns: ['c'], rows: [{ key: '', labels: { c: text }, value: null, raw: '' }] };
  const csv = toCsv(table);
  return csv.slice(csv.indexOf('\r\n') + 2, -2);
}

/**
 * One row per series reduced with the panel's calc (what stat, gauge and table panels show),
 * its legend in a `Series` column before the labels so same-labelled series from different
 * queries (p50, p90, p99 of one histogram) can be told apart.
 */
export function reducedTable(
  panel: Pick<Panel, 'options' | 'fieldConfig'>,
  data: PanelColumns,
): TableData {
  return tableOf(
    reducedCells(panel, data).map(({ s, value }) => ({
      key: s.key,
      metric: { Series: s.label, ...s.metric },
      value,
    })),
  );
}

/** [name, value] pairs describing a request exactly as it was sent. */
export function describeRequest(r: PanelRequest): [string, string][] {
  const when = (s: number) => `${new Date(s * 1000).toISOString()} (${s})`;
  const [path = '', query = ''] = r.url.split('?');
  return [
    ['Method', 'GET'],
    ['Path', path],
    ['Query string', query],
    ['Expression', r.expr],
    ['Start', when(r.start)],
    ['End', when(r.end)],
    ['Step', `${r.step} s (${formatDuration(r.step * 1000)})`],
  ];
}

/** Series, samples and timings of an answer, or what went wrong. */
export function describeOutcome(o: QueryOutcome): [string, string][] {
  const ms = (v: number | undefined) => (v === undefined ? 'not reported' : `${v.toFixed(1)} ms`);
  if (o.loading) return [['Status', 'running…']];
  if (o.error) {
    const status =
      o.error instanceof ApiError && o.error.status > 0 ? `HTTP ${o.error.status}` : '';
    const type = o.error instanceof ApiError ? o.error.errorType : o.error.name;
    return [
      ['Status', [status, type].filter(Boolean).join(' · ')],
      ['Error', o.error.message],
    ];
  }
  if (!o.answer) return [['Status', 'not sent yet']];
  return [
    ['Status', 'HTTP 200 · success'],
    ['Prometheus time', ms(o.upstreamMs)],
    ['Round trip', ms(o.totalMs)],
    ...(o.answer.fetched && o.answer.fetched.start !== o.answer.grid.start
      ? [
          [
            'Fetched',
            `${o.answer.fetched.start} to ${o.answer.fetched.end}: a live tick asks only the newest stretch and merges it into the last answer`,
          ] as [string, string],
        ]
      : []),
    ['Series', String(o.series)],
    ['Samples', String(o.samples)],
    ...o.answer.warnings.map((w): [string, string] => ['Warning', w]),
    ...o.answer.infos.map((w): [string, string] => ['Info', w]),
  ];
}

/**
 * The answer's JSON as Prometheus sent it: its envelope is exactly `status`, `data` and,
 * when not empty, `warnings` and `infos` (https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview).
 * An error comes back the same way, from what the client kept of it.
 */
export function rawResponse(o: Pick<QueryOutcome, 'answer' | 'error'>): unknown {
  if (o.error) {
    return o.error instanceof ApiError
      ? { status: 'error', errorType: o.error.errorType, error: o.error.message }
      : { status: 'error', errorType: o.error.name, error: o.error.message };
  }
  const a: RangeAnswer | undefined = o.answer;
  if (!a) return null;
  return {
    status: 'success',
    data: a.data,
    ...(a.warnings.length > 0 ? { warnings: a.warnings } : {}),
    ...(a.infos.length > 0 ? { infos: a.infos } : {}),
  };
}
