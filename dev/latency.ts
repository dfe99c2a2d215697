/** Random helpers for the demo service: latencies and fault injection. */

export interface LatencyProfile {
  /** Median latency of a normal request, ms. */
  medianMs: number;
  /** Spread of the log-normal body; 0.5 puts p95 near 2.3× the median. */
  sigma: number;
  /** Probability (0–1) that a request falls into the slow tail instead. */
  tailP: number;
  /** Slow-tail latency range, ms (uniform within it). */
  tailMinMs: number;
  tailMaxMs: number;
}

/** Hard cap so no request outlives the largest histogram bucket by much, ms. */
const MAX_LATENCY_MS = 5_000;

/** Standard normal sample via Box–Muller. */
export function gaussian(rand: () => number = Math.random): number {
  // 1 - rand() is in (0, 1], so log() never sees 0.
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Latency for one request, ms: log-normal around the median, with an occasional slow tail. */
export function sampleLatencyMs(p: LatencyProfile, rand: () => number = Math.random): number {
  if (p.tailP > 0 && rand() < p.tailP) {
    return p.tailMinMs + rand() * (p.tailMaxMs - p.tailMinMs);
  }
  const ms = p.medianMs * Math.exp(p.sigma * gaussian(rand));
  return Math.min(ms, MAX_LATENCY_MS);
}

/** True with probability `p` (0–1). */
export function chance(p: number, rand: () => number = Math.random): boolean {
  return rand() < p;
}

export function randomInt(min: number, maxInclusive: number, rand = Math.random): number {
  return min + Math.floor(rand() * (maxInclusive - min + 1));
}

export function pick<T>(items: readonly T[], rand = Math.random): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}
