// Content-Encoding for the proxy. Prometheus is asked for gzip (on Node, where the upstream
// client hands over the bytes as sent) and those bytes go to the browser as they are when it
// accepts gzip: no decode and re-encode on the way. The answer is decoded only for a browser
// that does not accept gzip, or to be read (a live tick's delta, known.ts). An answer that
// came unencoded is gzipped here for a browser that accepts it, when it is worth it.
//
// The response-size cap counts decoded bytes, so a small gzip that inflates to gigabytes (a
// "gzip bomb") is refused like any too-large answer. Deflate cannot shrink data more than
// about 1032:1, so a gzip body under cap / 1032 bytes is under the cap decoded too and is
// never decoded for the check; a bigger one is decoded alongside and counted (GzipMeter). Its
// first bytes say nothing of what the rest decodes to, so an answer that came compressed goes
// out only once read whole and counted (proxy.ts): never a 200 and then gigabytes.

/** zlib's largest compression ratio: 1032:1 (258-byte matches coded in 2 bits). */
export const MAX_GZIP_RATIO = 1032;

/** Bodies smaller than this go out unencoded: gzip's 18-byte frame and the CPU buy nothing. */
export const GZIP_MIN_BYTES = 1024; // bytes

export type Encoding = 'gzip' | 'identity';

/** Whether an Accept-Encoding header value accepts gzip (by name or `*`, with q above 0). */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star;
}

/** The encoding of an upstream answer, or null when it is one the proxy did not ask for. */
export function encodingOf(contentEncoding: string | null): Encoding | null {
  const e = (contentEncoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return 'identity';
  if (e === 'gzip' || e === 'x-gzip') return 'gzip';
  return null;
}

/** Whether a gzip body of `encodedBytes` may decode past `maxBytes`, so must be counted. */
export function mayInflatePast(encodedBytes: number, maxBytes: number): boolean {
  return encodedBytes * MAX_GZIP_RATIO > maxBytes;
}

// TypeScript types the (de)compressors' input as any BufferSource; bytes are what they get.
type Transform = TransformStream<Uint8Array, Uint8Array>;

/** Whole bytes as a stream of one chunk. */
function streamOf(body: ReadableStream<Uint8Array> | Uint8Array): ReadableStream<Uint8Array> {
  if (!(body instanceof Uint8Array)) return body;
  return new ReadableStream({
    start(ctrl) {
      ctrl.enqueue(body);
      ctrl.close();
    },
  });
}

/** A body, whole or streamed, decoded from gzip. */
export function gunzip(body: ReadableStream<Uint8Array> | Uint8Array): ReadableStream<Uint8Array> {
  return streamOf(body).pipeThrough(new DecompressionStream('gzip') as unknown as Transform);
}

/** A body, whole or streamed, gzipped. */
export function gzip(body: ReadableStream<Uint8Array> | Uint8Array): ReadableStream<Uint8Array> {
  return streamOf(body).pipeThrough(new CompressionStream('gzip') as unknown as Transform);
}

/** All of a stream's bytes in one array. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A gzip body decoded whole, or undefined as soon as it decodes past `maxBytes`: the decoding
 * stops there, so whatever the body, at most `maxBytes` are ever held.
 */
export async function gunzipAtMost(
  body: Uint8Array,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = gunzip(body).getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Counts the decoded size of a gzip body fed to it chunk by chunk, as it arrives. `over` turns
 * true once the count passes `maxBytes`; end() waits for the last byte and rejects when the
 * body is not valid gzip. Decoding runs beside the pass-through: nothing waits for it but the
 * flight's end.
 */
export class GzipMeter {
  decodedBytes = 0;
  over = false;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly counted: Promise<void>;

  constructor(private readonly maxBytes: number) {
    const inflate = new DecompressionStream('gzip') as unknown as Transform;
    this.writer = inflate.writable.getWriter();
    const reader = inflate.readable.getReader();
    this.counted = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        this.decodedBytes += value.byteLength;
        if (this.decodedBytes > this.maxBytes) {
          this.over = true;
          await reader.cancel();
          return;
        }
      }
    })();
    this.counted.catch(() => {}); // seen by end(); a meter given up on is not unhandled
  }

  write(chunk: Uint8Array): void {
    if (!this.over) this.writer.write(chunk).catch(() => {});
  }

  /** Resolves once every byte written has been counted. */
  async end(): Promise<void> {
    if (!this.over) this.writer.close().catch(() => {});
    await this.counted;
  }

  /** Stops decoding (the flight failed or was abandoned). */
  abort(): void {
    this.writer.abort().catch(() => {});
  }
}
