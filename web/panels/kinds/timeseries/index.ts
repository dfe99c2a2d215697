// Grafana's time series: lines, bars or points over time, with a legend. Drawn on nearly every
// first dashboard, so its component ships with the first load; its options load with the editor.
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions } from '../../plugin.tsx';
import { TimeseriesPanel } from './TimeseriesPanel.tsx';

export const timeseries: PanelKind = {
  id: 'timeseries',
  name: 'Time series',
  icon: 'M1 13l4-6 3 3 7-7',
  Component: TimeseriesPanel,
  defaults: {},
  Options: lazyOptions(() => import('./options.tsx').then((m) => m.TimeseriesOptions)),
  fieldConfig: true,
  inspectData: 'time',
};
