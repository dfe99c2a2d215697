// Grafana's heatmap: histogram buckets (or series bucketed by value) over time, coloured by
// count. Its colour scales load when a heatmap is first drawn.
import { HEATMAP_DEFAULTS } from '../../../chart/heatmap-defaults.ts';
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyPanel } from '../../plugin.tsx';

export const heatmap: PanelKind = {
  id: 'heatmap',
  name: 'Heatmap',
  icon: 'M2 2h3v3H2zM6.5 2h3v3h-3zM11 2h3v3h-3zM2 6.5h3v3H2zM11 6.5h3v3h-3zM6.5 11h3v3h-3zM11 11h3v3h-3z',
  Component: lazyPanel(() => import('./HeatmapPanel.tsx').then((m) => m.HeatmapPanel)),
  defaults: { options: HEATMAP_DEFAULTS as Panel['options'] },
  fieldConfig: true,
  inspectData: 'time',
};
