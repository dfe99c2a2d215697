// Grafana's status history: one lane per series, one cell per sample coloured by its value.
// Drawn by the timeline shared with state timeline (../../TimelinePanel.tsx); defaults as
// Grafana's status-history panelcfg.
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyPanel } from '../../plugin.tsx';

export const statusHistory: PanelKind = {
  id: 'status-history',
  name: 'Status history',
  icon: 'M2 3h3v2H2zM6.5 3h3v2h-3zM11 3h3v2h-3zM2 7h3v2H2zM6.5 7h3v2h-3zM11 7h3v2h-3zM2 11h3v2H2zM6.5 11h3v2h-3zM11 11h3v2h-3z',
  Component: lazyPanel(() => import('../../TimelinePanel.tsx').then((m) => m.StatusHistory)),
  defaults: {
    options: {
      showValue: 'auto',
      rowHeight: 0.9,
      colWidth: 0.9,
      legend: { showLegend: true, displayMode: 'list', placement: 'bottom' },
    } as Panel['options'],
  },
  fieldConfig: true,
  inspectData: 'time',
};
