// Runs a panel's range queries through query-core: identical queries across panels share one
// fetch, a changed range or unmount aborts what is in flight, and the last answer stays on
// screen while the next tick loads.
import { keepPreviousData } from '@tanstack/query-core';
import { useMemo } from 'preact/hooks';
import { queryRange } from '../api/client.ts';
import { rangeKey } from '../query/client.ts';
import { useQueries } from '../query/use-queries.ts';
import type { PanelColumns, RangeAnswer } from './panel-data.ts';
import { panelColumns } from './panel-data.ts';
import type { PlannedQuery } from './panel-queries.ts';

export interface PanelData extends PanelColumns {
  loading: boolean;
  /** Prometheus' own words, prefixed with the query's refId when there are several. */
  errors: string[];
  warnings: string[];
}

export function usePanelData(dsUid: string, planned: PlannedQuery[], enabled: boolean): PanelData {
  const results = useQueries<RangeAnswer>(
    planned.map((q) => ({
      queryKey: rangeKey(dsUid, q.expr, q.start, q.end, q.step),
      queryFn: ({ signal }) =>
        queryRange(dsUid, { query: q.expr, start: q.start, end: q.end, step: q.step }, signal).then(
          (r) => ({ ...r, query: q }),
        ),
      placeholderData: keepPreviousData,
      enabled,
    })),
  );
  const answers = results.map((r) => (r.isError ? undefined : r.data));
  const columns = useMemo(() => panelColumns(answers), answers);
  const many = planned.length > 1;
  const errors = results.flatMap((r, i) =>
    r.error ? [`${many ? `${planned[i]!.refId}: ` : ''}${r.error.message}`] : [],
  );
  const warnings = results.flatMap((r) => [...(r.data?.warnings ?? []), ...(r.data?.infos ?? [])]);
  return { ...columns, loading: results.some((r) => r.isFetching), errors, warnings };
}
