// The range query each enabled annotation entry sends (pure). An entry is planned like a panel
// of one query, as Grafana's executeAnnotationQuery does (max data points: the window's width;
// the entry's `step` as the query's min step), so its step, alignment and built-ins
// ($__interval, $__rate_interval) follow the same rules and its requests are shared and cached
// by the same query layer and proxy. One query per entry per dashboard refresh, not per panel.
import type { Datasource } from '../../api/server.ts';
import type { RangeSeries } from '../../api/types.ts';
import type { AnnotationEvent } from '../../chart/annotation-types.ts';
import { alertEvents, promAnnotationEvents } from '../../chart/annotations.ts';
import { lookupDatasource, scrapeIntervalS } from '../../model/datasource-ref.ts';
import type { DatasourceRef } from '../../model/model.ts';
import type { PanelTime, PlannedQuery } from '../../panels/panel-queries.ts';
import { planQueries } from '../../panels/panel-queries.ts';
import type { Scope } from '../../variables/format.ts';
import { interpolateVariables } from '../../variables/format.ts';
import type { AnnotationDef } from './annotation-defs.ts';

export type AnnotationPlan =
  | { def: AnnotationDef; dsUid: string; query: PlannedQuery; error?: undefined }
  | { def: AnnotationDef; error: string; dsUid?: undefined; query?: undefined };

function interpolateRef(ref: DatasourceRef | undefined, scope: Scope): DatasourceRef | undefined {
  if (typeof ref === 'string') return interpolateVariables(ref, scope, 'value');
  if (ref && typeof ref === 'object' && typeof ref.uid === 'string') {
    return { ...ref, uid: interpolateVariables(ref.uid, scope, 'value') };
  }
  return ref;
}

export function planAnnotation(
  def: AnnotationDef,
  scope: Scope,
  datasources: readonly Datasource[],
  selected: Datasource,
  time: Pick<PanelTime, 'start' | 'end'>,
  widthPx: number,
  utcOffsetS = 0,
): AnnotationPlan {
  if (def.unsupported) return { def, error: def.unsupported };
  // The built-in entry asks the dashboard's datasource (the one picked in the header).
  const found = lookupDatasource(
    def.builtIn ? undefined : interpolateRef(def.datasource, scope),
    datasources,
    selected,
  );
  if (!found.ds) return { def, error: found.error };
  const expr = interpolateVariables(def.expr, scope, 'promql');
  const interval = interpolateVariables(def.step, scope, 'value');
  const [query] = planQueries(
    { targets: [{ refId: `Anno${def.index}`, expr, interval: interval || undefined }] },
    time,
    widthPx,
    scrapeIntervalS(found.ds),
    undefined,
    utcOffsetS,
  );
  if (!query) return { def, error: 'no query' };
  return { def, dsUid: found.ds.uid, query };
}

/**
 * The events of one entry's answer, on the grid it was asked on (unix seconds): ALERTS changes
 * for the built-in entry, Grafana's regions and markers for the others.
 */
export function eventsOf(
  def: AnnotationDef,
  result: readonly RangeSeries[],
  grid: { start: number; end: number; step: number },
): AnnotationEvent[] {
  return def.builtIn
    ? alertEvents(def, result, grid)
    : promAnnotationEvents(def, result, grid.step * 1000);
}
