// The panel-wide parts of the `graph` → `timeseries` migration that are not field config:
// legend, tooltip and thresholds, after Grafana's graphToTimeseriesOptions:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Its cases are transcribed in graph.test.ts.
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import type { Json } from './types.ts';

/**
 * The graph legend's value columns as Grafana's reducer ids (its fieldReducers know the old
 * names as aliases: avg is mean, current is lastNotNull, total is sum).
 */
const LEGEND_REDUCERS: Record<string, string> = {
  min: 'min',
  max: 'max',
  avg: 'mean',
  current: 'lastNotNull',
  total: 'sum',
};

/** Grafana's names of those columns, which its legend's `sortBy` holds (web/fields/reduce.ts). */
const SORT_NAMES: Record<string, string> = {
  min: 'Min',
  max: 'Max',
  mean: 'Mean',
  lastNotNull: 'Last *',
  sum: 'Total',
};

/**
 * The graph's `legend` as timeseries `options.legend`. Calcs come in the order of the legend's
 * own keys, as Grafana's getReducersFromLegend walks them. The sort by a column (`sort`,
 * `sortDesc`) is carried over too, which Grafana's migration forgets: the graph drew it.
 */
export function graphLegend(raw: unknown): Json {
  const legend: Json = { displayMode: 'list', showLegend: true, placement: 'bottom', calcs: [] };
  if (!isRecord(raw)) return legend;
  if (raw.show) legend.displayMode = raw.alignAsTable ? 'table' : 'list';
  else legend.showLegend = false;
  if (raw.rightSide) legend.placement = 'right';
  const calcs: string[] = [];
  if (raw.values) {
    for (const [key, on] of Object.entries(raw)) {
      const id = LEGEND_REDUCERS[key];
      if (on && id !== undefined) calcs.push(id);
    }
  }
  legend.calcs = calcs;
  const width = parseFiniteNumber(raw.sideWidth);
  if (width !== undefined && width > 0) legend.width = width;
  const sortBy = LEGEND_REDUCERS[String(raw.sort)];
  if (sortBy !== undefined && calcs.includes(sortBy)) {
    legend.sortBy = SORT_NAMES[sortBy];
    legend.sortDesc = raw.sortDesc === true;
  }
  return legend;
}

/**
 * Grafana's hideZero / hideEmpty: a byValue override that hides, from legend and tooltip, the
 * series whose values are all zero / all null (getLegendHideFromOverride).
 */
export function legendHideOverrides(raw: unknown): Json[] {
  if (!isRecord(raw)) return [];
  const hide = (reducer: string): Json => ({
    matcher: { id: 'byValue', options: { reducer, op: 'gte', value: 0 } },
    properties: [{ id: 'custom.hideFrom', value: { tooltip: true, viz: false, legend: true } }],
  });
  return [
    ...(raw.hideZero ? [hide('allIsZero')] : []),
    ...(raw.hideEmpty ? [hide('allIsNull')] : []),
  ];
}

/** The graph's `tooltip` (shared, sort 0 none / 1 increasing / 2 decreasing). */
export function graphTooltip(raw: unknown): Json {
  const tooltip: Json = { mode: 'single', sort: 'none' };
  if (!isRecord(raw)) return tooltip;
  if (raw.shared !== undefined) tooltip.mode = raw.shared ? 'multi' : 'single';
  // A tooltip of one series has nothing to sort: Grafana keeps `none` there.
  if (raw.sort !== undefined && raw.shared) {
    const sort = parseFiniteNumber(raw.sort);
    tooltip.sort = sort === 1 ? 'asc' : sort === 2 ? 'desc' : 'none';
  }
  return tooltip;
}

/**
 * flot's threshold colours. `ok` was green in the graph; Grafana's migration turns it red
 * (getThresholdColor knows only critical, warning and custom): we keep what was drawn.
 */
function thresholdColor(t: Json): string {
  if (t.colorMode === 'critical') return 'red';
  if (t.colorMode === 'warning') return 'orange';
  if (t.colorMode === 'ok') return 'green';
  if (t.colorMode === 'custom')
    return asNonEmptyString(t.fillColor) ?? asNonEmptyString(t.lineColor) ?? 'red';
  return 'red';
}

/**
 * Graph `thresholds: [{value, op, colorMode, fill, line}]` → absolute steps + thresholdsStyle.
 * A `gt` starts its colour at its value; an `lt` colours below it, up to the next threshold
 * (transparent after it, or the colour of a following `lt`). The base step is -Infinity,
 * which JSON writes as null, as Grafana stores it.
 */
export function graphThresholds(raw: unknown): { thresholds: Json; style: Json } | undefined {
  const list = (Array.isArray(raw) ? raw.filter(isRecord) : [])
    .map((t) => ({ t, value: parseFiniteNumber(t.value) }))
    .filter((x): x is { t: Json; value: number } => x.value !== undefined)
    .sort((a, b) => a.value - b.value);
  if (list.length === 0) return undefined;
  const steps: { color: string; value: number | null }[] = [];
  let area = false;
  let line = false;
  list.forEach(({ t, value }, i) => {
    const next = list[i + 1];
    area ||= t.fill === true;
    line ||= t.line === true;
    if (t.op === 'gt') steps.push({ color: thresholdColor(t), value });
    if (t.op === 'lt') {
      if (steps.length === 0) steps.push({ color: thresholdColor(t), value: null });
      steps.push({ color: next?.t.op === 'lt' ? thresholdColor(next.t) : 'transparent', value });
    }
  });
  if (steps.length > 0 && steps[0]!.value !== null)
    steps.unshift({ color: 'transparent', value: null });
  return {
    thresholds: { mode: 'absolute', steps },
    style: { mode: area && line ? 'line+area' : area ? 'area' : 'line' },
  };
}
