// Shared conversions of Angular-era options to field config / options, after Grafana's
// panel change handlers:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts (legend, thresholds)
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/stat/StatMigrations.ts and
// https://github.com/grafana/grafana/blob/main/packages/grafana-ui/src/components/SingleStatShared/SingleStatBaseOptions.ts
// Threshold/mapping schema: https://github.com/grafana/grafana/tree/main/packages/grafana-schema (ThresholdsConfig, ValueMapping)
import { isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import type { Json } from './types.ts';

/** Legacy reducer names (singlestat valueName, legend values) → Grafana ReducerID. */
const REDUCERS: Record<string, string> = {
  avg: 'mean',
  current: 'lastNotNull',
  max: 'max',
  min: 'min',
  total: 'sum',
  first: 'first',
  delta: 'delta',
  diff: 'diff',
  range: 'range',
  last_time: 'lastNotNull',
  name: 'lastNotNull',
};
export const reducer = (name: unknown): string => REDUCERS[String(name)] ?? 'lastNotNull';

/** Graph legend → VizLegendOptions. */
export function legendOptions(legend: unknown): Json {
  const l = isRecord(legend) ? legend : {};
  const calcs =
    l.values === true
      ? ['avg', 'current', 'max', 'min', 'total'].filter((k) => l[k] === true).map(reducer)
      : [];
  return {
    showLegend: l.show !== false,
    displayMode: l.alignAsTable === true ? 'table' : 'list',
    placement: l.rightSide === true ? 'right' : 'bottom',
    calcs,
  };
}

const COLOR_MODES: Record<string, string> = { critical: 'red', warning: 'orange', ok: 'green' };

/** Graph `thresholds: [{value, op, colorMode, fill, line}]` → absolute steps + thresholdsStyle. */
export function graphThresholds(raw: unknown): { thresholds: Json; style: Json } | undefined {
  const list = (Array.isArray(raw) ? raw.filter(isRecord) : []).filter(
    (t) => parseFiniteNumber(t.value) !== undefined,
  );
  if (list.length === 0) return undefined;
  list.sort((a, b) => (parseFiniteNumber(a.value) ?? 0) - (parseFiniteNumber(b.value) ?? 0));
  const steps: Json[] = [];
  let area = false;
  let line = false;
  list.forEach((t, i) => {
    const color = COLOR_MODES[String(t.colorMode)] ?? t.fillColor ?? t.lineColor ?? 'red';
    area ||= t.fill === true;
    line ||= t.line === true;
    if (t.op === 'lt') {
      if (steps.length === 0) steps.push({ color, value: null });
      const next = list[i + 1];
      if (next?.op !== 'lt')
        steps.push({ color: 'transparent', value: parseFiniteNumber(t.value) });
    } else steps.push({ color, value: parseFiniteNumber(t.value) });
  });
  // JSON has no -Infinity: Grafana stores the base step with value null.
  if (steps[0]?.value !== null) steps.unshift({ color: 'transparent', value: null });
  return {
    thresholds: { mode: 'absolute', steps },
    style: { mode: area && line ? 'line+area' : area ? 'area' : 'line' },
  };
}
