// Grafana's alert list: the alerting rules of the panel's Prometheus datasource, filtered and
// sorted as its options say (alert-list.ts). It asks no PromQL and reads no fieldConfig.
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions, lazyPanel } from '../../plugin.tsx';

export const alertlist: PanelKind = {
  id: 'alertlist',
  name: 'Alert list',
  icon: 'M8 1.5a4 4 0 0 0-4 4v4l-2 2.5h12L12 9.5v-4a4 4 0 0 0-4-4zM6.5 14.5h3',
  Component: lazyPanel(() => import('./AlertListPanel.tsx').then((m) => m.AlertListPanel)),
  defaults: {
    options: {
      maxItems: 20,
      sortOrder: 1,
      viewMode: 'list',
      groupMode: 'default',
    } as Panel['options'],
  },
  Options: lazyOptions(() => import('./options.tsx').then((m) => m.AlertListOptionsPane)),
  fieldConfig: false,
  skipDataQuery: true,
  inspectData: 'reduced',
};
