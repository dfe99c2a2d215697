// Grafana's standard reducers (stat panels, legend values), by their Grafana ids:
// https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/calculation-types/
// null is a gap; every reducer skips gaps except `first` and `last`, which report them.

export const REDUCER_IDS = [
  'lastNotNull',
  'last',
  'mean',
  'max',
  'min',
  'sum',
  'first',
  'firstNotNull',
  'count',
] as const;

export type ReducerId = (typeof REDUCER_IDS)[number];

export function isReducerId(id: string): id is ReducerId {
  return (REDUCER_IDS as readonly string[]).includes(id);
}

/** One number for a series; null for an empty series or when there is nothing to reduce. */
export function reduce(values: (number | null)[], calc: ReducerId): number | null {
  if (values.length === 0) return null;
  switch (calc) {
    case 'first':
      return values[0] ?? null;
    case 'last':
      return values[values.length - 1] ?? null;
    case 'firstNotNull':
      return values.find((v) => v !== null) ?? null;
    case 'lastNotNull':
      return values.findLast((v) => v !== null) ?? null;
    case 'count':
      return values.reduce<number>((n, v) => (v === null ? n : n + 1), 0);
    default:
      return aggregate(values, calc);
  }
}

function aggregate(values: (number | null)[], calc: 'mean' | 'max' | 'min' | 'sum'): number | null {
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (const v of values) {
    if (v === null) continue;
    count++;
    sum += v;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  // All gaps: "no data" rather than a sum of 0 that would look like a real reading.
  if (count === 0) return null;
  if (calc === 'mean') return sum / count;
  if (calc === 'max') return max;
  if (calc === 'min') return min;
  return sum;
}
