// Grafana's standard reducers (stat panels, legend values), by their Grafana ids:
// https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/calculation-types/
// null is a gap; every reducer skips gaps except `first` and `last`, which report them.

/** Each reducer's id with the name Grafana shows for it (legend table headers). */
export const REDUCERS = {
  lastNotNull: 'Last *',
  last: 'Last',
  mean: 'Mean',
  max: 'Max',
  min: 'Min',
  sum: 'Total',
  first: 'First',
  firstNotNull: 'First *',
  count: 'Count',
  range: 'Range',
  delta: 'Delta',
  diff: 'Difference',
  median: 'Median',
  stdDev: 'StdDev',
  variance: 'Variance',
  logmin: 'Min (above zero)',
  changeCount: 'Change count',
  distinctCount: 'Distinct count',
} as const;

export type ReducerId = keyof typeof REDUCERS;

export const REDUCER_IDS = Object.keys(REDUCERS) as ReducerId[];

export function isReducerId(id: string): id is ReducerId {
  return Object.hasOwn(REDUCERS, id);
}

/** A reducer by id or by the name Grafana shows (a legend's `sortBy` holds the name). */
export function reducerByName(name: string | undefined): ReducerId | undefined {
  if (name === undefined) return undefined;
  if (isReducerId(name)) return name;
  return REDUCER_IDS.find((id) => REDUCERS[id] === name);
}

/** Reducers whose answer is a count of values, not a value in the series' unit. */
export const COUNTING: ReadonlySet<ReducerId> = new Set(['count', 'changeCount', 'distinctCount']);

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
    case 'mean':
    case 'max':
    case 'min':
    case 'sum':
    case 'range':
      return aggregate(values, calc);
    default:
      return spread(
        values.filter((v): v is number => v !== null),
        calc,
      );
  }
}

function aggregate(
  values: (number | null)[],
  calc: 'mean' | 'max' | 'min' | 'sum' | 'range',
): number | null {
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
  if (calc === 'range') return max - min;
  return sum;
}

type SpreadId = Exclude<
  ReducerId,
  | 'first'
  | 'last'
  | 'firstNotNull'
  | 'lastNotNull'
  | 'count'
  | 'mean'
  | 'max'
  | 'min'
  | 'sum'
  | 'range'
>;

// The reducers over the values alone, gaps dropped.
function spread(vs: number[], calc: SpreadId): number | null {
  if (calc === 'changeCount') {
    let n = 0;
    for (let i = 1; i < vs.length; i++) if (vs[i] !== vs[i - 1]) n++;
    return n;
  }
  if (calc === 'distinctCount') return new Set(vs).size;
  if (vs.length === 0) return null;
  switch (calc) {
    case 'delta': {
      // The increase of a counter: a drop is a reset, after which the new value is all increase.
      let total = 0;
      for (let i = 1; i < vs.length; i++) {
        const d = vs[i]! - vs[i - 1]!;
        total += d >= 0 ? d : vs[i]!;
      }
      return total;
    }
    case 'diff':
      return vs[vs.length - 1]! - vs[0]!;
    case 'median': {
      const s = [...vs].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
    }
    case 'variance':
    case 'stdDev': {
      // Population variance, as Grafana computes it.
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      const variance = vs.reduce((a, v) => a + (v - mean) ** 2, 0) / vs.length;
      return calc === 'variance' ? variance : Math.sqrt(variance);
    }
    case 'logmin': {
      const positive = vs.filter((v) => v > 0);
      return positive.length === 0 ? null : Math.min(...positive);
    }
  }
}
