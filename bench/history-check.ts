// Bench 0's check that the history is there: series and samples Prometheus holds in the
// 1 h, 24 h and 7 d windows, and samples in each window's first hour (a full window has some).
// Counted per metric name: `count_over_time` drops the name, so one selector over several
// names whose label sets coincide (`http_requests_total` and `…_count` share theirs) makes
// Prometheus refuse the whole query ("vector cannot contain metrics with the same labelset"),
// which the first version of this check read as 0.
import { asArray, asRecord, asString, parseFiniteNumber } from '../contract/json.ts';
import { historySeries } from './history.ts';
import { mark, table } from './stats.ts';

/**
 * The number an instant query answered: the value of its one sample (a vector of one, or a
 * scalar), 0 for an empty vector (nothing matched). An error answer throws with Prometheus'
 * own message rather than reading as 0.
 */
export function answerNumber(body: unknown): number {
  const b = asRecord(body);
  if (b.status !== 'success') {
    throw new Error(`Prometheus: ${asString(b.errorType, 'error')}: ${asString(b.error, '?')}`);
  }
  const data = asRecord(b.data);
  if (data.resultType === 'scalar') return parseFiniteNumber(asArray(data.result)[1]) ?? Number.NaN;
  const result = asArray(data.result);
  if (result.length === 0) return 0;
  if (data.resultType !== 'vector' || result.length > 1) {
    throw new Error(`expected one sample, got ${result.length} (${asString(data.resultType)})`);
  }
  return parseFiniteNumber(asArray(asRecord(result[0]).value)[1]) ?? Number.NaN;
}

async function instant(prometheusUrl: string, expr: string): Promise<number> {
  const res = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  return answerNumber(await res.json());
}

export interface HistoryWindow {
  window: string;
  series: number;
  samples: number;
  firstHourSamples: number;
}

/** Each window, and how far back its first hour starts (null: it is the window itself). */
const WINDOWS = [
  ['1h', null],
  ['24h', '23h'],
  ['7d', '167h'],
] as const;

/**
 * The three counts' PromQL for one metric selector and window. A window's first hour is
 * `[1h] offset <w − 1h>`, and no offset at all for 1 h: Prometheus refuses `offset 0s`
 * ("duration must be greater than 0").
 */
export function windowQueries(
  sel: string,
  w: string,
  firstHourOffset: string | null,
): { series: string; samples: string; firstHour: string } {
  const off = firstHourOffset ? ` offset ${firstHourOffset}` : '';
  return {
    series: `count(count_over_time(${sel}[${w}]))`,
    samples: `sum(count_over_time(${sel}[${w}]))`,
    firstHour: `sum(count_over_time(${sel}[1h]${off}))`,
  };
}

/** Series and samples in each window, summed over the history's metric names. */
export async function historyCheck(prometheusUrl: string): Promise<HistoryWindow[]> {
  const names = [...new Set(historySeries().map((s) => s.name))];
  const out: HistoryWindow[] = [];
  for (const [w, first] of WINDOWS) {
    const sum = async (which: 'series' | 'samples' | 'firstHour') => {
      const each = await Promise.all(
        names.map((n) =>
          instant(prometheusUrl, windowQueries(`${n}{job=~"demo|node"}`, w, first)[which]),
        ),
      );
      return each.reduce((a, b) => a + b, 0);
    };
    out.push({
      window: w,
      series: await sum('series'),
      samples: await sum('samples'),
      firstHourSamples: await sum('firstHour'),
    });
  }
  return out;
}

export function historyTable(rows: HistoryWindow[]): string {
  return table(
    ['window', 'series', 'samples', 'samples in its first hour', 'full'],
    rows.map((r) => [
      r.window,
      String(r.series),
      String(r.samples),
      String(r.firstHourSamples),
      mark(r.series > 0 && r.firstHourSamples > 0),
    ]),
  );
}
