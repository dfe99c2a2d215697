// ?editPanel=<id> on a dashboard in edit mode: the panel editor on that panel of the working
// copy. Apply puts the edited panel back; Discard leaves the copy as it was, and takes away
// a panel that "Add visualization" has just made, as in Grafana. A small chunk of its own
// (DashboardPage.tsx loads it lazily), which loads the editor's: viewers never load either.
import type { ComponentChildren } from 'preact';
import type { Json } from '../../model/dashboard-edit.ts';
import { findPanel, removePanel, replacePanel } from '../../model/dashboard-edit.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { GridProps } from '../view/DashboardGrid.tsx';

// The editor is a chunk of its own (named after it, with its stylesheet PanelEditor.css).
const PanelEditor = lazy(() => import('./PanelEditor.tsx').then((m) => m.PanelEditor));

interface Props extends Pick<GridProps, 'scope' | 'datasources' | 'selected' | 'time' | 'onZoom'> {
  panelId: string;
  work: Json;
  /** The id of the panel just added, until its editor closes. */
  fresh: number | null;
  update: (change: (work: Json) => Json) => void;
  controls: ComponentChildren;
  /** The editor is done (applied or discarded). */
  onClose: () => void;
  /** Back to the dashboard from an id that is not there. */
  onBack: () => void;
}

export function PanelEditorRoute(p: Props) {
  const panel = findPanel(p.work, Number(p.panelId));
  if (!panel) {
    return (
      <main class="page-message">
        <h1>No panel {p.panelId} on this dashboard</h1>
        <button type="button" onClick={p.onBack}>
          Back to dashboard
        </button>
      </main>
    );
  }
  return (
    <PanelEditor
      key={p.panelId}
      panel={panel}
      scope={p.scope}
      controls={p.controls}
      datasources={p.datasources}
      selected={p.selected}
      time={p.time}
      onZoom={p.onZoom}
      onApply={(edited) => {
        p.update((w) => replacePanel(w, edited));
        p.onClose();
      }}
      onDiscard={() => {
        const added = p.fresh;
        if (added !== null && added === panel.id) p.update((w) => removePanel(w, added));
        p.onClose();
      }}
    />
  );
}
