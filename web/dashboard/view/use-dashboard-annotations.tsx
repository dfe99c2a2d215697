// A dashboard's annotation entries as the page holds them: which are on (each entry's `enable`
// under the viewer's switches, kept per dashboard uid so that another dashboard opened in the
// same view starts from its own), and the events found for them. The querying and the
// drawing load only when an entry is on (or one must be reported as not drawable): the
// `query` element mounts that chunk, and the charts' annotation drawing with it, so a chart
// is never given events it cannot draw.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import { loadAnnotationDrawing } from '../../chart/annotations-plugin.ts';
import type { AnnotationsData } from '../../panels/annotations-context.ts';
import { NO_ANNOTATIONS } from '../../panels/annotations-context.ts';
import type { PanelTime } from '../../panels/panel-queries.ts';
import { lazy } from '../../ui/lazy.tsx';
import type { Scope } from '../../variables/format.ts';
import type { AnnotationDef } from './annotation-defs.ts';
import { enabledAnnotations, readAnnotations } from './annotation-defs.ts';

const NO_SWITCHES: ReadonlyMap<number, boolean> = new Map();

const DashboardAnnotations = lazy(() =>
  Promise.all([import('./DashboardAnnotations.tsx'), loadAnnotationDrawing()]).then(
    ([m]) => m.DashboardAnnotations,
  ),
);

interface Args {
  /** The dashboard's uid and its `annotations` JSON. */
  uid: string;
  annotations: unknown;
  scope: Scope | null;
  datasources: readonly Datasource[];
  /** The built-in entry's datasource: the dashboard's datasource variable's, else the header's. */
  selected: Datasource;
  time: PanelTime | null;
}

export interface DashboardAnnotationsState {
  defs: readonly AnnotationDef[];
  on: ReadonlySet<number>;
  /** The events found, for AnnotationsContext; none while no entry is on. */
  data: AnnotationsData;
  /** Mount it on the page (it draws nothing): it queries the entries that are on. */
  query: ComponentChildren;
  toggle: (index: number, enabled: boolean) => void;
}

export function useDashboardAnnotations(a: Args): DashboardAnnotationsState {
  const defs = useMemo(() => readAnnotations(a.annotations), [a.annotations]);
  const [switches, setSwitches] = useState<{ uid: string; on: ReadonlyMap<number, boolean> }>({
    uid: a.uid,
    on: new Map(),
  });
  const toggled = switches.uid === a.uid ? switches.on : NO_SWITCHES;
  const on = useMemo(
    () => new Set(enabledAnnotations(defs, toggled).map((d) => d.index)),
    [defs, toggled],
  );
  // What the annotations' chunk reports (DashboardAnnotations), once it is in.
  const [found, setFound] = useState<AnnotationsData>(NO_ANNOTATIONS);
  const wanted = defs.some((d) => d.unsupported || on.has(d.index));
  return {
    defs,
    on,
    data: wanted ? found : NO_ANNOTATIONS,
    query: wanted && (
      <DashboardAnnotations
        defs={defs}
        on={on}
        scope={a.scope}
        datasources={a.datasources}
        selected={a.selected}
        time={a.time}
        onChange={setFound}
      />
    ),
    toggle: (index, enabled) =>
      setSwitches({ uid: a.uid, on: new Map(toggled).set(index, enabled) }),
  };
}
