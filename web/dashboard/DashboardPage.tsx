// /d/:uid/:slug?from=now-1h&to=now&refresh=5s — the dashboard, live — and /dashboard/new.
// Time and refresh live in the URL (Grafana's parameters); the dashboard JSON gives the
// defaults. "Edit" works on a copy of the JSON as loaded (edit/use-dashboard-edit.tsx): the grid
// becomes draggable, `?editPanel=<id>` opens the panel editor and `?editview=<tab>` the
// settings. This page is the one file that knows every mode: it holds the dashboard's time,
// variables and annotations (view/use-dashboard-*.ts) and picks what shows: the panel editor,
// the settings, or the dashboard with its toolbar, submenu and panels.
import type { ComponentChildren } from 'preact';
import type { DashboardResponse, Datasource } from '../api/server.ts';
import { LinkEnvContext } from '../links/links-context.ts';
import { blankDashboard } from '../model/dashboard-edit.ts';
import { setParams } from '../nav/router.ts';
import { AnnotationsContext } from '../panels/annotations-context.ts';
import { PanelActionsContext } from '../panels/panel-actions.ts';
import { useQuery } from '../query/use-queries.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import { lazy } from '../ui/lazy.tsx';
import { RefreshPicker } from '../ui/RefreshPicker.tsx';
import { TimePicker } from '../ui/TimePicker.tsx';
import type { DatasourceVariable } from '../variables/datasource-picker.ts';
import type { Scope } from '../variables/format.ts';
import { VariablesBar } from '../variables/VariablesBar.tsx';
import type { GridEdit } from './edit/EditGrid.tsx';
import { useDashboardEdit } from './edit/use-dashboard-edit.tsx';
import { AnnotationToggles } from './view/AnnotationToggles.tsx';
import { DashboardGrid, type GridProps } from './view/DashboardGrid.tsx';
import { DashboardLinks } from './view/DashboardLinks.tsx';
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

// Editing is a chunk of its own: viewers never load the editor or the settings.
// The draggable grid of edit mode loads the first time someone edits.
const EditGrid = lazy(() => import('./edit/EditGrid.tsx').then((m) => m.EditGrid));
// So are the empty dashboard's call to action (shown only in edit mode; the confirmations
// are use-dashboard-edit.tsx's) and the panel editor's route, which brings the editor with it.
const EmptyDashboard = lazy(() => import('./edit/EditParts.tsx').then((m) => m.EmptyDashboard));
const PanelEditorRoute = lazy(() =>
  import('./panel-editor/PanelEditorRoute.tsx').then((m) => m.PanelEditorRoute),
);

/** The view grid, or in edit mode the draggable one in its place. */
function Grid({ edit, ...props }: GridProps & { edit?: GridEdit }) {
  return edit ? <EditGrid {...props} edit={edit} /> : <DashboardGrid {...props} />;
}

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
      <div class="submenu">
        <AnnotationToggles
          defs={annotations.defs}
          on={annotations.on}
          errors={annotations.data.errors}
          onToggle={annotations.toggle}
        />
        <VariablesBar states={vars.states} onChange={vars.setValue} />
        <DashboardLinks links={links} env={linkEnv} uid={dash.uid} />
      </div>
      {'error' in range ? (
        <p class="page-message" role="alert">
          {range.error}
        </p>
      ) : !scope ? (
        <p class="page-message" aria-busy="true">
          Loading variables…
        </p>
      ) : editing && dash.panels.length === 0 ? (
        <EmptyDashboard onAddPanel={edit.addPanel} onAddRow={edit.addRow} />
      ) : (
        <PanelActionsContext.Provider value={panelActions}>
          <LinkEnvContext.Provider value={linkEnv}>
            <Grid
              panels={dash.panels}
              scope={scope}
              datasources={datasources}
              selected={selected}
              onZoom={zoomTo}
              time={range}
              graphTooltip={dash.graphTooltip}
              viewPanel={editing ? null : panelActions.viewing}
              edit={edit.grid}
            />
          </LinkEnvContext.Provider>
        </PanelActionsContext.Provider>
      )}
      {edit.dialogs}
    </main>,
  );
}
