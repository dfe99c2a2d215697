// Runs a panel's range queries through query-core: identical queries across panels share one
// fetch, a changed range or unmount aborts what is in flight, and the last answer stays on
// screen while the next tick loads. Each query's request and answer are kept for Inspect.
import { keepPreviousData } from '@tanstack/query-core';
import { useContext, useMemo, useRef } from 'preact/hooks';
import {
  instantSearchParams,
  promUrl,
  queryInstant,
  queryRange,
  rangeSearchParams,
} from '../api/client.ts';
import { instantKey, rangeKey } from '../query/client.ts';
import { fetchSliding, LiveBases, liveOverlapS } from '../query/incremental.ts';
import { matrixToColumnsSliced } from '../query/matrix.ts';
import { nextTask } from '../query/next-task.ts';
import { useQueries } from '../query/use-queries.ts';
import { TimeSettingsContext, utcOffsetS } from '../time/time-settings.ts';
import type { PanelColumns, RangeAnswer } from './panel-data.ts';
import { instantAsMatrix, MAX_SERIES, panelColumns } from './panel-data.ts';
import type { PlannedQuery } from './panel-queries.ts';
import { planQueries } from './panel-queries.ts';
import type { PanelProps } from './types.ts';
import { useSize } from './use-size.ts';

/** Shared by every panel, so identical live queries share their base too. */
const liveBases = new LiveBases();

/** One query as sent: the plan, the datasource, and the URL (path and query string). */
export interface PanelRequest extends PlannedQuery {
  dsUid: string;
  url: string;
}

/** What became of one query: Explore shows it beside the query, Inspect in full. */
export interface QueryOutcome {
  refId: string;
  request: PanelRequest;
  /** Prometheus' answer; while the next one loads, the previous (for an older request). */
  answer?: RangeAnswer;
  step: number; // seconds
  loading: boolean;
  error: Error | null;
  series: number;
  samples: number;
  upstreamMs?: number; // ms
  totalMs?: number; // ms
}

export interface PanelData extends PanelColumns {
  dsUid: string;
  loading: boolean;
  /** Prometheus' own words, prefixed with the query's refId when there are several. */
  errors: string[];
  warnings: string[];
  outcomes: QueryOutcome[];
}

/** A panel's body element, its size, and its data: the queries are planned for that width. */
export function usePanelData({ panel, dsUid, queryDs, scrapeIntervalS, time }: PanelProps) {
  const body = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(body);
  // A query whose datasource is not found is not sent; the panel says why instead.
  const byRef = queryDs?.byRef;
  const sent = useMemo(
    () => (byRef ? { ...panel, targets: panel.targets.filter((t) => t.refId in byRef) } : panel),
    [panel, byRef],
  );
  const settings = useContext(TimeSettingsContext);
  // Grafana's Prometheus datasource sends the zone's offset at the range's end
  // (utcOffsetSec), so steps of a day or more start at the zone's midnight.
  const offsetS = utcOffsetS(settings, time.end);
  const planned = useMemo(
    () => planQueries(sent, time, width, scrapeIntervalS, undefined, offsetS),
    [sent, time, width, scrapeIntervalS, offsetS],
  );
  const data = useRangeQueries(dsUid, planned, time.rev, width > 0, byRef);
  const dsErrors = queryDs?.errors ?? [];
  return {
    body,
    width,
    height,
    data: dsErrors.length > 0 ? { ...data, errors: [...dsErrors, ...data.errors] } : data,
  };
}

