// A dashboard's clock: the range from the URL (or the dashboard's default), the refresh
// interval, "now" ticking while the range ends at now, a manual refresh, and the resolved range
// every panel queries. The datasource's health dot is asked again on every tick with it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Dashboard } from '../../model/model.ts';
import { queryClient } from '../../query/client.ts';
import type { CalendarOptions } from '../../time/calendar.ts';
import { parseDuration } from '../../time/duration.ts';
import { isRelativeToNow, resolveRange } from '../../time/time-range.ts';
import { useNow } from '../../ui/use-now.ts';

export function useDashboardClock(
  params: URLSearchParams,
  dash: Dashboard,
  /** The dashboard's zone, week start and fiscal year, which date math reads. */
  calendar: CalendarOptions = {},
) {
  const raw = {
    from: params.get('from') ?? dash.time.from ?? 'now-1h',
    to: params.get('to') ?? dash.time.to ?? 'now',
  };
  const refresh = params.get('refresh') ?? (dash.refresh || 'off');
  const refreshMs = isRelativeToNow(raw) ? (parseDuration(refresh) ?? null) : null;
  const { now, refresh: refreshNow } = useNow(refreshMs);
  const [rev, setRev] = useState(0);
  const refreshAll = () => {
    setRev((r) => r + 1);
    refreshNow();
  };

  // A new range starts from the current moment, not from the last tick.
  useEffect(refreshNow, [raw.from, raw.to]);
  // The datasource's health dot follows the panels: every tick (and manual refresh) asks the
  // server again, which re-probes when its answer is over a second old. A check under way is
  // joined, not restarted.
  useEffect(() => {
    void queryClient.refetchQueries(
      { queryKey: ['health'], type: 'active' },
      { cancelRefetch: false },
    );
  }, [now, rev]);
  const range = useMemo(() => {
    const r = resolveRange(raw, now, calendar);
    return 'error' in r ? r : { ...r, rev };
  }, [raw.from, raw.to, now, rev, calendar]);
  return { raw, refresh, now, refreshAll, range };
}
