import { describe, expect, it } from 'vitest';
import { Flight } from './flight.ts';

describe('Flight', () => {
  it('keeps no more than the bytes it read: small views of big buffers are copied', async () => {
    // As Deno's fetch hands over an inflated body: 4 KiB views of 64 KiB buffers.
    const views = Array.from({ length: 64 }, (_, i) =>
      new Uint8Array(64 * 1024).fill(i).subarray(0, 4096),
    );
    const flight = new Flight(1024 * 1024);
    const waiter = flight.join()!;
    const result = await flight.run(async () => ({
      head: { status: 200, encoding: 'identity', compressed: true, upstreamMs: 1 },
      body: new ReadableStream({
        start(ctrl) {
          for (const v of views) ctrl.enqueue(v);
          ctrl.close();
        },
      }),
    }));
    const held = result.chunks!.reduce((n, c) => n + c.buffer.byteLength, 0);
    expect(held).toBe(64 * 4096);
    const body = waiter.result();
    expect(body && 'body' in body && body.body.byteLength).toBe(64 * 4096);
    // Whole chunks are kept as they came, not copied.
    const whole = new Uint8Array(8192);
    const f2 = new Flight(1024 * 1024);
    f2.join();
    const r2 = await f2.run(async () => ({
      head: { status: 200, encoding: 'identity', compressed: false, upstreamMs: 1 },
      body: new ReadableStream({
        start(ctrl) {
          ctrl.enqueue(whole);
          ctrl.close();
        },
      }),
    }));
    expect(r2.chunks![0]).toBe(whole);
  });
});
