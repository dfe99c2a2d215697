// Runs the dashboard's enabled annotation entries, once per dashboard refresh (not per panel),
// through the same query layer as panels: identical requests share one fetch, and a live tick
// asks only for the newest stretch and merges it (fetchSliding). One observer slot per entry,
// so turning one entry off never shows another's answer in its place; a disabled entry sends
// nothing. What comes back is turned into events (web/chart/annotations.ts) for every panel.
import { keepPreviousData } from '@tanstack/query-core';
import { useContext, useMemo } from 'preact/hooks';
import { queryRange } from '../../api/client.ts';
import type { Datasource } from '../../api/server.ts';
import type { RangeSeries } from '../../api/types.ts';
import type { AnnotationEvent } from '../../chart/annotation-types.ts';
import type { AnnotationsData } from '../../panels/annotations-context.ts';
import type { PanelTime } from '../../panels/panel-queries.ts';
import { rangeKey } from '../../query/client.ts';
import { fetchSliding, LiveBases, liveOverlapS } from '../../query/incremental.ts';
import { useQueries } from '../../query/use-queries.ts';
import { TimeSettingsContext, utcOffsetS } from '../../time/time-settings.ts';
import type { Scope } from '../../variables/format.ts';
import type { AnnotationDef } from './annotation-defs.ts';
import type { AnnotationPlan } from './annotation-plan.ts';
import { eventsOf, planAnnotation } from './annotation-plan.ts';

const liveBases = new LiveBases(50);

/** An entry's answer and the grid it was asked on (unix seconds). */
interface Answer {
  result: RangeSeries[];
  grid: { start: number; end: number; step: number };
}

/** Grafana asks with as many points as the window is wide (executeAnnotationQuery). */
const windowWidth = () => (typeof window === 'undefined' ? 1000 : window.innerWidth || 1000);

export function useAnnotations(
  defs: readonly AnnotationDef[],
  on: ReadonlySet<number>,
  scope: Scope | null,
  datasources: readonly Datasource[],
  selected: Datasource,
  time: PanelTime | null,
): AnnotationsData {
  const settings = useContext(TimeSettingsContext);
  const offsetS = time ? utcOffsetS(settings, time.end) : 0;
  const plans = useMemo(
    (): AnnotationPlan[] =>
      scope && time
        ? defs.map((d) =>
            planAnnotation(d, scope, datasources, selected, time, windowWidth(), offsetS),
          )
        : [],
    [defs, scope, datasources, selected, time?.start, time?.end, offsetS],
  );
  const rev = time?.rev ?? 0;
  const results = useQueries<Answer>(
    plans.map((plan) => {
      const q = plan.query;
      const enabled = q !== undefined && on.has(plan.def.index);
      if (!q || !plan.dsUid) {
        return {
          queryKey: ['annotation-none', plan.def.index],
          queryFn: () => ({ result: [], grid: { start: 0, end: 0, step: 0 } }),
          enabled: false,
        };
      }
      const dsUid = plan.dsUid;
      const grid = { start: q.start, end: q.end, step: q.step };
      return {
        queryKey: [
          ...rangeKey(dsUid, q.expr, q.start, q.end, q.step, rev),
          'annotation',
          plan.def.index,
        ],
        queryFn: async ({ signal }) => {
          const answer = await fetchSliding(
            liveBases,
            LiveBases.key(dsUid, q.expr, grid, rev),
            grid,
            (g, s, known) => queryRange(dsUid, { query: q.expr, ...g }, s, known),
            liveOverlapS(dsUid),
            signal,
          );
          return { result: answer.data.result, grid };
        },
        placeholderData: keepPreviousData,
        enabled,
      };
    }),
  );
  // One key for what the errors say, so the context changes only when they do.
  const errorList = plans.flatMap((p, i): [number, string][] => {
    const e = results[i]?.error;
    if (e && on.has(p.def.index)) return [[p.def.index, e.message]];
    return p.error ? [[p.def.index, p.error]] : [];
  });
  const errorsKey = JSON.stringify(errorList);
  const errors = useMemo(() => new Map(errorList), [errorsKey]);
  const answers = results.map((r, i) => (on.has(plans[i]!.def.index) ? r.data : undefined));
  // Events are made here, not in the query: an edit of the title, text, tags or colour keeps
  // the query's key (and its cached answer) but must show at once.
  const events = useMemo(
    (): AnnotationEvent[] =>
      answers.flatMap((a, i) => (a ? eventsOf(plans[i]!.def, a.result, a.grid) : [])),
    [plans, ...answers],
  );
  const lanes = useMemo(
    () => plans.filter((p) => on.has(p.def.index)).map((p) => p.def.index),
    [plans, on],
  );
  const filters = useMemo(() => new Map(plans.map((p) => [p.def.index, p.def.filter])), [plans]);
  return useMemo(() => ({ events, lanes, filters, errors }), [events, lanes, filters, errors]);
}
