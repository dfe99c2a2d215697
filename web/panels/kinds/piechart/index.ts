// Grafana's pie chart: one slice per series, sized by its reduced value. Its defaults are
// Grafana's (piechart panelcfg and module.tsx); the component loads when first drawn.
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions, lazyPanel } from '../../plugin.tsx';

export const piechart: PanelKind = {
  id: 'piechart',
  name: 'Pie chart',
  icon: 'M7 2.5a6 6 0 1 0 6.5 6.5H7zM9 1v5.5h5.5A5.5 5.5 0 0 0 9 1z',
  Component: lazyPanel(() => import('./PieChartPanel.tsx').then((m) => m.PieChartPanel)),
  defaults: {
    options: {
      reduceOptions: { calcs: ['lastNotNull'] },
      pieType: 'pie',
      sort: 'desc',
      legend: { showLegend: true, displayMode: 'list', placement: 'right', values: ['percent'] },
    } as Panel['options'],
  },
  Options: lazyOptions(() => import('../../options/sections.tsx').then((m) => m.ValueOptions)),
  fieldConfig: true,
  inspectData: 'reduced',
};
