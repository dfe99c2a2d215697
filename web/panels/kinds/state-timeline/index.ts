// Grafana's state timeline: one lane per series, runs of equal values merged into bands.
// Drawn by the timeline shared with status history (../../TimelinePanel.tsx); defaults as
// Grafana's state-timeline panelcfg.
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyPanel } from '../../plugin.tsx';

export const stateTimeline: PanelKind = {
  id: 'state-timeline',
  name: 'State timeline',
  icon: 'M1 4h7M10 4h5M1 8h10M13 8h2M1 12h3M6 12h9',
  Component: lazyPanel(() => import('../../TimelinePanel.tsx').then((m) => m.StateTimeline)),
  defaults: {
    options: {
      mergeValues: true,
      showValue: 'auto',
      alignValue: 'left',
      rowHeight: 0.9,
      legend: { showLegend: true, displayMode: 'list', placement: 'bottom' },
    } as Panel['options'],
  },
  fieldConfig: true,
  inspectData: 'time',
};
