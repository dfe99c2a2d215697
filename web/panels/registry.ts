// The panel kinds this build draws, one line each, in the order the panel editor's picker
// shows them. A kind is a folder of its own under kinds/ (plugin.tsx says what it holds);
// adding one is that folder, its import here and its line in KINDS. A dashboard panel of any
// other kind is shown with the reason it is not drawn, never as a blank box.
import { alertlist } from './kinds/alertlist/index.ts';
import { bargauge } from './kinds/bargauge/index.ts';
import { gauge } from './kinds/gauge/index.ts';
import { heatmap } from './kinds/heatmap/index.ts';
import { piechart } from './kinds/piechart/index.ts';
import { stat } from './kinds/stat/index.ts';
import { stateTimeline } from './kinds/state-timeline/index.ts';
import { statusHistory } from './kinds/status-history/index.ts';
import { table } from './kinds/table/index.ts';
import { text } from './kinds/text/index.ts';
import { timeseries } from './kinds/timeseries/index.ts';
import type { PanelKind } from './plugin.tsx';

const KINDS: readonly PanelKind[] = [
  timeseries,
  stat,
  gauge,
  bargauge,
  table,
  heatmap,
  piechart,
  stateTimeline,
  statusHistory,
  text,
  alertlist,
];

const BY_ID = new Map(KINDS.map((k) => [k.id, k]));

export function panelPlugin(kind: string): PanelKind | undefined {
  return BY_ID.get(kind);
}

/** Every kind this build draws, in registration order (the panel editor's picker). */
export function panelKinds(): readonly PanelKind[] {
  return KINDS;
}

/** The kind's name as Grafana's picker shows it; an unknown kind shows as its id. */
export const kindName = (kind: string): string => BY_ID.get(kind)?.name ?? kind;
