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
