// Inspect: a drawer over the right of the page (a modal <dialog>, so focus stays in it and
// Escape closes it) showing what a panel asked and got. Data: the series joined by time, or
// one reduced value per series, with CSV download. Query: each request exactly as sent, its
// status and timings. JSON: Prometheus' answers and the panel's JSON, with Copy. It reads the
// panel's own query results; nothing is fetched again. Everything renders as text.
import { createPortal } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toCsv } from '../chart/table.ts';
import { formatValue } from '../fields/units.ts';
import type { Panel } from '../model/model.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { downloadText } from '../ui/download.ts';
import { fileName } from '../ui/file-name.ts';
import { Tabs } from '../ui/Tabs.tsx';
import {
  describeOutcome,
  describeRequest,
  joinByTime,
  rawResponse,
  reducedTable,
  TIME_COLUMN,
  timeTableCsv,
} from './inspect-data.ts';
import { PanelKindContext } from './panel-kind-context.ts';
import { SeriesTable } from './SeriesTable.tsx';
import type { PanelData, QueryOutcome } from './use-panel-data.ts';
import '../ui/editor-forms.css';
import './InspectDrawer.css';

type Tab = 'data' | 'query' | 'json';
const TABS = [
  ['data', 'Data'],
  ['query', 'Query'],
  ['json', 'JSON'],
] as const;

/** Rows drawn on screen at most; the CSV has them all. */
const MAX_ROWS = 2000;

interface Props {
  panel: Panel;
  data: PanelData;
  onClose: () => void;
}

export function InspectDrawer({ panel, data, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>('data');
  useEffect(() => {
    const el = dialog.current!;
    el.showModal();
    el.addEventListener('close', onClose);
    return () => el.removeEventListener('close', onClose);
  }, []);
  const title = panel.title || 'Panel';
  const ms = data.outcomes.reduce((n, o) => Math.max(n, o.totalMs ?? 0), 0);

  return createPortal(
    <dialog ref={dialog} class="drawer" aria-labelledby="inspect-title">
      <header class="drawer-header">
        <div>
          <h2 id="inspect-title">Inspect: {title}</h2>
          <p class="drawer-sub">
            {data.outcomes.length} {data.outcomes.length === 1 ? 'query' : 'queries'} ·{' '}
            {data.series.length} series · {data.samples} samples
            {ms > 0 && ` · answered in ${Math.round(ms)} ms`}
            {data.loading && ' · refreshing…'}
          </p>
        </div>
        <button
          type="button"
          class="icon-button drawer-close"
          aria-label="Close"
          onClick={() => dialog.current?.close()}
        >
          ×
        </button>
      </header>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      <div class="drawer-body" role="tabpanel" aria-label={TABS.find(([t]) => t === tab)![1]}>
        {tab === 'data' && <DataTab panel={panel} data={data} />}
        {tab === 'query' && <QueryTab outcomes={data.outcomes} />}
        {tab === 'json' && <JsonTab panel={panel} outcomes={data.outcomes} />}
      </div>
    </dialog>,
    document.body,
  );
}

// --- Data -------------------------------------------------------------------------------

// Prometheus writes infinities as +Inf and -Inf, which Number() reads as NaN.
const promNumber = (raw: string) =>
  raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);

