// Grafana's stat: one big reduced value per series, with a sparkline. On most first
// dashboards, so its component ships with the first load.
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions } from '../../plugin.tsx';
import { StatPanel } from './StatPanel.tsx';

export const stat: PanelKind = {
  id: 'stat',
  name: 'Stat',
  icon: 'M2 14h12M2 11l3-3 3 2 6-6',
  Component: StatPanel,
  defaults: {},
  Options: lazyOptions(() => import('../../options/sections.tsx').then((m) => m.ValueOptions)),
  fieldConfig: true,
  inspectData: 'reduced',
};
