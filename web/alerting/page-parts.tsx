// The pieces the Alerts, Rules and Targets pages build from, beside their frame (PageFrame):
// the live answer (asked again at each tick of the refresh picker), the filter bar with the
// URL's `search` and `unhealthy`, a group's table, a "when" cell, and the words for a
// datasource that has no rules. Each page keeps only what is its own: its rows and filters.
import type { ComponentChildren } from 'preact';
import type { Datasource } from '../api/server.ts';
import { setParams } from '../nav/router.ts';
import { useQuery } from '../query/use-queries.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { ago } from './alerting-view.ts';
import { useLiveClock } from './PageFrame.tsx';

/** What every page's props are: the URL's parameters and the datasource picked in the nav. */
export interface AlertingPageProps {
  params: URLSearchParams;
  selected: Datasource;
}

/**
 * One answer of the datasource, asked again at every tick of the page's clock, with what
 * PageFrame needs of it (`frame`) and `now`: the time "12s ago" is said against.
 */
export function useLiveAnswer<T>(
  params: URLSearchParams,
  key: readonly unknown[],
  ask: (signal: AbortSignal) => Promise<T>,
) {
  const clock = useLiveClock(params);
  const answer = useQuery({
    queryKey: [...key, clock.now],
    queryFn: ({ signal }) => ask(signal),
  });
  return {
    answer,
    // ms: times are said against when the answer came, not the tick that asked for it.
    now: Math.max(clock.now, answer.dataUpdatedAt),
    frame: {
      clock,
      loading: answer.isFetching && !answer.data,
      error: answer.error?.message ?? null,
    },
  };
}

/** `?search=` and `?unhealthy=1`, as the Rules and Targets pages filter. */
export function listFilters(params: URLSearchParams) {
  return { search: params.get('search') ?? '', onlyUnhealthy: params.get('unhealthy') === '1' };
}

/** The search box and "Only unhealthy", both kept in the URL; `children` go after them. */
export function FilterBar({
  search,
  onlyUnhealthy,
  what,
  children,
}: {
  search: string;
  onlyUnhealthy: boolean;
  /** "rules by name or expression": the box's label says "Filter <what>". */
  what: { label: string; placeholder: string };
  children?: ComponentChildren;
}) {
  return (
    <>
      <input
        type="search"
        aria-label={`Filter ${what.label}`}
        placeholder={`Filter by ${what.placeholder}`}
        value={search}
        onInput={(e) => setParams({ search: e.currentTarget.value || null }, { replace: true })}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={onlyUnhealthy}
          onChange={(e) =>
            setParams({ unhealthy: e.currentTarget.checked ? '1' : null }, { replace: true })
          }
        />
        Only unhealthy
      </label>
      {children}
    </>
  );
}

/** A group's table (`alerting-table <kind>`) with its column headings. */
export function GroupTable({
  kind,
  columns,
  children,
}: {
  kind: string;
  columns: readonly string[];
  children: ComponentChildren;
}) {
  return (
    <table class={`alerting-table ${kind}`}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** "12s ago", with the exact time on hover; empty when it never happened. */
export function AgoCell({ at, now }: { at: number | undefined; now: number }) {
  return <td title={at === undefined ? undefined : formatTimestamp(at)}>{ago(at, now)}</td>;
}

/** Why a datasource shows no rules, and where each kind of server reads them from. */
export function noRulesWords(datasource: Datasource, what: 'rules' | 'alerting rules'): string {
  return `${datasource.name} has no ${what}. Prometheus reads them from the files its configuration lists under rule_files; VictoriaMetrics shows vmalert's only when started with -vmalert.proxyURL; Mimir and Thanos from their ruler.`;
}
