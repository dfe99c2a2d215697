// Grafana's alert list panel, drawn from the alerting rules of the panel's Prometheus
// datasource (/api/v1/rules?type=alert): one row per rule with its state and how long it has
// been in it, optionally its instances, or instances grouped by labels (custom grouping), or
// one number (stat view). Asked again on every tick of the dashboard, as panels are. What it
// selects and in which order is alert-list.ts; everything from Prometheus renders as text.
import { useMemo } from 'preact/hooks';
import type { AlertingRule, PromAlert } from '../../../../contract/prometheus.ts';
import { undrawnOptions } from '../../../../contract/undrawn.ts';
import { getRules } from '../../../api/alerting.ts';
import { useLinkEnvContext } from '../../../links/links-context.ts';
import { useQuery } from '../../../query/use-queries.ts';
import { formatDuration } from '../../../time/duration.ts';
import { interpolateVariables } from '../../../variables/format.ts';
import {
  firstActiveAt,
  groupInstances,
  type ListedRule,
  readAlertListOptions,
  selectRules,
} from './alert-list.ts';
import '../../../ui/alert-badges.css';
import './alert-list.css';
import { PanelFrame } from '../../PanelFrame.tsx';
import type { PanelProps } from '../../types.ts';

/** "for 3m12s": how long since `ms`, in whole seconds, Prometheus' way. */
function since(ms: number | undefined, now: number): string {
  if (ms === undefined) return '';
  return formatDuration(Math.max(0, Math.floor((now - ms) / 1000)) * 1000);
}

const STATE_WORDS: Record<AlertingRule['state'], string> = {
  firing: 'Firing',
  pending: 'Pending',
  inactive: 'Normal',
};

function Labels({ labels, skip = [] }: { labels: Record<string, string>; skip?: string[] }) {
  const shown = Object.entries(labels).filter(
    ([k]) => k !== 'alertname' && !k.startsWith('__') && !skip.includes(k),
  );
  return (
    <span class="alert-labels">
      {shown.map(([k, v]) => (
        <span class="alert-label" key={k}>
          {k}={v}
        </span>
      ))}
    </span>
  );
}

function Instance({
  alert,
  name,
  now,
  skip,
}: {
  alert: PromAlert;
  name?: string;
  now: number;
  /** Labels the group's heading already says. */
  skip?: string[];
}) {
  return (
    <li class="alertlist-instance" data-state={alert.state}>
      <span class={`alert-state ${alert.state}`}>{STATE_WORDS[alert.state]}</span>
      {name && <span class="alertlist-name">{name}</span>}
      <Labels labels={alert.labels} skip={skip} />
      <span class="alertlist-since">
        {alert.activeAt !== undefined && `for ${since(alert.activeAt, now)}`}
      </span>
    </li>
  );
}

function RuleRow({ item, now, instances }: { item: ListedRule; now: number; instances: boolean }) {
  const { rule } = item;
  const first = firstActiveAt(rule);
  const summary = rule.annotations.summary ?? rule.alerts[0]?.annotations.summary;
  return (
    <li class="alertlist-rule" data-state={rule.state}>
      <div class="alertlist-head">
        <span class={`alert-state ${rule.state}`}>{STATE_WORDS[rule.state]}</span>
        <span class="alertlist-name">{rule.name}</span>
        <span class="alertlist-since">
          {rule.state !== 'inactive' && first !== undefined && `for ${since(first, now)}`}
          {rule.alerts.length > 1 && ` · ${rule.alerts.length} instances`}
        </span>
      </div>
      {summary && <div class="alertlist-summary">{summary}</div>}
      {instances && rule.alerts.length > 0 && (
        <ul class="alertlist-instances">
          {rule.alerts.map((a) => (
            <Instance key={JSON.stringify(a.labels)} alert={a} now={now} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function AlertListPanel({ panel, dsUid, time }: PanelProps) {
  const json = panel as unknown as Record<string, unknown>;
  const options = useMemo(() => readAlertListOptions(json), [panel]);
  const env = useLinkEnvContext();
  // The rules are asked again on every tick and "Refresh now", as queries are.
  const rules = useQuery({
    queryKey: ['rules', dsUid, 'alert', time.end, time.rev],
    queryFn: ({ signal }) => getRules(dsUid, signal, 'alert'),
  });
  // ms: "for 3m" counts to this render (a tick re-renders), never to a past range's end.
  const now = Date.now();
  const dashboardUid = /^\/d\/([A-Za-z0-9_-]+)/.exec(location.pathname)?.[1];
  const selection = useMemo(
    () =>
      selectRules(rules.data?.groups ?? [], options, {
        now,
        dashboardUid,
        interpolate: env ? (t) => interpolateVariables(t, env.scope, 'value') : undefined,
      }),
    [rules.data, options, now, dashboardUid, env],
  );
  const undrawn = useMemo(() => undrawnOptions(json).map((u) => u.message), [panel]);
  const shown = selection.rules.slice(0, options.maxItems);
  const groups =
    options.groupMode === 'custom'
      ? groupInstances(selection.rules, options.groupBy).slice(0, options.maxItems)
      : [];
  const errors = rules.error ? [rules.error.message] : [];
  const notices = selection.filterError ? [selection.filterError] : [];
  const empty = rules.data !== undefined && selection.rules.length === 0;

  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      loading={rules.isFetching}
      errors={errors}
      notices={notices}
      panelId={panel.id}
      links={panel.links}
      undrawn={undrawn}
    >
      <div
        class="panel-body alertlist"
        data-rules={rules.data ? selection.rules.length : undefined}
      >
        {options.viewMode === 'stat' ? (
          <div class="alertlist-stat" data-value={selection.rules.length}>
            {rules.data ? selection.rules.length : ''}
          </div>
        ) : empty ? (
          <p class="panel-empty">No alerts matching filters</p>
        ) : options.groupMode === 'custom' ? (
          <ul class="alertlist-groups">
            {groups.map((g) => (
              <li key={JSON.stringify(g.labels)} class="alertlist-group">
                <div class="alertlist-head">
                  {Object.keys(g.labels).length > 0 ? (
                    <Labels labels={g.labels} />
                  ) : (
                    <span class="alerting-dim">No grouping</span>
                  )}
                </div>
                <ul class="alertlist-instances">
                  {g.alerts.map(({ rule, alert }) => (
                    <Instance
                      key={`${rule}${JSON.stringify(alert.labels)}`}
                      alert={alert}
                      name={rule}
                      now={now}
                      skip={options.groupBy}
                    />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <ul class="alertlist-rules">
            {shown.map((item, i) => (
              <RuleRow
                key={`${i}\n${item.file}\n${item.group}\n${item.rule.name}`}
                item={item}
                now={now}
                instances={options.showInstances}
              />
            ))}
          </ul>
        )}
      </div>
    </PanelFrame>
  );
}