function DataTab({ panel, data }: { panel: Panel; data: PanelData }) {
  const zone = useContext(TimeSettingsContext).timezone;
  const [view, setView] = useState<'time' | 'reduced'>(
    useContext(PanelKindContext)?.inspectData ?? 'reduced',
  );
  const [formatted, setFormatted] = useState(true);
  const joined = useMemo(
    () => joinByTime(data.outcomes, data.series),
    [data.outcomes, data.series],
  );
  const reduced = useMemo(() => reducedTable(panel, data), [panel, data.series, data.ys]);
  const { unit, decimals } = panel.fieldConfig.defaults;
  const calc = panel.options.reduceOptions?.calcs?.[0] ?? 'lastNotNull';

  const download = () => {
    const csv = view === 'time' ? timeTableCsv(joined) : toCsv(reduced);
    downloadText(csv, fileName(`${panel.title || 'panel'} data`, 'csv'), 'text/csv');
  };
  const shown = joined.rows.length > MAX_ROWS ? joined.rows.slice(-MAX_ROWS) : joined.rows;
  const cell = (raw: string) =>
    raw === '' ? '' : formatted ? formatValue(promNumber(raw), unit, decimals) : raw;

  return (
    <>
      <div class="drawer-tools">
        <label>
          Show
          <select
            value={view}
            onChange={(e) => setView(e.currentTarget.value as 'time' | 'reduced')}
          >
            <option value="time">Series joined by time</option>
            <option value="reduced">Reduced values ({calc})</option>
          </select>
        </label>
        {view === 'time' && (
          <label class="check">
            <input
              type="checkbox"
              checked={formatted}
              onChange={(e) => setFormatted(e.currentTarget.checked)}
            />
            Formatted
          </label>
        )}
        {view === 'time' && (
          <span class="drawer-count" role="status">
            {joined.rows.length} rows × {joined.series.length} series
          </span>
        )}
        <button
          type="button"
          class="primary"
          onClick={download}
          disabled={view === 'time' ? joined.rows.length === 0 : reduced.rows.length === 0}
        >
          Download CSV
        </button>
      </div>
      {view === 'reduced' ? (
        <SeriesTable table={reduced} unit={unit} refId={String(panel.id)} />
      ) : joined.rows.length === 0 ? (
        <p class="page-message">No data.</p>
      ) : (
        <>
          {shown.length < joined.rows.length && (
            <p class="drawer-note">
              Showing the last {shown.length} of {joined.rows.length} rows; the CSV has them all.
            </p>
          )}
          <div class="table-scroll drawer-table">
            <table class="series-table" aria-label="Data">
              <thead>
                <tr>
                  <th>{TIME_COLUMN}</th>
                  {data.series.map((s) => (
                    <th key={s.key} class="num">
                      <span class="swatch" style={{ background: s.color }} />
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.time}>
                    <td title={new Date(r.time * 1000).toISOString()} data-time={r.time}>
                      {formatTimestamp(r.time * 1000, zone)}
                    </td>
                    {r.cells.map((raw, i) => (
                      <td key={data.series[i]!.key} class="num" data-value={raw} title={raw}>
                        {cell(raw)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

// --- Query ------------------------------------------------------------------------------

function QueryTab({ outcomes }: { outcomes: QueryOutcome[] }) {
  if (outcomes.length === 0) {
    return <p class="page-message">This panel has no queries to run.</p>;
  }
  return (
    <>
      {outcomes.map((o) => (
        <section key={o.refId} class="inspect-query" aria-label={`Query ${o.refId}`}>
          <h3>
            <span class="query-ref">{o.refId}</span>
            <code>{o.request.expr}</code>
          </h3>
          <dl class="inspect-facts">
            {[...describeRequest(o.request), ...describeOutcome(o)].map(([k, v], i) => (
              <div key={`${k}-${i}`} data-fact={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <CopyButton label="Copy URL" text={() => new URL(o.request.url, location.href).href} />
        </section>
      ))}
    </>
  );
}

// --- JSON -------------------------------------------------------------------------------

function JsonTab({ panel, outcomes }: { panel: Panel; outcomes: QueryOutcome[] }) {
  const [source, setSource] = useState(outcomes.length > 0 ? '0' : 'panel');
  const i = Number(source);
  const chosen = source === 'panel' ? undefined : outcomes[i];
  const text = useMemo(
    () => JSON.stringify(chosen ? rawResponse(chosen) : panel, null, 2),
    [source, chosen?.answer, chosen?.error, panel],
  );
  return (
    <>
      <div class="drawer-tools">
        <label>
          Source
          <select value={source} onChange={(e) => setSource(e.currentTarget.value)}>
            {outcomes.map((o, j) => (
              <option key={o.refId} value={String(j)}>
                Response of query {o.refId}
              </option>
            ))}
            <option value="panel">Panel JSON</option>
          </select>
        </label>
        <span class="drawer-count">{(text.length / 1024).toFixed(1)} KiB</span>
        <CopyButton label="Copy" text={() => text} />
      </div>
      <section class="json-view" aria-label="JSON">
        <pre>{text}</pre>
      </section>
    </>
  );
}
