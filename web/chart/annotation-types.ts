// What an annotation is and where it shows, without the code that makes or draws one: the
// types, Grafana's per-entry panel filter and per-panel multi-lane option. The first load
// needs these (the dashboard's annotation toggles, the panels' context); the events made from
// Prometheus' answers and their placing (annotations.ts) and the drawing
// (annotations-draw.ts) load once a dashboard has an annotation entry.
import { asRecord } from '../../contract/json.ts';

/** What one entry asks for, already read from the dashboard JSON. */
export interface AnnotationSource {
  /** Index of the entry in `annotations.list`: events carry it back. */
  index: number;
  name: string;
  color: string;
  titleFormat: string;
  textFormat: string;
  /** Label names whose values become tags, comma-separated as Grafana writes them. */
  tagKeys: string;
  useValueForTime: boolean;
}

/** One marker (time === timeEnd) or region. Every string is shown as text, never as HTML. */
export interface AnnotationEvent {
  source: number;
  time: number; // ms
  timeEnd: number; // ms
  title: string;
  text: string;
  tags: string[];
  color: string;
}

/** Grafana's per-entry panel filter: `filter.ids` only (or, with `exclude`, all but them). */
export interface PanelFilter {
  exclude: boolean;
  ids: readonly number[];
}

/** Whether an entry with this filter draws on the panel (Grafana's getAnnotationsByPanelId). */
export function showsOnPanel(filter: PanelFilter | undefined, panelId: number): boolean {
  if (!filter) return true;
  const listed = filter.ids.includes(panelId);
  return filter.exclude ? !listed : listed;
}

/** A marker or region placed on a plot (css px within it), for drawing and for tests. */
export interface PlacedAnnotation {
  event: AnnotationEvent;
  left: number; // px
  /** Equal to left for a marker. */
  right: number; // px
  lane: number;
}

/** Grafana's per-panel "Multi-row annotations" (options.annotations.multiLane). */
export function multiLane(options: unknown): boolean {
  return asRecord(asRecord(options).annotations).multiLane === true;
}
