import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digestUpTo, type Known } from '../../contract/known.ts';
import { DELTA_LIMITS, LiveDeltas, type Slot } from './delta.ts';

const series = Array.from({ length: 50 }, (_, i) => ({
  metric: { __name__: 'up', instance: `host-${i}:9100` },
  values: [
    [100, '1'],
    [110, '2'],
    [120, String(i)],
  ] as [number, string][],
}));
const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: series } });
const body = () => new TextEncoder().encode(text);
const known = (t: number, s = series): Known => ({ t, digest: digestUpTo(s, t) });

/** A slot that is always free, counting grants and releases. */
function counting(): Slot & { granted: number; released: number } {
  const slot = Object.assign(
    async () => {
      slot.granted++;
      return () => {
        slot.released++;
      };
    },
    { granted: 0, released: 0 },
  );
  return slot;
}

const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));

describe('LiveDeltas', () => {
  it('works out one answer once for any number of requests holding one time', async () => {
    const deltas = new LiveDeltas();
    const slot = counting();
    const answer = body();
    const stale = series.map((s) => ({
      ...s,
      values: s.values.map(([t]) => [t, '9']),
    })) as typeof series;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        deltas.delta(answer, 'identity', i % 10 === 0 ? known(110, stale) : known(110), slot),
      ),
    );
    expect(deltas.reads).toBe(1);
    expect([slot.granted, slot.released]).toEqual([1, 1]);
    expect(results.filter((r) => r.outcome === 'mismatch')).toHaveLength(10);
    const applied = results.filter((r) => r.outcome === 'applied');
    expect(applied).toHaveLength(90);
    // One rewritten answer, the same bytes for all.
    expect(new Set(applied.map((r) => r.body)).size).toBe(1);
    expect(decode(applied[0]!.body).data.result).toEqual(
      series.map((s) => ({ metric: s.metric, values: [s.values[2]] })),
    );
  });

  it('decodes a gzip answer, once', async () => {
    const deltas = new LiveDeltas();
    const zipped = gzipSync(text);
    const [a, b] = await Promise.all([
      deltas.delta(zipped, 'gzip', known(110), counting()),
      deltas.delta(zipped, 'gzip', known(110), counting()),
    ]);
    expect(a.outcome).toBe('applied');
    expect(b).toEqual(a);
    expect(deltas.reads).toBe(1);
  });

  it('works out no delta for an answer over the size limit, without reading it', async () => {
    const limits = { ...DELTA_LIMITS, maxBytes: 1024 };
    const deltas = new LiveDeltas(limits);
    expect(await deltas.delta(body(), 'identity', known(110), counting())).toEqual({
      outcome: 'too_large',
    });
    // A small gzip that decodes past the limit: decoding stops at the limit.
    const bomb = gzipSync(`{"status":"success"${' '.repeat(1024 * 1024)}}`);
    expect(bomb.byteLength).toBeLessThan((1024 * 1024) / 100);
    expect(await deltas.delta(bomb, 'gzip', known(110), counting())).toEqual({
      outcome: 'too_large',
    });
    expect(deltas.reads).toBe(0);
    // Settled for good: asked again, no slot is even taken.
    const slot = counting();
    expect((await deltas.delta(bomb, 'gzip', known(120), slot)).outcome).toBe('too_large');
    expect(slot.granted).toBe(0);
  });

  it('works out at most `times` held times per answer; past that, the whole answer', async () => {
    const deltas = new LiveDeltas({ ...DELTA_LIMITS, times: 2 });
    const answer = body();
    const slot = counting();
    const outcomes = [];
    for (const t of [100, 110, 120, 100]) {
      outcomes.push((await deltas.delta(answer, 'identity', known(t), slot)).outcome);
    }
    expect(outcomes).toEqual(['applied', 'applied', 'skipped', 'applied']);
    expect(deltas.reads).toBe(2);
    // Another answer has its own count.
    expect((await deltas.delta(body(), 'identity', known(120), slot)).outcome).toBe('applied');
  });

  it('sends the whole answer when no slot is to be had, and tries again next time', async () => {
    const deltas = new LiveDeltas({ ...DELTA_LIMITS, times: 1 });
    const answer = body();
    const busy: Slot = () => Promise.reject(new Error('the queue is full'));
    expect((await deltas.delta(answer, 'identity', known(110), busy)).outcome).toBe('skipped');
    expect(deltas.reads).toBe(0);
    expect((await deltas.delta(answer, 'identity', known(110), counting())).outcome).toBe(
      'applied',
    );
  });

  it('leaves anything but a plain matrix alone, for good', async () => {
    const deltas = new LiveDeltas();
    const error = new TextEncoder().encode('{"status":"error","error":"x"}');
    expect((await deltas.delta(error, 'identity', known(110), counting())).outcome).toBe('none');
    expect((await deltas.delta(error, 'identity', known(120), counting())).outcome).toBe('none');
    expect(deltas.reads).toBe(1);
    const notGzip = new TextEncoder().encode('plain');
    expect((await deltas.delta(notGzip, 'gzip', known(110), counting())).outcome).toBe('none');
  });

  it('keeps at most memoBytes of rewritten answers over all answers', async () => {
    const deltas = new LiveDeltas({ ...DELTA_LIMITS, memoBytes: 3 * text.length });
    for (let i = 0; i < 20; i++) {
      expect((await deltas.delta(body(), 'identity', known(90), counting())).outcome).toBe(
        'applied',
      );
      expect(deltas.heldBytes).toBeLessThanOrEqual(3 * text.length);
    }
    expect(deltas.heldBytes).toBeGreaterThan(2 * text.length);
  });
});
