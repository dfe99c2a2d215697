// Shared conversions of Angular-era options to field config / options, after Grafana's
// panel change handlers:
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

/** Singlestat `thresholds: "a,b"` + `colors: [c0, c1, c2]` → absolute steps. */
export function singlestatThresholds(thresholds: unknown, colors: unknown): Json {
  const palette = Array.isArray(colors) ? colors.filter((c) => typeof c === 'string') : [];
  const values =
    typeof thresholds === 'string' && thresholds.trim() !== ''
      ? thresholds.split(',').map(parseFiniteNumber)
      : [];
  const steps: Json[] = [{ color: palette[0] ?? 'green', value: null }];
  values.forEach((v, i) => {
    if (v !== undefined) steps.push({ color: palette[i + 1] ?? 'red', value: v });
  });
  return { mode: 'absolute', steps };
}

/** Singlestat `valueMaps` / `rangeMaps` → ValueMapping[] (value, range, special null). */
export function singlestatMappings(panel: Json): Json[] {
  const mappingType = parseFiniteNumber(panel.mappingType);
  const values: Json = {};
  const out: Json[] = [];
  let nullText: unknown;
  const valueMaps =
    mappingType === 2 ? [] : Array.isArray(panel.valueMaps) ? panel.valueMaps.filter(isRecord) : [];
  const rangeMaps =
    mappingType === 1 ? [] : Array.isArray(panel.rangeMaps) ? panel.rangeMaps.filter(isRecord) : [];
  for (const m of valueMaps) {
    if (m.value === 'null') nullText ??= m.text;
    else if (m.value !== undefined && m.value !== null)
      values[String(m.value)] = { text: m.text, index: Object.keys(values).length };
  }
  for (const m of rangeMaps) {
    const [from, to] = [parseFiniteNumber(m.from), parseFiniteNumber(m.to)];
    if (m.from === 'null' && m.to === 'null') nullText ??= m.text;
    else if (from !== undefined || to !== undefined) {
      out.push({
        type: 'range',
        options: { from: from ?? null, to: to ?? null, result: { text: m.text } },
      });
    }
  }
  if (Object.keys(values).length > 0) out.unshift({ type: 'value', options: values });
  if (nullText !== undefined)
    out.push({ type: 'special', options: { match: 'null', result: { text: nullText } } });
  return out;
}
