// Dashboard settings tabs (`?editview=<id>`, Grafana's ids). Each tab edits the working copy
// of the dashboard JSON through `onChange`; add a tab by adding an entry to SETTINGS_TABS
// (General, Annotations, Variables, JSON Model, in Grafana's order).

import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { asRecord, asString } from '../../../contract/json.ts';
import type { Datasource } from '../../api/server.ts';
import type { Json } from '../../model/dashboard-edit.ts';
import { MONTHS } from '../../time/date-format.ts';
import { readTimeSettings } from '../../time/time-settings.ts';
import { RangeOptions } from '../../ui/TimePicker.tsx';
import type { VariableState } from '../../variables/resolve.ts';
import { VariablesSettings } from '../../variables/VariablesSettings.tsx';
import { AnnotationsSettings } from './AnnotationsSettings.tsx';
import { parseDashboardJson, splitTags } from './settings.ts';

export interface SettingsTabProps {
  dashboard: Json;
  onChange: (next: Json) => void;
  /** The server's datasources and the one selected in the header (the default). */
  datasources: readonly Datasource[];
  selected: Datasource;
  /** The working copy's variables as the dashboard evaluates them live (for previews). */
  variables: readonly VariableState[];
}

export interface SettingsTab {
  id: string;
  label: string;
  Component: ComponentType<SettingsTabProps>;
}

const REFRESH = ['', '5s', '10s', '30s', '1m', '5m', '15m', '30m', '1h'];
const TOOLTIP = [
  [0, 'Default', 'Each panel shows its own crosshair and tooltip'],
  [1, 'Shared crosshair', 'The crosshair follows the mouse on every time series panel'],
  [2, 'Shared tooltip', 'The crosshair and tooltip show on every time series panel'],
] as const;

// Grafana's settings choices: its week starts, and months for the fiscal year.
const WEEK_STARTS = [
  ['', 'Default'],
  ['saturday', 'Saturday'],
  ['sunday', 'Sunday'],
  ['monday', 'Monday'],
] as const;

/** Browser, UTC, then every IANA zone this browser knows, and the dashboard's own if not. */
function zoneChoices(current: string): [string, string][] {
  const names =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all: [string, string][] = [
    ['browser', 'Browser Time'],
    ['utc', 'Coordinated Universal Time'],
    ...names.map((n): [string, string] => [n, n.replaceAll('_', ' ')]),
  ];
  return all.some(([v]) => v === current) ? all : [...all, [current, current]];
}

function GeneralSettings({ dashboard, onChange }: SettingsTabProps) {
  const set = (k: string, v: unknown) => onChange({ ...dashboard, [k]: v });
  const time = asRecord(dashboard.time);
  const tags = Array.isArray(dashboard.tags)
    ? dashboard.tags.filter((t) => typeof t === 'string')
    : [];
  const [tagText, setTagText] = useState('');
  const addTags = () => {
    const more = splitTags(tagText).filter((t) => !tags.includes(t));
    if (more.length) set('tags', [...tags, ...more]);
    setTagText('');
  };
  const tooltip = typeof dashboard.graphTooltip === 'number' ? dashboard.graphTooltip : 0;
  const refresh = asString(dashboard.refresh);
  const zone = asString(dashboard.timezone) || 'browser';
  const weekStart = asString(dashboard.weekStart);

  return (
    <div class="settings-form">
      <label class="field">
        <span>Title</span>
        <input
          value={asString(dashboard.title)}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>Description</span>
        <textarea
          rows={3}
          value={asString(dashboard.description)}
          onInput={(e) => set('description', e.currentTarget.value || undefined)}
        />
      </label>
      <div class="field">
        <label for="settings-tags">Tags</label>
        <div class="tag-editor">
          {tags.map((t) => (
            <span key={t} class="tag small">
              {t}
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove tag ${t}`}
                onClick={() =>
                  set(
                    'tags',
                    tags.filter((x) => x !== t),
                  )
                }
              >
                ✕
              </button>
            </span>
          ))}
          <input
            id="settings-tags"
            placeholder="New tag (Enter to add)"
            value={tagText}
            onInput={(e) => setTagText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTags();
              }
            }}
            onBlur={addTags}
          />
        </div>
      </div>
      <h3 class="settings-heading">Time options</h3>
      <div class="field-row">
        <label class="field">
          <span>Default time range</span>
          <select
            value={`${asString(time.from)}|${asString(time.to)}`}
            onChange={(e) => {
              const [from, to] = e.currentTarget.value.split('|');
              set('time', { ...time, from, to });
            }}
          >
            <RangeOptions
              value={{ from: asString(time.from), to: asString(time.to) }}
              settings={readTimeSettings(dashboard)}
            />
          </select>
        </label>
        <label class="field">
          <span>Auto refresh</span>
          <select value={refresh} onChange={(e) => set('refresh', e.currentTarget.value)}>
            {(REFRESH.includes(refresh) ? REFRESH : [...REFRESH, refresh]).map((r) => (
              <option key={r} value={r}>
                {r === '' ? 'Off' : `Every ${r}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="field-row">
        <label class="field">
          <span>Time zone</span>
          <select value={zone} onChange={(e) => set('timezone', e.currentTarget.value)}>
            {zoneChoices(zone).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Week start</span>
          <select value={weekStart} onChange={(e) => set('weekStart', e.currentTarget.value)}>
            {WEEK_STARTS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Start of fiscal year</span>
          <select
            value={String(readTimeSettings(dashboard).fiscalYearStartMonth)}
            onChange={(e) => set('fiscalYearStartMonth', Number(e.currentTarget.value))}
          >
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i)}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h3 class="settings-heading">Panel options</h3>
      <fieldset class="field tooltip-choice">
        <legend>Graph tooltip</legend>
        {TOOLTIP.map(([v, label, help]) => (
          <label key={v} class="radio-card">
            <input
              type="radio"
              name="graphTooltip"
              checked={tooltip === v}
              onChange={() => set('graphTooltip', v)}
            />
            <span>
              <strong>{label}</strong>
              <small>{help}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function JsonModelSettings({ dashboard, onChange }: SettingsTabProps) {
  const [text, setText] = useState(() => JSON.stringify(dashboard, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const apply = () => {
    const parsed = parseDashboardJson(text);
    if (!parsed.ok) {
      setError(parsed.error);
      setApplied(false);
      return;
    }
    setError(null);
    setApplied(true);
    onChange(parsed.dashboard);
  };
  return (
    <div class="settings-form json-model">
      <p class="settings-help">
        The dashboard's Grafana JSON. Changes apply to the working copy; save to keep them.
      </p>
      <textarea
        class="json-editor"
        aria-label="Dashboard JSON"
        spellcheck={false}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setApplied(false);
        }}
      />
      {error && (
        <p class="query-error" role="alert">
          {error}
        </p>
      )}
      <div class="modal-actions left">
        <button type="button" class="primary" onClick={apply}>
          Apply JSON
        </button>
        {applied && (
          <span class="settings-ok" role="status">
            Applied to the working copy
          </span>
        )}
      </div>
    </div>
  );
}

export const SETTINGS_TABS: SettingsTab[] = [
  { id: 'settings', label: 'General', Component: GeneralSettings },
  { id: 'annotations', label: 'Annotations', Component: AnnotationsSettings },
  { id: 'variables', label: 'Variables', Component: VariablesSettings },
  { id: 'dashboard_json', label: 'JSON Model', Component: JsonModelSettings },
];
