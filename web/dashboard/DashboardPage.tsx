// /d/:uid/:slug?from=now-1h&to=now&refresh=5s — the dashboard, live — and /dashboard/new.
// Time and refresh live in the URL (Grafana's parameters); the dashboard JSON gives the
// defaults. "Edit" works on a copy of the JSON as loaded (edit/use-dashboard-edit.tsx): the grid
// becomes draggable, `?editPanel=<id>` opens the panel editor and `?editview=<tab>` the
// settings. This page is the one file that knows every mode: it holds the dashboard's time,
// variables and annotations (view/use-dashboard-*.ts) and picks what shows: the panel editor,
// the settings, or the dashboard with its toolbar, submenu and panels.
import type { ComponentChildren } from 'preact';
import type { DashboardResponse, Datasource } from '../api/server.ts';
import { blankDashboard } from '../model/dashboard-edit.ts';
import { setParams } from '../nav/router.ts';
import { AnnotationsContext } from '../panels/annotations-context.ts';
import { useQuery } from '../query/use-queries.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import { lazy } from '../ui/lazy.tsx';
import { RefreshPicker } from '../ui/RefreshPicker.tsx';
import { TimePicker } from '../ui/TimePicker.tsx';
import type { DatasourceVariable } from '../variables/datasource-picker.ts';
import type { Scope } from '../variables/format.ts';
import { DashboardPanels } from './edit/DashboardPanels.tsx';
import { useDashboardEdit } from './edit/use-dashboard-edit.tsx';
import { DashboardSubmenu } from './view/DashboardSubmenu.tsx';
import { DashboardToolbar } from './view/DashboardToolbar.tsx';
import { dashboardQuery } from './view/dashboard-query.ts';
import { useDashboardAnnotations } from './view/use-dashboard-annotations.tsx';
import { useDashboardClock } from './view/use-dashboard-clock.ts';
import { useDashboardScope } from './view/use-dashboard-scope.ts';
import { useDashboardTimeSettings } from './view/use-dashboard-time-settings.ts';
import { useDashboardPanelActions } from './view/use-panel-actions.ts';

interface Props {
  /** Absent for /dashboard/new. */
  uid?: string;
  params: URLSearchParams;
  datasources: Datasource[];
  selected: Datasource;
  readOnly: boolean;
  /** The dashboard's datasource variable, which replaces the header's picker (or null). */
  onDatasourceVariable?: (v: DatasourceVariable | null) => void;
}

const EMPTY_SCOPE: Scope = new Map();

// Editing is a chunk of its own: viewers never load the editor or the settings. The panel
// editor's route brings the editor with it.
const PanelEditorRoute = lazy(() =>
  import('./panel-editor/PanelEditorRoute.tsx').then((m) => m.PanelEditorRoute),
);
const SettingsView = lazy(() => import('./settings/SettingsView.tsx').then((m) => m.SettingsView));

const NEW: DashboardResponse = {
  dashboard: blankDashboard(),
  meta: { version: 0, provisioned: false, canSave: true, slug: '', url: '' },
};

export function DashboardPage(props: Props) {
  const { uid } = props;
  // Usually started already by the shell, beside the datasource list (dashboard-query.ts).
  const res = useQuery({ ...dashboardQuery(uid ?? ''), enabled: uid !== undefined });
  if (uid === undefined) return <DashboardView {...props} loaded={NEW} isNew />;
  if (res.error) {
    return (
      <main class="page-message">
        <h1>Cannot open dashboard “{uid}”</h1>
        <p role="alert">{res.error.message}</p>
        <a href="/">Go to the home dashboard</a>
      </main>
    );
  }
  if (!res.data) return <main class="page-message">Loading dashboard…</main>;
  return <DashboardView {...props} loaded={res.data} isNew={false} />;
}

