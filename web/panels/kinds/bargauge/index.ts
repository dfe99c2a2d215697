// Grafana's bar gauge: one bar per series filled to its reduced value.
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions, lazyPanel } from '../../plugin.tsx';

export const bargauge: PanelKind = {
  id: 'bargauge',
  name: 'Bar gauge',
  icon: 'M2 4h10M2 8h6M2 12h12',
  Component: lazyPanel(() => import('./BarGaugePanel.tsx').then((m) => m.BarGaugePanel)),
  defaults: {},
  Options: lazyOptions(() => import('../../options/sections.tsx').then((m) => m.ValueOptions)),
  fieldConfig: true,
  inspectData: 'reduced',
};
