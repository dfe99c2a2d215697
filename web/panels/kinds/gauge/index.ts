// Grafana's gauge: a 240° arc per series filled to its reduced value.
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions, lazyPanel } from '../../plugin.tsx';

export const gauge: PanelKind = {
  id: 'gauge',
  name: 'Gauge',
  icon: 'M2 12a6 6 0 0 1 12 0M8 12l3-4',
  Component: lazyPanel(() => import('./GaugePanel.tsx').then((m) => m.GaugePanel)),
  defaults: {},
  Options: lazyOptions(() => import('../../options/sections.tsx').then((m) => m.ValueOptions)),
  fieldConfig: true,
  inspectData: 'reduced',
};
