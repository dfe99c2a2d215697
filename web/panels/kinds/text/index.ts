// Grafana's text panel: markdown or HTML, sanitised. Markdown and the sanitiser load when a
// text panel is first drawn. It asks no query and reads no fieldConfig.
import type { Panel } from '../../../model/model.ts';
import type { PanelKind } from '../../plugin.tsx';
import { lazyPanel } from '../../plugin.tsx';

export const text: PanelKind = {
  id: 'text',
  name: 'Text',
  icon: 'M2.5 3h11M8 3v10.5M5.5 13.5h5',
  Component: lazyPanel(() => import('./TextPanel.tsx').then((m) => m.TextPanel)),
  defaults: { options: { mode: 'markdown', content: '' } as Panel['options'] },
  fieldConfig: false,
  skipDataQuery: true,
  inspectData: 'reduced',
};
