// Live ticks that say what they hold (contract/known.ts), end to end in pure code: the
// proxy's applyKnown answers each tick from "Prometheus' truth", and whatever changed within
// the overlap (late values, series appearing or vanishing), the merged answer is exactly the
// full load of the new window. Unchanged overlaps come back as only the later points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKnown } from '../../contract/known.ts';
import type { RangeSeries } from '../api/types.ts';
import { fetchSliding, LiveBases, type RangeFetch } from './incremental.ts';
import type { Grid } from './matrix.ts';

type Truth = Map<string, Map<number, string>>; // series name → time → value

function answerOf(truth: Truth, g: Grid): RangeSeries[] {
  const out: RangeSeries[] = [];
  for (const name of [...truth.keys()].sort()) {
    const values: [number, string][] = [];
    for (let t = g.start; t <= g.end; t += g.step) {
      const v = truth.get(name)!.get(t);
      if (v !== undefined) values.push([t, v]);
    }
    if (values.length > 0) out.push({ metric: { s: name }, values });
  }
  return out;
}

/** Prometheus answering from `truth`, through the proxy's applyKnown when a tick says what it holds. */
function prometheus(truth: () => Truth, outcomes: string[]): RangeFetch {
  return async (g, _signal, known) => {
    const text = JSON.stringify({
      status: 'success',
      data: { resultType: 'matrix', result: answerOf(truth(), g) },
    });
    const { outcome, body } = known ? applyKnown(text, known) : { outcome: undefined, body: text };
    if (outcome) outcomes.push(outcome);
    const parsed = JSON.parse(body);
    return { data: parsed.data, warnings: [], infos: [], totalMs: 0, delta: outcome };
  };
}

const STEP = 10;
const g1 = { start: 1000, end: 4600, step: STEP };
const g2 = { start: 1030, end: 4630, step: STEP };
const OVERLAP = 600; // s: the tick asks from 4000

describe('a live tick that says what it holds', () => {
  it('gets only the later points when nothing held changed, and merges to the full answer', async () => {
    let truth: Truth = new Map([
      ['a', new Map(Array.from({ length: 400 }, (_, i) => [1000 + i * STEP, `${i}`] as const))],
    ]);
    const outcomes: string[] = [];
    const fetchRange = prometheus(() => truth, outcomes);
    const bases = new LiveBases();
    await fetchSliding(bases, 'k', g1, fetchRange, OVERLAP);
    truth = new Map(truth);
    const second = await fetchSliding(bases, 'k', g2, fetchRange, OVERLAP);
    expect(outcomes).toEqual(['applied']);
    expect(second.fetched).toEqual({ start: 4000, end: 4630 });
    expect(second.data.result).toEqual(answerOf(truth, g2));
  });

  it('always merges to exactly the full load of the new window', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd');
    const value = fc.constantFrom('0', '1', '2.5', 'NaN', '+Inf', '1e-7');
    // Series present over a stretch of the grid (some to its very end, some gone before it),
    // with a gap or two.
    const index = fc.integer({ min: 0, max: 363 });
    const stretch = fc.tuple(
      name,
      index,
      fc.oneof(fc.constant(363), index),
      fc.array(index, { maxLength: 2 }),
    );
    const stretches = fc.array(stretch, { maxLength: 5 });
    // Changes only where the tick re-asks (from 4000 on): anything older is not re-fetched.
    // Often none, as on most real ticks.
    const change = fc.tuple(
      name,
      fc.integer({ min: 300, max: 363 }).map((i) => 1000 + i * STEP),
      fc.option(value),
    );
    const late = fc.oneof(fc.constant([]), fc.array(change, { maxLength: 4 }));
    return fc.assert(
      fc.asyncProperty(stretches, late, async (before, changes) => {
        let truth: Truth = new Map();
        const put = (t: Truth, n: string, at: number, v: string | null) => {
          if (!t.has(n)) t.set(n, new Map());
          if (v === null) t.get(n)!.delete(at);
          else t.get(n)!.set(at, v);
        };
        for (const [n, from, to, gaps] of before) {
          for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
            if (!gaps.includes(i)) put(truth, n, 1000 + i * STEP, `${i % 7}`);
          }
        }
        const outcomes: string[] = [];
        const fetchRange = prometheus(() => truth, outcomes);
        const bases = new LiveBases();
        await fetchSliding(bases, 'k', g1, fetchRange, OVERLAP);
        const next: Truth = new Map([...truth].map(([n, m]) => [n, new Map(m)]));
        for (const [n, at, v] of changes) put(next, n, at, v);
        truth = next;
        const tick = await fetchSliding(bases, 'k', g2, fetchRange, OVERLAP);
        expect(tick.data.result).toEqual(answerOf(truth, g2));
        expect(outcomes).toHaveLength(1);
        if (changes.length === 0) expect(outcomes).toEqual(['applied']);
      }),
      { numRuns: 300 },
    );
  });
});
