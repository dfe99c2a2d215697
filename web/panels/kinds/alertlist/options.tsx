// The alert list's option sections as Grafana's panel editor shows them for unified alerting
// (public/app/plugins/panel/alertlist/module.tsx): Options (view mode, grouping, max items,
// sort order, alerts linked to this dashboard, instances), Filter (alert name, instance
// label matchers) and Alert state filter. Prometheus rules are firing, pending or inactive
// (Grafana's Normal), so those are the states offered. Each change writes the current options
// first (alertListOptionsJson), so a legacy panel's top-level fields are carried over.

import { Field, Section, Segmented } from '../../options/controls.tsx';
import { setIn } from '../../options/panel-json.ts';
import type { OptionsProps } from '../../plugin.tsx';
import type { AlertListOptions, SortOrder } from './alert-list.ts';
import { readAlertListOptions } from './alert-list.ts';

const SORT_ORDERS: readonly [SortOrder, string][] = [
  [1, 'Alphabetical (asc)'],
  [2, 'Alphabetical (desc)'],
  [3, 'Importance'],
  [4, 'Time (asc)'],
  [5, 'Time (desc)'],
];

const STATES: readonly [keyof AlertListOptions['stateFilter'], string][] = [
  ['firing', 'Alerting / Firing'],
  ['pending', 'Pending'],
  ['normal', 'Normal'],
];

/** The panel with `change` applied to all of its alert list options, as Grafana stores them. */
export function setAlertListOptions(
  panel: OptionsProps['panel'],
  change: Partial<AlertListOptions>,
): OptionsProps['panel'] {
  const next = { ...readAlertListOptions(panel), ...change };
  const options = { ...((panel.options as Record<string, unknown> | undefined) ?? {}), ...next };
  return setIn(panel, ['options'], options);
}

export function AlertListOptionsPane({ panel, onChange }: OptionsProps) {
  const o = readAlertListOptions(panel);
  const set = (change: Partial<AlertListOptions>) => onChange(setAlertListOptions(panel, change));
  return (
    <>
      <Section title="Options">
        <Segmented
          label="View mode"
          value={o.viewMode}
          choices={[
            ['list', 'List'],
            ['stat', 'Stat'],
          ]}
          onChange={(viewMode) => set({ viewMode })}
        />
        <Segmented
          label="Group mode"
          value={o.groupMode}
          choices={[
            ['default', 'Default grouping'],
            ['custom', 'Custom grouping'],
          ]}
          onChange={(groupMode) => set({ groupMode })}
        />
        {o.groupMode === 'custom' && (
          <Field label="Group by">
            {(id) => (
              <input
                id={id}
                placeholder="label names, comma separated"
                value={o.groupBy.join(', ')}
                onChange={(e) =>
                  set({
                    groupBy: e.currentTarget.value
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  })
                }
              />
            )}
          </Field>
        )}
        <Field label="Max items">
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              value={o.maxItems}
              onChange={(e) => {
                const n = Number(e.currentTarget.value);
                if (Number.isFinite(n) && n >= 0) set({ maxItems: Math.floor(n) });
              }}
            />
          )}
        </Field>
        <Field label="Sort order">
          {(id) => (
            <select
              id={id}
              value={o.sortOrder}
              onChange={(e) => set({ sortOrder: Number(e.currentTarget.value) as SortOrder })}
            >
              {SORT_ORDERS.map(([v, text]) => (
                <option key={v} value={v}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={o.dashboardAlerts}
            onChange={(e) => set({ dashboardAlerts: e.currentTarget.checked })}
          />
          Alerts linked to this dashboard
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={o.showInstances}
            onChange={(e) => set({ showInstances: e.currentTarget.checked })}
          />
          Show alert instances
        </label>
      </Section>
      <Section title="Filter">
        <Field label="Alert name">
          {(id) => (
            <input
              id={id}
              value={o.alertName}
              onChange={(e) => set({ alertName: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field label="Alert instance label">
          {(id) => (
            <input
              id={id}
              placeholder='severity="critical", instance=~"cluster-us-.+"'
              value={o.alertInstanceLabelFilter}
              onChange={(e) => set({ alertInstanceLabelFilter: e.currentTarget.value })}
            />
          )}
        </Field>
      </Section>
      <Section title="Alert state filter">
        {STATES.map(([k, text]) => (
          <label key={k} class="check">
            <input
              type="checkbox"
              checked={o.stateFilter[k]}
              onChange={(e) =>
                set({ stateFilter: { ...o.stateFilter, [k]: e.currentTarget.checked } })
              }
            />
            {text}
          </label>
        ))}
      </Section>
    </>
  );
}
