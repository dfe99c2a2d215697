// Live ticks that cost bytes in proportion to the refresh interval, not to the overlap.
//
// A live tick re-asks Prometheus for [last end − overlap, now] (10 min by default), because
// late scrapes can still change the newest values. Almost always they have not: the browser
// already holds every point up to its last end. So the browser sends, with the tick,
// `X-Promscope-Known: t=<last end>; digest=<digest of its points in [start, t]>`; the proxy
// asks Prometheus the same call as anyone else (so viewers still share it), digests the
// answer's points at t or before, and when the digests agree sends only the points after t
// (`X-Promscope-Delta: applied`). When they differ (a value changed) the whole answer goes
// as usual (`mismatch`), and the browser merges it as it always did: one request either way.
//
// Pure and free of Node and DOM: the server and the web app import this one file, so both
// sides digest exactly alike. The digest does not depend on series order; each series is
// hashed with its labels, and a 64-bit digest (two 32-bit lanes) is summed over series.

export const KNOWN_HEADER = 'X-Promscope-Known';
export const DELTA_HEADER = 'X-Promscope-Delta';

/** What the browser already holds of a range answer. */
export interface Known {
  t: number; // unix seconds: every point at or before t is held
  digest: string; // 16 hex digits, digestUpTo() of those points
}

interface Series {
  metric?: Record<string, string>;
  values?: readonly (readonly [number, string])[];
}

/** The header's value for `known`. */
export function formatKnown(known: Known): string {
  return `t=${known.t}; digest=${known.digest}`;
}

/** The header parsed, or undefined when absent or not exactly in our form. */
export function parseKnown(header: string | null | undefined): Known | undefined {
  if (!header) return undefined;
  const m = /^t=(\d{1,12}(?:\.\d{1,3})?); digest=([0-9a-f]{16})$/.exec(header.trim());
  if (!m) return undefined;
  return { t: Number(m[1]), digest: m[2]! };
}

// cyrb53's mixing (public domain, bryc): two 32-bit lanes over UTF-16 code units.
function hash2(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** One text per series: its sorted labels, then its points, as Prometheus wrote them. */
function seriesText(metric: Record<string, string>, points: string): string {
  const names = Object.keys(metric).sort();
  return `${JSON.stringify(names.map((n) => [n, metric[n]]))}\n${points}`;
}

/**
 * The digest of every point with `from` ≤ time ≤ `until` (unix seconds), over all series.
 * Series with no such point add nothing, so "no points" digests alike on both sides.
 */
export function digestUpTo(series: readonly Series[], until: number, from = -Infinity): string {
  let a = 0;
  let b = 0;
  for (const s of series) {
    let points = '';
    for (const [t, v] of s.values ?? []) {
      if (t >= from && t <= until) points += `${t} ${v}\n`;
    }
    if (points === '') continue;
    const [h1, h2] = hash2(seriesText(s.metric ?? {}, points));
    a = (a + h1) >>> 0;
    b = (b + h2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A successful range answer whose result is a matrix of plain samples, parsed. */
export interface Matrix {
  answer: { status: 'success'; data: { resultType: 'matrix'; result: unknown } };
  result: Required<Series>[];
}

/**
 * `text` parsed when it is a successful matrix of plain samples; undefined for anything else
 * (an error, a cut or non-JSON body, native histograms), which is not ours to touch.
 */
export function readMatrix(text: string): Matrix | undefined {
  let answer: {
    status?: unknown;
    data?: { resultType?: unknown; result?: unknown };
  };
  try {
    answer = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = answer?.data?.result;
  if (
    answer?.status !== 'success' ||
    answer.data?.resultType !== 'matrix' ||
    !Array.isArray(result) ||
    !result.every(isPlainSeries)
  ) {
    return undefined;
  }
  return { answer: answer as Matrix['answer'], result };
}

/** The answer rewritten with only the points after `t` (series with none left out). */
export function laterThan(matrix: Matrix, t: number): string {
  const { answer, result } = matrix;
  const later = result.flatMap((s) => {
    const values = s.values.filter((p) => p[0] > t);
    return values.length > 0 ? [{ metric: s.metric, values }] : [];
  });
  return JSON.stringify({ ...answer, data: { ...answer.data, result: later } });
}

/**
 * The proxy's side: `text` is Prometheus' answer to a query_range. When it is a successful
 * matrix of plain samples whose points up to `known.t` digest as the browser's, the answer
 * rewritten with only the later points (series with none left out; warnings kept) and
 * `applied`; when the digests differ, `mismatch` and the answer unchanged; anything else
 * (an error, a cut or non-JSON body, native histograms) is not ours to touch: `none`.
 * (The proxy does the same in steps, shared by every request for one answer: delta.ts.)
 */
export function applyKnown(
  text: string,
  known: Known,
): { outcome: 'applied' | 'mismatch' | 'none'; body: string } {
  const matrix = readMatrix(text);
  if (!matrix) return { outcome: 'none', body: text };
  if (digestUpTo(matrix.result, known.t) !== known.digest) {
    return { outcome: 'mismatch', body: text };
  }
  return { outcome: 'applied', body: laterThan(matrix, known.t) };
}

function isPlainSeries(s: unknown): s is Required<Series> {
  if (typeof s !== 'object' || s === null) return false;
  const { metric, values, histograms } = s as Series & { histograms?: unknown };
  return (
    histograms === undefined &&
    typeof metric === 'object' &&
    metric !== null &&
    Array.isArray(values) &&
    values.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'string')
  );
}