function DashboardView({
  uid,
  params,
  datasources,
  selected,
  readOnly,
  loaded,
  isNew,
  onDatasourceVariable,
}: Props & { loaded: DashboardResponse; isNew: boolean }) {
  const edit = useDashboardEdit({ uid, isNew, loaded, params, readOnly });
  const { dash, editing, work } = edit;
  const timeSettings = useDashboardTimeSettings(edit.shown);
  // The annotations' queries come first, so that they stay mounted whichever view shows.
  const withTime = (node: ComponentChildren) => (
    <TimeSettingsContext.Provider value={timeSettings}>
      {annotations.query}
      <AnnotationsContext.Provider value={annotations.data}>{node}</AnnotationsContext.Provider>
    </TimeSettingsContext.Provider>
  );
  const { raw, refresh, now, refreshAll, range } = useDashboardClock(params, dash, timeSettings);
  const rangeNow = 'error' in range ? null : range;
  const { vars, dsVariable, scope, links, linkEnv } = useDashboardScope({
    dash,
    params,
    datasources,
    selected,
    raw,
    now,
    time: rangeNow,
    onDatasourceVariable,
  });
  const panelActions = useDashboardPanelActions(params, raw, !readOnly);

  // The annotation entries, each on or off, and what they found. The built-in entry asks the
  // dashboard's datasource: its datasource variable's, when it has one (that variable is then
  // the page's one picker), else the header's.
  const annotations = useDashboardAnnotations({
    uid: dash.uid,
    annotations: dash.annotations,
    scope,
    datasources,
    selected: datasources.find((d) => d.uid === dsVariable?.uid) ?? selected,
    time: rangeNow,
  });

  // Drag-zoom on any chart, the grid's or the editor's preview, sets the dashboard's range.
  const zoomTo = (start: number, end: number) =>
    setParams({ from: String(start), to: String(end) });

  const controls = (
    <>
      <TimePicker
        value={raw}
        onChange={(r) => setParams({ from: r.from, to: r.to })}
        settings={timeSettings}
        now={now}
      />
      <RefreshPicker
        value={refresh}
        onChange={(v) => setParams({ refresh: v })}
        onRefresh={refreshAll}
      />
    </>
  );

  if (work && edit.editPanel && rangeNow) {
    return withTime(
      <>
        <PanelEditorRoute
          panelId={edit.editPanel}
          work={work}
          fresh={edit.fresh}
          update={edit.update}
          scope={scope ?? EMPTY_SCOPE}
          controls={controls}
          datasources={datasources}
          selected={selected}
          time={rangeNow}
          onZoom={zoomTo}
          onClose={edit.closePanelEditor}
          onBack={edit.closeEditors}
        />
        {edit.dialogs}
      </>,
    );
  }

  if (work && edit.editview) {
    return withTime(
      <>
        <SettingsView
          tab={edit.editview}
          dashboard={work}
          onChange={edit.change}
          datasources={datasources}
          selected={selected}
          variables={vars.states}
          onTab={(t) => setParams({ editview: t, editIndex: null })}
          onClose={() => setParams({ editview: null, editIndex: null })}
          saveButton={edit.saveButton}
        />
        {edit.dialogs}
      </>,
    );
  }

  return withTime(
    <main class={editing ? 'dashboard editing' : 'dashboard'}>
      <DashboardToolbar
        title={dash.title}
        folder={{
          uid: loaded.meta.folderUid,
          title: loaded.meta.folderTitle,
          url: loaded.meta.folderUrl,
        }}
        stored={loaded.dashboard}
        editing={editing}
        isNew={isNew}
        readOnly={readOnly}
        datasources={datasources}
        selected={selected}
        controls={controls}
        saveButton={edit.saveButton}
        onAddPanel={edit.addPanel}
        onAddRow={edit.addRow}
        onSettings={() => setParams({ editview: 'settings' })}
        onEdit={edit.start}
        onExitEdit={edit.exit}
      />
      <DashboardSubmenu
        annotations={annotations}
        vars={vars}
        links={links}
        linkEnv={linkEnv}
        uid={dash.uid}
      />
      <DashboardPanels
        dash={dash}
        range={range}
        scope={scope}
        datasources={datasources}
        selected={selected}
        onZoom={zoomTo}
        panelActions={panelActions}
        linkEnv={linkEnv}
        edit={edit.grid}
        onAddPanel={edit.addPanel}
        onAddRow={edit.addRow}
      />
      {edit.dialogs}
    </main>,
  );
}
