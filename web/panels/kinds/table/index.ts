// Grafana's table: one row per series with its labels and reduced value.
import type { PanelKind } from '../../plugin.tsx';
import { lazyOptions, lazyPanel } from '../../plugin.tsx';

export const table: PanelKind = {
  id: 'table',
  name: 'Table',
  icon: 'M1.5 3h13v10h-13zM1.5 6.5h13M1.5 10h13M6 3v10',
  Component: lazyPanel(() => import('./TablePanel.tsx').then((m) => m.TablePanel)),
  defaults: {},
  Options: lazyOptions(() => import('../../options/sections.tsx').then((m) => m.ValueOptions)),
  fieldConfig: true,
  inspectData: 'reduced',
};
