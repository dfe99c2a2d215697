// /rules: every rule group of the datasource, as the Prometheus UI's Rules page: the group's
// file, interval, last evaluation and evaluation time, then each recording and alerting rule
// with its health, last error, last evaluation and evaluation time; the expression opens in
// Explore. `?search=` filters by rule name or expression, `?unhealthy=1` keeps rules whose
// health is not ok.
import type { PromRule } from '../../contract/prometheus.ts';
import { getRules } from '../api/alerting.ts';
import type { Datasource } from '../api/server.ts';
import { setParams } from '../nav/router.ts';
import { useQuery } from '../query/use-queries.ts';
import { formatDuration } from '../time/duration.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { ago, exploreHref, filterRules, seconds } from './alerting-view.ts';
import { Empty, LabelChips, PageFrame, useLiveClock } from './PageFrame.tsx';

interface Props {
  params: URLSearchParams;
  selected: Datasource;
}

function RuleRow({ rule, dsUid, now }: { rule: PromRule; dsUid: string; now: number }) {
  const alerting = rule.type === 'alerting';
  return (
    <tr data-type={rule.type} data-health={rule.health}>
      <td class="rule-cell">
        <div>
          <span class="alerting-dim">{alerting ? 'alert:' : 'record:'}</span>{' '}
          <span class="rule-name">{rule.name}</span>
        </div>
        <div>
          <span class="alerting-dim">expr:</span>{' '}
          <a class="rule-expr" href={exploreHref(rule.query, dsUid)} title="Open in Explore">
            {rule.query}
          </a>
        </div>
        {alerting && rule.duration > 0 && (
          <div>
            <span class="alerting-dim">for:</span> {formatDuration(rule.duration * 1000)}
          </div>
        )}
        {Object.keys(rule.labels).length > 0 && (
          <div>
            <span class="alerting-dim">labels:</span> <LabelChips labels={rule.labels} />
          </div>
        )}
      </td>
      <td>
        <span class={`alert-state ${rule.health}`}>{rule.health}</span>
        {alerting && (
          <div>
            <span class={`alert-state ${rule.state}`}>{rule.state}</span>
          </div>
        )}
      </td>
      <td class="query-error">{rule.lastError}</td>
      <td
        title={rule.lastEvaluation === undefined ? undefined : formatTimestamp(rule.lastEvaluation)}
      >
        {ago(rule.lastEvaluation, now)}
      </td>
      <td class="num">{seconds(rule.evaluationTime)}</td>
    </tr>
  );
}

export function RulesPage({ params, selected }: Props) {
  const clock = useLiveClock(params);
  const rules = useQuery({
    queryKey: ['rules', selected.uid, 'all', clock.now],
    queryFn: ({ signal }) => getRules(selected.uid, signal),
  });
  // ms: times are said against when the answer came, not the tick that asked for it.
  const now = Math.max(clock.now, rules.dataUpdatedAt);
  const search = params.get('search') ?? '';
  const onlyUnhealthy = params.get('unhealthy') === '1';
  const groups = (rules.data?.groups ?? []).map((g) => ({
    ...g,
    shown: filterRules(g.rules, search, onlyUnhealthy),
  }));
  const visible = groups.filter((g) => g.shown.length > 0);

  return (
    <PageFrame
      title="Rules"
      datasource={selected}
      clock={clock}
      loading={rules.isFetching && !rules.data}
      error={rules.error?.message ?? null}
      controls={
        <>
          <input
            type="search"
            aria-label="Filter rules by name or expression"
            placeholder="Filter by rule name or expression"
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
        </>
      }
    >
      {rules.data &&
        (groups.length === 0 ? (
          <Empty>
            {selected.name} has no rules. Prometheus reads them from the files its configuration
            lists under rule_files; VictoriaMetrics shows vmalert's only when started with
            -vmalert.proxyURL; Mimir and Thanos from their ruler.
          </Empty>
        ) : visible.length === 0 ? (
          <Empty>
            No rule {onlyUnhealthy ? 'is unhealthy' : ''}
            {search ? `${onlyUnhealthy ? ' and ' : ''}matches "${search}"` : ''}.
          </Empty>
        ) : (
          visible.map((g, i) => (
            <section
              key={`${i}\n${g.file}\n${g.name}`}
              class="rule-group"
              aria-label={`Rule group ${g.name}`}
            >
              <header class="rule-group-head">
                <h2>{g.name}</h2>
                <span class="alerting-dim" title="file">
                  {g.file}
                </span>
                <span class="rule-group-facts">
                  <span>interval {formatDuration(g.interval * 1000)}</span>
                  <span
                    title={
                      g.lastEvaluation === undefined ? undefined : formatTimestamp(g.lastEvaluation)
                    }
                  >
                    last evaluation {ago(g.lastEvaluation, now)}
                  </span>
                  <span>evaluation time {seconds(g.evaluationTime)}</span>
                </span>
              </header>
              <table class="alerting-table rules">
                <thead>
                  <tr>
                    <th>Rule</th>
                    <th>Health</th>
                    <th>Error</th>
                    <th>Last evaluation</th>
                    <th>Evaluation time</th>
                  </tr>
                </thead>
                <tbody>
                  {g.shown.map((r, j) => (
                    <RuleRow key={`${j}\n${r.name}`} rule={r} dsUid={selected.uid} now={now} />
                  ))}
                </tbody>
              </table>
            </section>
          ))
        ))}
    </PageFrame>
  );
}
