import type { Panel } from '../model/model.ts';
import type { PanelTime } from './panel-queries.ts';

/** What every panel gets from the dashboard. */
export interface PanelProps {
  panel: Panel;
  dsUid: string;
  /** Where each query goes (refId → datasource uid) and why some cannot go; all to dsUid if absent. */
  queryDs?: { byRef: Readonly<Record<string, string>>; errors: readonly string[] };
  scrapeIntervalS: number; // seconds
  time: PanelTime;
  /** Drag-zoom on a chart picks a new range (ms). */
  onZoom?: (startMs: number, endMs: number) => void;
  /** The dashboard's graphTooltip: 0 alone, 1 shared crosshair, 2 shared tooltip. */
  graphTooltip?: number;
}
