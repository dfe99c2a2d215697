// /alerting: the datasource's alerting rules and their alerts, as the Prometheus UI's Alerts
// page shows them: one section per rule with its state and definition (the expression opens
// in Explore), then its alerts with labels, state, active since, value and annotations.
// Filters live in the URL: `state` (firing, pending, inactive; firing and pending by default)
// and `labels`, label matchers as Grafana's alert list takes them.
import type { ComponentChildren } from 'preact';
import type { RuleState } from '../../contract/prometheus.ts';
import { getRules } from '../api/alerting.ts';
import { parseMatchers } from '../api/matchers.ts';
import { setParams, setParamValues } from '../nav/router.ts';
import { formatDuration } from '../time/duration.ts';
import { formatTimestamp } from '../time/time-format.ts';
import {
  ago,
  exploreHref,
  type ListedAlertRule,
  listAlertRules,
  stateCounts,
} from './alerting-view.ts';
import { Empty, LabelChips, PageFrame } from './PageFrame.tsx';
import { type AlertingPageProps, GroupTable, noRulesWords, useLiveAnswer } from './page-parts.tsx';

const STATES: { id: RuleState; words: string }[] = [
  { id: 'firing', words: 'Firing' },
  { id: 'pending', words: 'Pending' },
  { id: 'inactive', words: 'Inactive' },
];
const DEFAULT_STATES: RuleState[] = ['firing', 'pending'];
const COLUMNS = ['Labels', 'State', 'Active since', 'Value'];

/** One line of a rule's definition, `term: value`. */
function Def({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function RuleSection({ item, dsUid, now }: { item: ListedAlertRule; dsUid: string; now: number }) {
  const { rule } = item;
  return (
    <section class="alert-rule" aria-label={`Alert rule ${rule.name}`} data-state={rule.state}>
      <header class="alert-rule-head">
        <span class={`alert-state ${rule.state}`}>{rule.state}</span>
        <h2>{rule.name}</h2>
        <span class="alerting-dim">
          {rule.alerts.length === 1 ? '1 alert' : `${rule.alerts.length} alerts`} · {item.group} ·{' '}
          {item.file}
        </span>
        {rule.health !== 'ok' && (
          <span class={`alert-state ${rule.health}`} title={rule.lastError}>
            {rule.health}
          </span>
        )}
      </header>
      <dl class="rule-definition">
        <Def term="expr">
          <a class="rule-expr" href={exploreHref(rule.query, dsUid)} title="Open in Explore">
            {rule.query}
          </a>
        </Def>
        {rule.duration > 0 && <Def term="for">{formatDuration(rule.duration * 1000)}</Def>}
        {rule.keepFiringFor > 0 && (
          <Def term="keep_firing_for">{formatDuration(rule.keepFiringFor * 1000)}</Def>
        )}
        {Object.keys(rule.labels).length > 0 && (
          <Def term="labels">
            <LabelChips labels={rule.labels} />
          </Def>
        )}
        {Object.entries(rule.annotations).map(([k, v]) => (
          <Def key={k} term={k}>
            <span class="rule-annotation">{v}</span>
          </Def>
        ))}
        {rule.lastError && (
          <Def term="error">
            <span class="query-error">{rule.lastError}</span>
          </Def>
        )}
      </dl>
      {item.alerts.length > 0 && (
        <GroupTable kind="alerts" columns={COLUMNS}>
          {item.alerts.map((a) => (
            <tr key={JSON.stringify(a.labels)} data-state={a.state}>
              <td>
                <LabelChips labels={a.labels} skip={['alertname']} />
                {Object.entries(a.annotations)
                  .filter(([k, v]) => rule.annotations[k] !== v)
                  .map(([k, v]) => (
                    <div class="alert-annotation" key={k}>
                      <span class="alerting-dim">{k}:</span> {v}
                    </div>
                  ))}
              </td>
              <td>
                <span class={`alert-state ${a.state}`}>{a.state}</span>
              </td>
              <td>
                {a.activeAt !== undefined && (
                  <>
                    {formatTimestamp(a.activeAt)}{' '}
                    <span class="alerting-dim">({ago(a.activeAt, now)})</span>
                  </>
                )}
              </td>
              <td class="num">{a.value}</td>
            </tr>
          ))}
        </GroupTable>
      )}
    </section>
  );
}

export function AlertingPage({ params, selected }: AlertingPageProps) {
  const {
    answer: rules,
    now,
    frame,
  } = useLiveAnswer(params, ['rules', selected.uid, 'alert'], (signal) =>
    getRules(selected.uid, signal, 'alert'),
  );
  const given = params
    .getAll('state')
    .filter((s): s is RuleState => STATES.some((x) => x.id === s));
  const states = new Set<RuleState>(params.has('state') ? given : DEFAULT_STATES);
  const labelText = params.get('labels') ?? '';
  const parsed = parseMatchers(labelText);
  const matchers = 'matchers' in parsed ? parsed.matchers : [];
  const groups = rules.data?.groups ?? [];
  const counts = stateCounts(groups);
  const listed = listAlertRules(groups, states, matchers);
  const toggle = (s: RuleState) => {
    const next = STATES.map((x) => x.id).filter((id) =>
      id === s ? !states.has(id) : states.has(id),
    );
    const isDefault = next.join() === DEFAULT_STATES.join();
    // An empty choice is kept in the URL as `state=` so that it does not fall back to the default.
    setParamValues('state', isDefault ? [] : next.length > 0 ? next : [''], { replace: true });
  };
  const total = counts.firing + counts.pending + counts.inactive;

  return (
    <PageFrame
      title="Alerts"
      datasource={selected}
      {...frame}
      controls={
        <>
          <fieldset class="state-filter">
            <legend class="visually-hidden">Show alert rules that are</legend>
            {STATES.map(({ id, words }) => (
              <label key={id} class="check">
                <input type="checkbox" checked={states.has(id)} onChange={() => toggle(id)} />
                <span class={`alert-state ${id}`}>{words}</span> ({counts[id]})
              </label>
            ))}
          </fieldset>
          <div class="label-filter">
            <input
              type="search"
              aria-label="Filter alerts by labels"
              placeholder='Filter by labels: severity="critical", instance=~"prod-.+"'
              value={labelText}
              onInput={(e) =>
                setParams({ labels: e.currentTarget.value || null }, { replace: true })
              }
            />
            {'error' in parsed && (
              <span class="query-error" role="alert">
                {parsed.error}
              </span>
            )}
          </div>
        </>
      }
    >
      {rules.data &&
        (total === 0 ? (
          <Empty>{noRulesWords(selected, 'alerting rules')}</Empty>
        ) : listed.length === 0 ? (
          <Empty>
            No alert rule is {states.size === 0 ? 'chosen' : [...states].join(' or ')}
            {matchers.length > 0 ? ` with alerts matching ${labelText}` : ''}.
          </Empty>
        ) : (
          <div class="alert-rules">
            {listed.map((item, i) => (
              <RuleSection
                key={`${i}\n${item.file}\n${item.group}\n${item.rule.name}`}
                item={item}
                dsUid={selected.uid}
                now={now}
              />
            ))}
          </div>
        ))}
    </PageFrame>
  );
}
