// What the Alerts, Rules and Targets pages share: the title, the datasource they read, the
// refresh picker (as on dashboards: `?refresh=`, ticks on wall-clock multiples, nothing asked
// while the tab is hidden) and the answer's states in words: loading, unreachable or refused
// (Prometheus' or the proxy's own message), or the page's content.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Datasource } from '../api/server.ts';
import { setParams } from '../nav/router.ts';
import { queryClient } from '../query/client.ts';
import { parseDuration } from '../time/duration.ts';
import { RefreshPicker } from '../ui/RefreshPicker.tsx';
import { useNow } from '../ui/use-now.ts';
import '../ui/alert-badges.css';
import './alerting.css';

/** ms: 30 s unless the URL says otherwise; `off` stops. */
const DEFAULT_REFRESH = '30s';

/**
 * The page's clock: `now` moves every refresh interval, and on "Refresh now". Each tick also
 * re-asks the health dot, as a dashboard tick does.
 */
export function useLiveClock(params: URLSearchParams) {
  const refresh = params.get('refresh') ?? DEFAULT_REFRESH;
  const { now, refresh: refreshNow } = useNow(parseDuration(refresh));
  useEffect(() => {
    void queryClient.refetchQueries(
      { queryKey: ['health'], type: 'active' },
      { cancelRefetch: false },
    );
  }, [now]);
  return { refresh, now, refreshNow };
}

interface Props {
  title: string;
  datasource: Datasource;
  clock: ReturnType<typeof useLiveClock>;
  loading: boolean;
  /** The answer's error in words, or null. */
  error: string | null;
  /** Controls beside the title (filters). */
  controls?: ComponentChildren;
  children: ComponentChildren;
}

export function PageFrame({ title, datasource, clock, loading, error, controls, children }: Props) {
  useEffect(() => {
    document.title = `${title} · Promscope`;
  }, [title]);
  return (
    <main class="alerting-page" aria-busy={loading}>
      <div class="toolbar">
        <h1 class="dash-title">
          {title} <span class="alerting-ds">on {datasource.name}</span>
        </h1>
        <div class="toolbar-controls">
          <RefreshPicker
            value={clock.refresh}
            onChange={(v) =>
              setParams({ refresh: v === DEFAULT_REFRESH ? null : v }, { replace: true })
            }
            onRefresh={clock.refreshNow}
          />
        </div>
      </div>
      {controls && <div class="alerting-controls">{controls}</div>}
      {loading && <div class="alerting-loading" role="progressbar" aria-label="Loading" />}
      {error !== null && (
        <p class="alerting-error" role="alert">
          {error}
        </p>
      )}
      {children}
    </main>
  );
}

/** A page's empty state, in words. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="alerting-empty">{children}</p>;
}

/** Label pairs as chips, `alertname` left out where the heading already says it. */
export function LabelChips({
  labels,
  skip = [],
}: {
  labels: Record<string, string>;
  skip?: string[];
}) {
  const shown = Object.entries(labels).filter(([k]) => !skip.includes(k));
  if (shown.length === 0) return <span class="alerting-dim">no labels</span>;
  return (
    <span class="alert-labels">
      {shown.map(([k, v]) => (
        <span class="alert-label" key={k} title={`${k}="${v}"`}>
          {k}="{v}"
        </span>
      ))}
    </span>
  );
}
