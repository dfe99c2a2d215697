// The dashboard's annotation events, queried once for the whole dashboard
// (web/dashboard/view/use-annotations.ts) and handed to every panel with a time axis, which keeps
// those its entries' filters allow (Grafana's `filter.ids` / `filter.exclude`).
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { AnnotationEvent, PanelFilter } from '../chart/annotation-types.ts';
import { showsOnPanel } from '../chart/annotation-types.ts';

export interface AnnotationsData {
  events: readonly AnnotationEvent[];
  /** The entries drawn now, by index in `annotations.list`: the lanes of a multi-lane panel. */
  lanes: readonly number[];
  /** Each entry's panel filter, by index. */
  filters: ReadonlyMap<number, PanelFilter | undefined>;
  /** Why an entry drew nothing (its datasource, Prometheus' error), by index. */
  errors: ReadonlyMap<number, string>;
}

export const NO_ANNOTATIONS: AnnotationsData = {
  events: [],
  lanes: [],
  filters: new Map(),
  errors: new Map(),
};

export const AnnotationsContext = createContext<AnnotationsData>(NO_ANNOTATIONS);

/** The events drawn on one panel, and the lanes they sit in. */
export function usePanelAnnotations(panelId: number): {
  events: readonly AnnotationEvent[];
  lanes: readonly number[];
} {
  const all = useContext(AnnotationsContext);
  return useMemo(() => {
    const shows = (i: number) => showsOnPanel(all.filters.get(i), panelId);
    return { events: all.events.filter((e) => shows(e.source)), lanes: all.lanes.filter(shows) };
  }, [all, panelId]);
}
