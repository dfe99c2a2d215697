// The panel kinds this build draws. A dashboard panel of any other kind is shown with the
// reason it is not drawn, never as a blank box.
import { barGaugePanel } from './BarGaugePanel.tsx';
import { gaugePanel } from './GaugePanel.tsx';
import { heatmapPanel } from './HeatmapPanel.tsx';
import { statPanel } from './StatPanel.tsx';
import { tablePanel } from './TablePanel.tsx';
import { textPanel } from './TextPanel.tsx';
import { timeseriesPanel } from './TimeseriesPanel.tsx';
import type { PanelPlugin } from './types.ts';

const PANELS = new Map<string, PanelPlugin>([
  [timeseriesPanel.kind, timeseriesPanel],
  [statPanel.kind, statPanel],
  [gaugePanel.kind, gaugePanel],
  [barGaugePanel.kind, barGaugePanel],
  [tablePanel.kind, tablePanel],
  [heatmapPanel.kind, heatmapPanel],
  [textPanel.kind, textPanel],
]);

export function panelPlugin(kind: string): PanelPlugin | undefined {
  return PANELS.get(kind);
}

/** Every kind this build draws, in registration order (the panel editor's picker). */
export function panelKinds(): string[] {
  return [...PANELS.keys()];
}
