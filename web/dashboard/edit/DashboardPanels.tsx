// The dashboard's panels, under its toolbar and submenu: the view grid, or in edit mode the
// draggable one in its place (the empty dashboard's call to action while it has no panel);
// a message instead while the range cannot be read or the variables are loading. It sits in
// edit/ because it swaps in edit mode's parts; the view's own grid is view/DashboardGrid.tsx.
import type { Datasource } from '../../api/server.ts';
import type { LinkEnv } from '../../links/links.ts';
import { LinkEnvContext } from '../../links/links-context.ts';
import type { Dashboard } from '../../model/model.ts';
import { type PanelActions, PanelActionsContext } from '../../panels/panel-actions.ts';
import type { PanelTime } from '../../panels/panel-queries.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { Scope } from '../../variables/format.ts';
import { DashboardGrid, type GridProps } from '../view/DashboardGrid.tsx';
import type { GridEdit } from './EditGrid.tsx';

// The draggable grid of edit mode loads the first time someone edits, and the empty
// dashboard's call to action (shown only in edit mode) with the rest of edit mode's parts.
const EditGrid = lazy(() => import('./EditGrid.tsx').then((m) => m.EditGrid));
const EmptyDashboard = lazy(() => import('./EditParts.tsx').then((m) => m.EmptyDashboard));

/** The view grid, or in edit mode the draggable one in its place. */
function Grid({ edit, ...props }: GridProps & { edit?: GridEdit }) {
  return edit ? <EditGrid {...props} edit={edit} /> : <DashboardGrid {...props} />;
}

interface Props {
  dash: Dashboard;
  /** The dashboard's range, or why it cannot be read. */
  range: PanelTime | { error: string };
  /** The page's scope; null while the variables are loading. */
  scope: Scope | null;
  datasources: Datasource[];
  selected: Datasource;
  onZoom: (startMs: number, endMs: number) => void;
  panelActions: PanelActions;
  linkEnv: LinkEnv;
  /** Edit mode: what the draggable grid does to the working copy; absent when viewing. */
  edit?: GridEdit;
  onAddPanel: () => void;
  onAddRow: () => void;
}

export function DashboardPanels({ dash, range, scope, panelActions, linkEnv, edit, ...p }: Props) {
  if ('error' in range) {
    return (
      <p class="page-message" role="alert">
        {range.error}
      </p>
    );
  }
  if (!scope) {
    return (
      <p class="page-message" aria-busy="true">
        Loading variables…
      </p>
    );
  }
  if (edit && dash.panels.length === 0) {
    return <EmptyDashboard onAddPanel={p.onAddPanel} onAddRow={p.onAddRow} />;
  }
  return (
    <PanelActionsContext.Provider value={panelActions}>
      <LinkEnvContext.Provider value={linkEnv}>
        <Grid
          panels={dash.panels}
          scope={scope}
          datasources={p.datasources}
          selected={p.selected}
          onZoom={p.onZoom}
          time={range}
          graphTooltip={dash.graphTooltip}
          viewPanel={edit ? null : panelActions.viewing}
          edit={edit}
        />
      </LinkEnvContext.Provider>
    </PanelActionsContext.Provider>
  );
}
