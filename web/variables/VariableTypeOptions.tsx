// The per-type sections of the variable editor that need more than one field: a query
// variable's datasource, query, regex, sort and refresh; an interval's values and auto
// option; a datasource variable's type and instance filter.
import { asFiniteNumber, asText } from '../../contract/json.ts';
import type { Datasource } from '../api/server.ts';
import {
  datasourceKey,
  datasourceRef,
  datasourceVariables,
  queryText,
  setField,
  withQuery,
} from './edit.ts';
import { AUTO_COUNTS, REFRESH_MODES, SORT_MODES } from './edit-choices.ts';
import type { Json } from './edit-list.ts';
import { Check, DraftText, Field } from './FormControls.tsx';

export type SetField = (key: string, value: unknown) => void;

interface SectionProps {
  v: Json;
  set: SetField;
  edit: (next: Json) => void;
}

export function QueryOptions(
  p: SectionProps & {
    list: readonly Json[];
    datasources: readonly Datasource[];
    selected: Datasource;
  },
) {
  const { v, set, edit } = p;
  const key = datasourceKey(v.datasource, p.datasources);
  const dsVars = datasourceVariables(p.list);
  const known = new Set([
    '',
    ...dsVars.map((n) => `var:${n}`),
    ...p.datasources.map((d) => `uid:${d.uid}`),
  ]);
  const refresh = asFiniteNumber(v.refresh, 1);
  return (
    <>
      <h3 class="settings-heading">Query options</h3>
      <Field label="Data source">
        {(id) => (
          <select
            id={id}
            value={key}
            onChange={(e) => edit(setField(v, 'datasource', datasourceRef(e.currentTarget.value)))}
          >
            {dsVars.map((n) => (
              <option key={n} value={`var:${n}`}>
                {`\${${n}}`}
              </option>
            ))}
            {p.datasources.map((d) => (
              <option key={d.uid} value={`uid:${d.uid}`}>
                {d.name}
              </option>
            ))}
            <option value="">Default ({p.selected.name})</option>
            {!known.has(key) && <option value={key}>{key.slice(4)} (not on this server)</option>}
          </select>
        )}
      </Field>
      <Field
        label="Query"
        help={
          <>
            One of <code>label_values(label)</code>, <code>label_values(metric, label)</code>,{' '}
            <code>label_names()</code>, <code>metrics(regex)</code>,{' '}
            <code>query_result(query)</code>, or a series selector. Other variables may be used,
            e.g. <code>$job</code>. Runs when you leave the field (or Ctrl+Enter).
          </>
        }
      >
        {(id) => (
          <DraftText
            id={id}
            multiline
            mono
            value={queryText(v)}
            placeholder='label_values(up{job="api"}, instance)'
            onCommit={(t) => edit(withQuery(v, t))}
          />
        )}
      </Field>
      <Field
        label="Regex"
        help="Optional: keeps the values that match; the first capture group (or named groups text and value) is what is used."
      >
        {(id) => (
          <DraftText
            id={id}
            mono
            value={asText(v.regex)}
            placeholder="/.*-(?<text>.*)-(?<value>.*)-.*/"
            onCommit={(t) => edit(setField(v, 'regex', t))}
          />
        )}
      </Field>
      <div class="field-row">
        <Field label="Sort" help="How to sort the values of this variable">
          {(id) => (
            <select
              id={id}
              value={String(asFiniteNumber(v.sort, 0))}
              onChange={(e) => set('sort', Number(e.currentTarget.value))}
            >
              {SORT_MODES.map(([n, label]) => (
                <option key={n} value={String(n)}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Refresh" help="When to update the values of this variable">
          {(id) => (
            <select
              id={id}
              value={String(refresh)}
              onChange={(e) => set('refresh', Number(e.currentTarget.value))}
            >
              {REFRESH_MODES.map(([n, label]) => (
                <option key={n} value={String(n)}>
                  {label}
                </option>
              ))}
              {!REFRESH_MODES.some(([n]) => n === refresh) && (
                <option value={String(refresh)}>Never (as saved)</option>
              )}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}

export function IntervalOptions({ v, set, edit }: SectionProps) {
  const count = asFiniteNumber(v.auto_count, 30);
  return (
    <>
      <h3 class="settings-heading">Interval options</h3>
      <Field label="Values" help="Intervals separated by comma, e.g. 1m,10m,1h">
        {(id) => (
          <DraftText
            id={id}
            value={queryText(v)}
            placeholder="1m,10m,30m,1h,6h,12h,1d,7d,14d,30d"
            onCommit={(t) => edit(withQuery(v, t))}
          />
        )}
      </Field>
      <Check
        label="Auto option"
        help="Dynamically calculates the interval by dividing the time range by the step count"
        checked={v.auto === true}
        onChange={(on) => edit(setField(v, 'auto', on))}
      />
      {v.auto === true && (
        <div class="field-row">
          <Field label="Step count" help="How many times the time range is divided">
            {(id) => (
              <select
                id={id}
                value={String(count)}
                onChange={(e) => set('auto_count', Number(e.currentTarget.value))}
              >
                {(AUTO_COUNTS.includes(count) ? AUTO_COUNTS : [...AUTO_COUNTS, count]).map((n) => (
                  <option key={n} value={String(n)}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Min interval" help="The calculated value never goes below this">
            {(id) => (
              <DraftText
                id={id}
                value={asText(v.auto_min) || '10s'}
                placeholder="10s"
                onCommit={(t) => set('auto_min', t)}
              />
            )}
          </Field>
        </div>
      )}
    </>
  );
}

export function DatasourceOptions({ v, edit }: Omit<SectionProps, 'set'>) {
  return (
    <>
      <h3 class="settings-heading">Data source options</h3>
      <Field label="Type">
        {(id) => (
          <select
            id={id}
            value={queryText(v) || 'prometheus'}
            onChange={(e) => edit(withQuery(v, e.currentTarget.value))}
          >
            <option value="prometheus">Prometheus</option>
          </select>
        )}
      </Field>
      <Field
        label="Instance name filter"
        help="Regex filter for which data source instances to choose from in the variable value list. Leave empty for all."
      >
        {(id) => (
          <DraftText
            id={id}
            mono
            value={asText(v.regex)}
            placeholder="/.*-(.*)-.*/"
            onCommit={(t) => edit(setField(v, 'regex', t))}
          />
        )}
      </Field>
    </>
  );
}
