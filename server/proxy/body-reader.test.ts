// bodyReader: the bytes read are the bytes sent, each chunk kept owns its bytes alone, and a
// byte stream is read into the reader's own buffer (what keeps Deno's fetch from leaving a
// 64 KiB buffer behind every 4 KiB; the e2e hostile-upstream spec measures that on Deno).
import { describe, expect, it, vi } from 'vitest';
import { bodyReader, ownBytes } from './body-reader.ts';

/** 4 KiB views of 64 KiB buffers, as Deno's fetch hands out what it inflates. */
const views = (n: number) =>
  Array.from({ length: n }, (_, i) => new Uint8Array(new ArrayBuffer(64 * 1024), 0, 4096).fill(i));

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = bodyReader(body);
  const out: Uint8Array[] = [];
  for (let c = await reader.read(); c; c = await reader.read()) out.push(c);
  return out;
}

describe('bodyReader', () => {
  it('reads a byte stream into its own buffer: every chunk owns exactly its bytes', async () => {
    const sent = views(8);
    let given = 0;
    const body = new ReadableStream({
      type: 'bytes',
      pull(ctrl) {
        const req = ctrl.byobRequest;
        const next = sent[given++];
        if (!next) {
          ctrl.close();
          req?.respond(0); // a pending BYOB read is answered by close with 0 bytes
          return;
        }
        // A BYOB read: the bytes go into the reader's view, no buffer of the source's own.
        expect(req?.view).toBeTruthy();
        const view = req!.view as Uint8Array;
        view.set(next);
        req!.respond(next.byteLength);
      },
    });
    const got = await readAll(body);
    expect(got.map((c) => [c.byteLength, c.buffer.byteLength, c[0]])).toEqual(
      sent.map((_, i) => [4096, 4096, i]),
    );
  });

  it('keeps a read that filled the whole buffer as it is, with no copy', async () => {
    const full = new Uint8Array(64 * 1024).fill(9);
    let given = 0;
    const body = new ReadableStream({
      type: 'bytes',
      pull(ctrl) {
        const req = ctrl.byobRequest!;
        const view = req.view as Uint8Array;
        if (given++ === 0) {
          view.set(full);
          req.respond(full.byteLength);
        } else {
          view.set([1, 2, 3]);
          req.respond(3);
          ctrl.close();
        }
      },
    });
    const copies = vi.spyOn(Uint8Array.prototype, 'slice');
    const got = await readAll(body);
    // One copy: the 3 bytes read into the 64 KiB scratch buffer, not the full one.
    expect(copies).toHaveBeenCalledTimes(1);
    copies.mockRestore();
    expect(got.map((c) => [c.byteLength, c.buffer.byteLength, c[0]])).toEqual([
      [65_536, 65_536, 9],
      [3, 3, 1],
    ]);
  });

  it('reads any other stream as it comes, copying only small views of large buffers', async () => {
    const whole = new Uint8Array(10_000).fill(7);
    const sent = [...views(2), whole];
    const body = new ReadableStream<Uint8Array>({
      start(ctrl) {
        for (const c of sent) ctrl.enqueue(c);
        ctrl.close();
      },
    });
    const got = await readAll(body);
    expect(got.map((c) => c.buffer.byteLength)).toEqual([4096, 4096, 10_000]);
    expect(got[2]).toBe(whole);
    expect(got.map((c) => c[0])).toEqual([0, 1, 7]);
  });

  it('cancels the stream it reads', async () => {
    let reason: unknown;
    const body = new ReadableStream({
      type: 'bytes',
      cancel: (r) => {
        reason = r;
      },
    });
    await bodyReader(body).cancel('too large');
    expect(reason).toBe('too large');
  });

  it('ownBytes keeps a chunk that is most of its buffer', () => {
    const half = new Uint8Array(new ArrayBuffer(100), 0, 60);
    expect(ownBytes(half)).toBe(half);
    expect(ownBytes(new Uint8Array(new ArrayBuffer(100), 0, 40)).buffer.byteLength).toBe(40);
  });
});
