// One QueryClient for the app. Keys carry the whole request ([kind, ds, expr, start, end,
// step]), so identical panels share one fetch, and an aligned range result never goes stale:
// live ticks ask for new keys instead of refetching old ones.
import { QueryClient } from '@tanstack/query-core';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 30_000, // ms: old ticks' results are dropped soon after they are replaced
      retry: false, // the next tick is the retry; a failing Prometheus gets no extra load
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** `rev` is the dashboard's manual refresh count: client-side only, the request is the same. */
export const rangeKey = (
  ds: string,
  expr: string,
  start: number,
  end: number,
  step: number,
  rev: number,
) => ['query_range', ds, expr, start, end, step, rev] as const;

/** An instant query at `time` (unix seconds): a live tick asks at its own "now". */
export const instantKey = (ds: string, expr: string, time: number, rev: number) =>
  ['query', ds, expr, time, rev] as const;
