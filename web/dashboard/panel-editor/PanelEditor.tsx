// The panel editor (`?editPanel=<id>`, Grafana's parameter): the real panel on top, drawn
// from the copy being edited and queried again as its queries change; the queries below it
// (the PromQL editor from Explore); the visualisation and its options beside them. "Back to
// dashboard" (or Escape) keeps the changes in the dashboard's working copy, "Discard" drops them.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Json } from '../../model/dashboard-edit.ts';
import { normaliseDashboard } from '../../model/model.ts';
import { panelPlugin } from '../../panels/registry.ts';
import type { GridPanelProps } from '../view/DashboardGrid.tsx';
import { GridPanel } from '../view/DashboardGrid.tsx';
import { PanelOptionsPane } from './PanelOptionsPane.tsx';
import { addTarget, removeTarget, setTarget, targetsOf } from './panel-options.ts';
import { QueryEditorRow } from './QueryEditorRow.tsx';
import '../../ui/editor-forms.css';
import './PanelEditor.css';

interface Props extends Omit<GridPanelProps, 'panel'> {
  panel: Json;
  /** Controls of the dashboard shown in the editor's bar (time range, refresh). */
  controls: preact.ComponentChildren;
  onApply: (panel: Json) => void;
  onDiscard: () => void;
}

export function PanelEditor({ panel: loaded, controls, onApply, onDiscard, ...grid }: Props) {
  const [panel, setPanel] = useState(loaded);
  const preview = useMemo(() => normaliseDashboard({ panels: [panel] }).panels[0]!, [panel]);
  const targets = targetsOf(panel);
  const dsUid = grid.selected.uid;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) {
        onApply(panel);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel, onApply]);

  return (
    <main class="panel-editor">
      <div class="toolbar editor-bar">
        <h1 class="dash-title">
          <span class="crumb">Edit panel</span> {preview.title || 'Untitled panel'}
        </h1>
        <div class="toolbar-controls">
          {controls}
          <button type="button" onClick={onDiscard}>
            Discard
          </button>
          <button type="button" class="primary" onClick={() => onApply(panel)}>
            Back to dashboard
          </button>
        </div>
      </div>
      <div class="editor-layout">
        <div class="editor-main">
          <div class="editor-preview grid-item" data-panel-type={preview.type}>
            <GridPanel panel={preview} {...grid} />
          </div>
          {/* Text and alert list ask no PromQL (their plugin's skipDataQuery), as in Grafana. */}
          {!panelPlugin(preview.type)?.skipDataQuery && (
            <section class="editor-queries" aria-label="Queries">
              <h2 class="editor-section-title">
                Queries <span class="editor-count">{targets.length}</span>
              </h2>
              {targets.map((t, i) => (
                <QueryEditorRow
                  key={String(t.refId)}
                  target={t}
                  datasourceUid={dsUid}
                  canRemove={targets.length > 1}
                  onChange={(change) => setPanel((p) => setTarget(p, i, change))}
                  onRemove={() => setPanel((p) => removeTarget(p, i))}
                />
              ))}
              <button type="button" onClick={() => setPanel(addTarget)}>
                + Add query
              </button>
            </section>
          )}
        </div>
        <PanelOptionsPane panel={panel} onChange={setPanel} />
      </div>
    </main>
  );
}