export function useRangeQueries(
  panelDsUid: string,
  planned: PlannedQuery[],
  rev: number,
  enabled: boolean,
  /** Each query's own datasource (a Mixed panel), by refId; else the panel's. */
  byRef?: Readonly<Record<string, string>>,
): PanelData {
  // The URL is built here once per plan, the same way queryRange builds the one it sends.
  const requests = useMemo(
    () =>
      planned.map((q) => {
        const dsUid = byRef?.[q.refId] ?? panelDsUid;
        return {
          ...q,
          dsUid,
          url: q.instant
            ? promUrl(dsUid, 'query', instantSearchParams(q.expr, q.end))
            : promUrl(
                dsUid,
                'query_range',
                rangeSearchParams({ query: q.expr, start: q.start, end: q.end, step: q.step }),
              ),
        };
      }),
    [planned, panelDsUid, byRef],
  );
  const results = useQueries<RangeAnswer>(
    planned.map((q, i) => {
      const dsUid = requests[i]!.dsUid;
      return {
        queryKey: q.instant
          ? instantKey(dsUid, q.expr, q.end, rev)
          : rangeKey(dsUid, q.expr, q.start, q.end, q.step, rev),
        queryFn: async ({ signal }) => {
          // Out of the render that started it, each query in a task of its own (next-task.ts).
          await nextTask();
          if (q.instant) {
            const answer = await queryInstant(dsUid, q.expr, q.end, signal);
            const result = instantAsMatrix(answer.data);
            const grid = { start: q.end, end: q.end, step: q.step };
            const columns = await matrixToColumnsSliced(result, grid, MAX_SERIES);
            return {
              ...answer,
              data: { resultType: 'matrix', result },
              grid,
              samples: result.length,
              columns,
            };
          }
          const grid = { start: q.start, end: q.end, step: q.step };
          // A live window that only slid asks for its newest stretch and merges it in.
          const answer = await fetchSliding(
            liveBases,
            LiveBases.key(dsUid, q.expr, grid, rev),
            grid,
            (g, s, known) => queryRange(dsUid, { query: q.expr, ...g }, s, known),
            liveOverlapS(dsUid),
            signal,
          );
          const samples = answer.data.result.reduce((n, s) => n + (s.values?.length ?? 0), 0);
          const columns = await matrixToColumnsSliced(answer.data.result, grid, MAX_SERIES);
          return { ...answer, grid, samples, columns };
        },
        placeholderData: keepPreviousData,
        enabled,
      };
    }),
  );
  const answers = results.map((r) => (r.isError ? undefined : r.data));
  // Labels follow the plan (refId, legend); the columns change only when an answer does.
  const legends = planned.map((q) => `${q.refId}\u0000${q.legendFormat ?? ''}`).join('\u0001');
  // A panel's queries are drawn together: while some of a tick's answers are still on their
  // way, the columns stay those drawn last, so a panel of several queries is drawn once per
  // tick rather than once per answer, and its series never end at different moments.
  const settled = results.every((r) => !r.isFetching);
  const drawnLast = useRef<PanelColumns | null>(null);
  const columns = useMemo(
    () => (!settled && drawnLast.current) || panelColumns(planned, answers),
    [legends, settled, ...answers],
  );
  drawnLast.current = columns;
  const many = planned.length > 1;
  const errors = results.flatMap((r, i) =>
    r.error ? [`${many ? `${planned[i]!.refId}: ` : ''}${r.error.message}`] : [],
  );
  const warnings = results.flatMap((r) => [...(r.data?.warnings ?? []), ...(r.data?.infos ?? [])]);
  const outcomes = useMemo(
    () =>
      results.map((r, i) => ({
        refId: requests[i]!.refId,
        request: requests[i]!,
        answer: r.data,
        step: requests[i]!.step,
        loading: r.isFetching,
        error: r.error,
        series: r.data?.data.result.length ?? 0,
        samples: r.data?.samples ?? 0,
        upstreamMs: r.data?.upstreamMs,
        totalMs: r.data?.totalMs,
      })),
    [requests, ...results.flatMap((r) => [r.data, r.error, r.isFetching])],
  );
  const loading = results.some((r) => r.isFetching);
  return { ...columns, dsUid: panelDsUid, loading, errors, warnings, outcomes };
}
