// /targets: the datasource's scrape targets by scrape pool, as the Prometheus UI's Targets
// page: each pool with how many targets are up, collapsible; each target with its endpoint,
// state, labels, last scrape ("12s ago"), scrape duration and last error. `?unhealthy=1`
// keeps targets that are not up, `?search=` matches endpoints and labels.
import { useState } from 'preact/hooks';
import { getTargets } from '../api/alerting.ts';
import { seconds, targetPools } from './alerting-view.ts';
import { Empty, LabelChips, PageFrame } from './PageFrame.tsx';
import {
  AgoCell,
  type AlertingPageProps,
  FilterBar,
  GroupTable,
  listFilters,
  useLiveAnswer,
} from './page-parts.tsx';

const COLUMNS = ['Endpoint', 'State', 'Labels', 'Last scrape', 'Scrape duration', 'Error'];

export function TargetsPage({ params, selected }: AlertingPageProps) {
  const {
    answer: targets,
    now,
    frame,
  } = useLiveAnswer(params, ['targets', selected.uid], (signal) =>
    getTargets(selected.uid, signal),
  );
  const { search, onlyUnhealthy } = listFilters(params);
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
      {...frame}
      controls={
        <FilterBar
          search={search}
          onlyUnhealthy={onlyUnhealthy}
          what={{ label: 'targets by endpoint or labels', placeholder: 'endpoint or labels' }}
        >
          <button
            type="button"
            onClick={() =>
              setCollapsed(allCollapsed ? new Set() : new Set(pools.map((p) => p.name)))
            }
          >
            {allCollapsed ? 'Expand all' : 'Collapse all'}
          </button>
        </FilterBar>
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
                  <GroupTable kind="targets" columns={COLUMNS}>
                    {pool.targets.map((t, i) => (
                      <tr key={`${i}\n${t.scrapeUrl}`} data-health={t.health}>
                        <td class="target-endpoint">{t.scrapeUrl}</td>
                        <td>
                          <span class={`alert-state ${t.health}`}>{t.health}</span>
                        </td>
                        <td>
                          <LabelChips labels={t.labels} />
                        </td>
                        <AgoCell at={t.lastScrape} now={now} />
                        <td class="num">
                          {t.lastScrape === undefined ? '' : seconds(t.lastScrapeDuration)}
                        </td>
                        <td class="query-error">{t.lastError}</td>
                      </tr>
                    ))}
                  </GroupTable>
                )}
              </section>
            );
          })
        ))}
    </PageFrame>
  );
}
