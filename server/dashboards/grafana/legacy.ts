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
