// /d/:uid/:slug?from=now-1h&to=now&refresh=5s — the dashboard, live. Time and refresh live in
// the URL (Grafana's parameters); the dashboard JSON gives the defaults.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Datasource } from '../api/server.ts';
import { getDashboard } from '../api/server.ts';
import { setParams } from '../app/router.ts';
import { PanelActionsContext } from '../panels/panel-actions.ts';
import { useQuery } from '../query/use-queries.ts';
import { parseDuration } from '../time/duration.ts';
import { isRelativeToNow, resolveRange } from '../time/time-range.ts';
import { readVariables } from '../variables/model.ts';
import { useVariables } from '../variables/use-variables.ts';
import { VariablesBar } from '../variables/VariablesBar.tsx';
import { DashboardGrid } from './DashboardGrid.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { normaliseDashboard } from './model.ts';
import { RefreshPicker } from './RefreshPicker.tsx';
import { TimePicker } from './TimePicker.tsx';
import { useNow } from './use-now.ts';
import { useDashboardPanelActions } from './use-panel-actions.ts';

interface Props {
  uid: string;
  params: URLSearchParams;
  datasources: Datasource[];
  selected: Datasource;
}

export function DashboardPage({ uid, params, datasources, selected }: Props) {
  const res = useQuery({
    queryKey: ['dashboard', uid],
    queryFn: ({ signal }) => getDashboard(uid, signal),
  });
  const dash = useMemo(
    () => (res.data ? normaliseDashboard(res.data.dashboard) : undefined),
    [res.data],
  );
  const raw = {
    from: params.get('from') ?? dash?.time.from ?? 'now-1h',
    to: params.get('to') ?? dash?.time.to ?? 'now',
  };
  const refresh = params.get('refresh') ?? (dash?.refresh || 'off');
  const refreshMs = isRelativeToNow(raw) ? (parseDuration(refresh) ?? null) : null;
  const { now, refresh: refreshNow } = useNow(refreshMs);
  const [rev, setRev] = useState(0);
  const refreshAll = () => {
    setRev((r) => r + 1);
    refreshNow();
  };

  // A new range starts from the current moment, not from the last tick.
  useEffect(refreshNow, [raw.from, raw.to]);
  const range = useMemo(() => {
    const r = resolveRange(raw, now);
    return 'error' in r ? r : { ...r, rev };
  }, [raw.from, raw.to, now, rev]);
  const defs = useMemo(() => readVariables(dash?.templating), [dash]);
  const vars = useVariables(
    defs,
    params,
    datasources,
    selected,
    'error' in range ? null : range,
    `${raw.from}|${raw.to}`,
    now,
  );
  useEffect(() => {
    if (dash) document.title = `${dash.title} · Promscope`;
  }, [dash?.title]);
  const panelActions = useDashboardPanelActions(params, raw, false);

  if (res.error) {
    return (
      <main class="page-message">
        <h1>Cannot open dashboard “{uid}”</h1>
        <p role="alert">{res.error.message}</p>
        <a href="/">Go to the home dashboard</a>
      </main>
    );
  }
  if (!dash) return <main class="page-message">Loading dashboard…</main>;

  return (
    <main class="dashboard">
      <div class="toolbar">
        <h1 class="dash-title">{dash.title}</h1>
        <div class="toolbar-controls">
          <ExportDialog
            stored={res.data!.dashboard}
            title={dash.title}
            datasources={datasources}
            selected={selected}
          />
          <TimePicker value={raw} onChange={(r) => setParams({ from: r.from, to: r.to })} />
          <RefreshPicker
            value={refresh}
            onChange={(v) => setParams({ refresh: v })}
            onRefresh={refreshAll}
          />
        </div>
      </div>
      <VariablesBar states={vars.states} onChange={vars.setValue} />
      {'error' in range ? (
        <p class="page-message" role="alert">
          {range.error}
        </p>
      ) : !vars.panelScope ? (
        <p class="page-message" aria-busy="true">
          Loading variables…
        </p>
      ) : (
        <PanelActionsContext.Provider value={panelActions}>
          <DashboardGrid
            panels={dash.panels}
            scope={vars.panelScope}
            datasources={datasources}
            selected={selected}
            onZoom={(start, end) => setParams({ from: String(start), to: String(end) })}
            time={range}
            graphTooltip={dash.graphTooltip}
            viewPanel={panelActions.viewing}
          />
        </PanelActionsContext.Provider>
      )}
    </main>
  );
}
