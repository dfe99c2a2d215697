// /targets: the datasource's scrape targets by scrape pool, as the Prometheus UI's Targets
// page: each pool with how many targets are up, collapsible; each target with its endpoint,
// state, labels, last scrape ("12s ago"), scrape duration and last error. `?unhealthy=1`
// keeps targets that are not up, `?search=` matches endpoints and labels.
import { useState } from 'preact/hooks';
import { getTargets } from '../api/alerting.ts';
import type { Datasource } from '../api/server.ts';
import { setParams } from '../nav/router.ts';
import { useQuery } from '../query/use-queries.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { ago, seconds, targetPools } from './alerting-view.ts';
import { Empty, LabelChips, PageFrame, useLiveClock } from './PageFrame.tsx';

interface Props {
  params: URLSearchParams;
  selected: Datasource;
}

export function TargetsPage({ params, selected }: Props) {
  const clock = useLiveClock(params);
  const targets = useQuery({
    queryKey: ['targets', selected.uid, clock.now],
    queryFn: ({ signal }) => getTargets(selected.uid, signal),
  });
  // ms: times are said against when the answer came, not the tick that asked for it.
  const now = Math.max(clock.now, targets.dataUpdatedAt);
  const onlyUnhealthy = params.get('unhealthy') === '1';
  const search = params.get('search') ?? '';
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const all = targets.data?.activeTargets ?? [];
  const pools = targetPools(all, { onlyUnhealthy, search });
  const toggle = (name: string) => {
    const next = new Set(collapsed);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setCollapsed(next);
  };
  const allCollapsed = pools.length > 0 && pools.every((p) => collapsed.has(p.name));

  return (
    <PageFrame
      title="Targets"
      datasource={selected}
      clock={clock}
      loading={targets.isFetching && !targets.data}
      error={targets.error?.message ?? null}
      controls={
        <>
          <input
            type="search"
            aria-label="Filter targets by endpoint or labels"
            placeholder="Filter by endpoint or labels"
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
          <button
            type="button"
            onClick={() =>
              setCollapsed(allCollapsed ? new Set() : new Set(pools.map((p) => p.name)))
            }
          >
            {allCollapsed ? 'Expand all' : 'Collapse all'}
          </button>
        </>
      }
    >
      {targets.data &&
        (all.length === 0 ? (
          <Empty>
            {selected.name} scrapes no targets: its configuration has no scrape_configs, or service
            discovery has found nothing yet.
          </Empty>
        ) : pools.length === 0 ? (
          <Empty>
            {onlyUnhealthy && !search
              ? `All ${all.length} targets are up.`
              : `No target${onlyUnhealthy ? ' that is down' : ''} matches "${search}".`}
          </Empty>
        ) : (
          pools.map((pool) => {
            const open = !collapsed.has(pool.name);
            return (
              <section key={pool.name} class="target-pool" aria-label={`Scrape pool ${pool.name}`}>
                <header class="rule-group-head">
                  <button
                    type="button"
                    class="pool-toggle"
                    aria-expanded={open}
                    onClick={() => toggle(pool.name)}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                    <h2>{pool.name}</h2>
                  </button>
                  <span
                    class={`alert-state ${pool.up === pool.total ? 'up' : 'down'}`}
                    title="targets up"
                  >
                    {pool.up}/{pool.total} up
                  </span>
                </header>
                {open && (
                  <table class="alerting-table targets">
                    <thead>
                      <tr>
                        <th>Endpoint</th>
                        <th>State</th>
                        <th>Labels</th>
                        <th>Last scrape</th>
                        <th>Scrape duration</th>
                        <th>Error</th>
                      </tr>
                    </thead>
                    <tbody>
                      {pool.targets.map((t, i) => (
                        <tr key={`${i}\n${t.scrapeUrl}`} data-health={t.health}>
                          <td class="target-endpoint">{t.scrapeUrl}</td>
                          <td>
                            <span class={`alert-state ${t.health}`}>{t.health}</span>
                          </td>
                          <td>
                            <LabelChips labels={t.labels} />
                          </td>
                          <td
                            title={
                              t.lastScrape === undefined ? undefined : formatTimestamp(t.lastScrape)
                            }
                          >
                            {ago(t.lastScrape, now)}
                          </td>
                          <td class="num">
                            {t.lastScrape === undefined ? '' : seconds(t.lastScrapeDuration)}
                          </td>
                          <td class="query-error">{t.lastError}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })
        ))}
    </PageFrame>
  );
}
