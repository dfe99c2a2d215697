// The dashboard's annotation entries, queried and turned into events (use-annotations.ts), as a
// component that draws nothing and hands what it has to the page, which gives it to every
// panel (AnnotationsContext). A chunk of its own, with the code that makes events from
// Prometheus' answers: use-dashboard-annotations.tsx fetches it, and the charts' drawing with
// it, only when a dashboard has an entry that is on (or one to report as not drawable).
import { useLayoutEffect } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import type { AnnotationsData } from '../../panels/annotations-context.ts';
import { NO_ANNOTATIONS } from '../../panels/annotations-context.ts';
import type { PanelTime } from '../../panels/panel-queries.ts';
import type { Scope } from '../../variables/format.ts';
import type { AnnotationDef } from './annotation-defs.ts';
import { useAnnotations } from './use-annotations.ts';

interface Props {
  defs: readonly AnnotationDef[];
  on: ReadonlySet<number>;
  scope: Scope | null;
  datasources: readonly Datasource[];
  /** The datasource of the built-in entry. */
  selected: Datasource;
  time: PanelTime | null;
  onChange: (data: AnnotationsData) => void;
}

export function DashboardAnnotations({ onChange, ...p }: Props) {
  const data = useAnnotations(p.defs, p.on, p.scope, p.datasources, p.selected, p.time);
  // Layout effects: the page renders again before the browser paints, so a toggle never
  // shows a frame of the events it just turned off.
  useLayoutEffect(() => onChange(data), [data]);
  useLayoutEffect(() => () => onChange(NO_ANNOTATIONS), []);
  return null;
}
