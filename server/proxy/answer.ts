// How the proxy's answer is made from what the upstream sent: the encoding the browser gets
// (encoding.ts), a live tick's delta (known.ts), and whether a finished answer is partial.

import { DELTA_HEADER, type Known } from '../../contract/known.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { LiveDeltas, Slot } from './delta.ts';
import { type Encoding, GZIP_MIN_BYTES, gunzip, gzip, readAll } from './encoding.ts';

export const byteLength = (chunks: readonly Uint8Array[]) =>
  chunks.reduce((n, c) => n + c.byteLength, 0);

/** Prometheus writes `warnings` after `data`, so only the answer's tail is read for it. */
const WARNINGS_TAIL = 64 * 1024; // bytes

/** Whether a Prometheus JSON answer carries warnings (a partial answer); JSON is not parsed. */
export async function hasWarnings(
  chunks: readonly Uint8Array[],
  encoding: Encoding,
): Promise<boolean> {
  const body = encoding === 'gzip' ? [await readAll(gunzip(concat(chunks)))] : chunks;
  const tail: Uint8Array[] = [];
  let bytes = 0;
  for (let i = body.length - 1; i >= 0 && bytes < WARNINGS_TAIL; i--) {
    tail.unshift(body[i]!);
    bytes += body[i]!.byteLength;
  }
  const text = new TextDecoder().decode(concat(tail));
  return text.slice(-WARNINGS_TAIL).includes('"warnings":');
}

export type Body = ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;

/**
 * The answer to the browser from a body in `encoding`: gzip passed through to a browser that
 * takes it and decoded for one that does not; an unencoded body gzipped for a browser that
 * takes gzip, unless it is known to be too small to gain.
 */
export function answer(
  body: Body,
  encoding: Encoding,
  status: number,
  headers: Headers,
  clientGzip: boolean,
): Response {
  headers.set('Vary', 'Accept-Encoding');
  if (encoding === 'gzip') {
    if (!clientGzip) return new Response(gunzip(body), { status, headers });
    headers.set('Content-Encoding', 'gzip');
    return new Response(body, { status, headers });
  }
  const small = body instanceof Uint8Array && body.byteLength < GZIP_MIN_BYTES;
  if (!clientGzip || small) return new Response(body, { status, headers });
  headers.set('Content-Encoding', 'gzip');
  return new Response(gzip(body), { status, headers });
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(byteLength(chunks));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A live tick's answer: only the points the browser lacks when the delta applies (delta.ts,
 * worked out once per answer), else the whole answer as it came, undecoded. `body` is the
 * complete answer, the same array for every request for it.
 */
export async function knownResponse(
  body: Uint8Array<ArrayBuffer>,
  encoding: Encoding,
  known: Known,
  headers: Headers,
  metrics: ServerMetrics,
  clientGzip: boolean,
  deltas: LiveDeltas,
  slot: Slot,
): Promise<Response> {
  const delta = await deltas.delta(body, encoding, known, slot);
  metrics.liveDelta(delta.outcome);
  headers.set(DELTA_HEADER, delta.outcome);
  if (delta.outcome === 'applied') return answer(delta.body, 'identity', 200, headers, clientGzip);
  return answer(body, encoding, 200, headers, clientGzip);
}
