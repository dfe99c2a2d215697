// The panel kinds this build draws. A dashboard panel of any other kind is shown with the
// reason it is not drawn, never as a blank box.

import { HEATMAP_DEFAULTS } from '../chart/heatmap-settings.ts';
import type { Panel } from '../model/model.ts';
import { lazy } from '../ui/lazy.tsx';
import { barGaugePanel } from './BarGaugePanel.tsx';
import { gaugePanel } from './GaugePanel.tsx';
import { PIE_DEFAULTS, STATE_TIMELINE_DEFAULTS, STATUS_HISTORY_DEFAULTS } from './kind-defaults.ts';
import { PanelFrame } from './PanelFrame.tsx';
import { statPanel } from './StatPanel.tsx';
import { tablePanel } from './TablePanel.tsx';
import { timeseriesPanel } from './TimeseriesPanel.tsx';
import type { PanelPlugin, PanelProps } from './types.ts';

/** While a panel's chunk loads: its frame and title with the loading bar running. */
function Loading({ panel }: PanelProps) {
  return (
    <PanelFrame title={panel.title} loading={true} errors={[]} notices={[]}>
      <div class="panel-body" />
    </PanelFrame>
  );
}

// Heatmap (its colour scales) and text (markdown and the sanitiser) load when first drawn.
const heatmapPanel: PanelPlugin = {
  kind: 'heatmap',
  Component: lazy(
    () => import('./HeatmapPanel.tsx').then((m) => m.heatmapPanel.Component),
    Loading,
  ),
  defaults: { options: HEATMAP_DEFAULTS as Panel['options'] },
};
const textPanel: PanelPlugin = {
  kind: 'text',
  Component: lazy(() => import('./TextPanel.tsx').then((m) => m.textPanel.Component), Loading),
  defaults: { options: { mode: 'markdown', content: '' } as Panel['options'] },
};

// The pie chart, state timeline and status history load when first drawn too.
const pieChartPanel: PanelPlugin = {
  kind: 'piechart',
  Component: lazy(
    () => import('./PieChartPanel.tsx').then((m) => m.pieChartPanel.Component),
    Loading,
  ),
  defaults: { options: PIE_DEFAULTS },
};
const stateTimelinePanel: PanelPlugin = {
  kind: 'state-timeline',
  Component: lazy(
    () => import('./TimelinePanel.tsx').then((m) => m.stateTimelinePanel.Component),
    Loading,
  ),
  defaults: { options: STATE_TIMELINE_DEFAULTS },
};
const statusHistoryPanel: PanelPlugin = {
  kind: 'status-history',
  Component: lazy(
    () => import('./TimelinePanel.tsx').then((m) => m.statusHistoryPanel.Component),
    Loading,
  ),
  defaults: { options: STATUS_HISTORY_DEFAULTS },
};

// Grafana's alert list reads the datasource's alerting rules; it loads when first drawn.
const alertListPanel: PanelPlugin = {
  kind: 'alertlist',
  Component: lazy(() => import('./AlertListPanel.tsx').then((m) => m.AlertListPanel), Loading),
  defaults: {
    options: {
      maxItems: 20,
      sortOrder: 1,
      viewMode: 'list',
      groupMode: 'default',
    } as Panel['options'],
  },
};

const PANELS = new Map<string, PanelPlugin>([
  [timeseriesPanel.kind, timeseriesPanel],
  [statPanel.kind, statPanel],
  [gaugePanel.kind, gaugePanel],
  [barGaugePanel.kind, barGaugePanel],
  [tablePanel.kind, tablePanel],
  [heatmapPanel.kind, heatmapPanel],
  [pieChartPanel.kind, pieChartPanel],
  [stateTimelinePanel.kind, stateTimelinePanel],
  [statusHistoryPanel.kind, statusHistoryPanel],
  [textPanel.kind, textPanel],
  [alertListPanel.kind, alertListPanel],
]);

export function panelPlugin(kind: string): PanelPlugin | undefined {
  return PANELS.get(kind);
}

/** Every kind this build draws, in registration order (the panel editor's picker). */
export function panelKinds(): string[] {
  return [...PANELS.keys()];
}
