// /rules: every rule group of the datasource, as the Prometheus UI's Rules page: the group's
// file, interval, last evaluation and evaluation time, then each recording and alerting rule
// with its health, last error, last evaluation and evaluation time; the expression opens in
// Explore. `?search=` filters by rule name or expression, `?unhealthy=1` keeps rules whose
// health is not ok. Where the server pages its groups (Prometheus 3), "Load more" asks for the
// next page (rule-pages.ts).
import { useState } from 'preact/hooks';
import type { PromRule } from '../../contract/prometheus.ts';
import { getRules } from '../api/alerting.ts';
import { formatDuration } from '../time/duration.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { ago, exploreHref, filterRules, seconds } from './alerting-view.ts';
import { Empty, LabelChips, PageFrame } from './PageFrame.tsx';
import {
  AgoCell,
  type AlertingPageProps,
  FilterBar,
  GroupTable,
  listFilters,
  noRulesWords,
  useLiveAnswer,
} from './page-parts.tsx';
import { fetchRulePages, GROUP_LIMIT } from './rule-pages.ts';

const COLUMNS = ['Rule', 'Health', 'Error', 'Last evaluation', 'Evaluation time'];

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
      <AgoCell at={rule.lastEvaluation} now={now} />
      <td class="num">{seconds(rule.evaluationTime)}</td>
    </tr>
  );
}

export function RulesPage({ params, selected }: AlertingPageProps) {
  // How many pages of groups are shown; every refresh asks them all again, in order.
  const [pages, setPages] = useState(1);
  const live = useLiveAnswer(params, ['rules', selected.uid, 'all', pages], (signal) =>
    fetchRulePages(
      (token) => getRules(selected.uid, signal, undefined, { limit: GROUP_LIMIT, token }),
      pages,
    ),
  );
  const { answer: rules, now, frame } = live;
  const { search, onlyUnhealthy } = listFilters(params);
  const groups = (rules.data?.groups ?? []).map((g) => ({
    ...g,
    shown: filterRules(g.rules, search, onlyUnhealthy),
  }));
  const visible = groups.filter((g) => g.shown.length > 0);

  return (
    <PageFrame
      title="Rules"
      datasource={selected}
      {...frame}
      controls={
        <FilterBar
          search={search}
          onlyUnhealthy={onlyUnhealthy}
          what={{ label: 'rules by name or expression', placeholder: 'rule name or expression' }}
        />
      }
    >
      {rules.data &&
        (groups.length === 0 ? (
          <Empty>{noRulesWords(selected, 'rules')}</Empty>
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
              <GroupTable kind="rules" columns={COLUMNS}>
                {g.shown.map((r, j) => (
                  <RuleRow key={`${j}\n${r.name}`} rule={r} dsUid={selected.uid} now={now} />
                ))}
              </GroupTable>
            </section>
          ))
        ))}
      {rules.data?.groupNextToken && (
        <p class="alerting-more">
          <span class="alerting-dim">
            {groups.length} rule groups loaded; {selected.name} has more.
          </span>{' '}
          <button type="button" disabled={rules.isFetching} onClick={() => setPages(pages + 1)}>
            Load more
          </button>
        </p>
      )}
    </PageFrame>
  );
}
