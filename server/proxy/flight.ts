// One upstream call shared by every identical request that arrives while it is under way.
//
// Design: the flight reads the upstream body once, at the upstream's pace, into a list of
// chunks; each waiter gets its own ReadableStream that replays that list from the start and
// then follows it live. So
// - a single client is streamed: each chunk goes out as soon as it has arrived, nothing waits
//   for the whole body, and the JSON is never parsed or re-encoded;
// - a request that joins late (even mid-body) still gets the whole answer, byte for byte the
//   same as the first one, with the same status and headers;
// - a slow client slows no one else, and nobody holds a copy: every waiter's stream hands out
//   the same chunk objects. The chunks live as long as the flight or its slowest reader, and
//   never exceed `maxBytes` (the response-size cap), so memory per flight is bounded.
// A tee() would not do: it fixes the number of readers up front, so late joiners could not
// share. Buffering the whole body before answering would give up streaming.
//
// The size cap: past `maxBytes` the upstream read stops (and so does the upstream call) and
// every waiter's stream errors, so no client gets more than the cap. A JSON error is only
// possible before the status line has gone out, so an answer known to be too big up front
// (its Content-Length) is refused by the caller before the flight starts streaming.
//
// The cap counts decoded bytes: a gzip body that may inflate past it is decoded beside the
// read and counted (GzipMeter, encoding.ts), and the flight ends only once it has been. Such a
// body's first bytes say nothing of what the rest decodes to, so the caller relays a body that
// came compressed only once the flight has ended (head.compressed; proxy.ts).
//
// Waiters may leave (the client went away) at any time; the upstream call is aborted only when
// the last one has left, and a flight abandoned that way takes no new waiters.

import { bodyReader } from './body-reader.ts';
import { type Encoding, GzipMeter, mayInflatePast } from './encoding.ts';

export interface FlightHead {
  status: number;
  /** The body's Content-Encoding, as the upstream sent it and as the chunks hold it. */
  encoding: Encoding;
  /**
   * The body came compressed over the wire (still gzip, or decoded by the upstream client):
   * what it decodes to is known only at its end.
   */
  compressed: boolean;
  /** The body's length as declared (Content-Length), encoded bytes. */
  length?: number; // bytes
  upstreamMs: number; // ms from the upstream request to its response headers
}

/** An answer in Prometheus' error shape the proxy gives instead of an upstream one. */
export interface FlightError {
  status: 429 | 502 | 504;
  errorType: string;
  error: string;
  retryAfterS?: number; // seconds
}

export type FlightOutcome = { ok: true; head: FlightHead } | { ok: false; error: FlightError };

/** What `open` gives back: an error to answer with, or the head and body to stream. */
export type Opened =
  | { error: FlightError }
  | { head: FlightHead; body: ReadableStream<Uint8Array> | null };

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upstream answer over ${maxBytes} bytes`);
  }
}

export interface Waiter {
  /** Settles once the upstream call has a status (or has failed). */
  outcome: Promise<FlightOutcome>;
  /** The whole body from its first byte, then live. Call once, after an ok outcome. */
  body(): ReadableStream<Uint8Array>;
  /** Settles once the body has been read to its end, or has failed. */
  ended: Promise<void>;
  /**
   * Once ended, the whole body in one piece (the same array for every waiter), or what it
   * failed with; this waiter has left. Undefined while the body is still being read.
   */
  result(): { body: Uint8Array<ArrayBuffer> } | { failure: unknown } | undefined;
  /** Idempotent; called by body() itself when the stream ends or is cancelled. */
  leave(): void;
}

export interface FlightResult {
  /** The complete body, when the call succeeded and was read to its end. */
  chunks?: Uint8Array[];
  head?: FlightHead;
  failure?: unknown;
}

export class Flight {
  private readonly chunks: Uint8Array[] = [];
  /** The chunks in one piece, made once when first asked for after the end. */
  private whole: Uint8Array<ArrayBuffer> | undefined;
  private bytes = 0;
  private state: 'waiting' | 'streaming' | 'done' | 'failed' = 'waiting';
  private failure: unknown;
  private waiters = 0;
  private abandoned = false;
  private readonly abort = new AbortController();
  private settleOutcome!: (o: FlightOutcome) => void;
  private readonly outcome = new Promise<FlightOutcome>((resolve) => {
    this.settleOutcome = resolve;
  });
  private settleEnded!: () => void;
  private readonly ended = new Promise<void>((resolve) => {
    this.settleEnded = resolve;
  });
  private wake: () => void = () => {};
  private changed = this.nextChange();

  /**
   * `brokeOff` turns an error reading the upstream body (the upstream died mid-answer) into
   * the error every waiter's stream ends with.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly brokeOff: (err: unknown) => unknown = (err) => err,
  ) {}

  /** Waiters still interested; the first join does not count as "merged". */
  get waiting(): number {
    return this.waiters;
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    if (this.state === 'done' || this.state === 'failed') this.settleEnded();
    const wake = this.wake;
    this.changed = this.nextChange();
    wake();
  }

  /** A new waiter, or null when the flight was abandoned and a new one must start. */
  join(): Waiter | null {
    if (this.abandoned) return null;
    this.waiters++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.waiters--;
      if (this.waiters === 0 && (this.state === 'waiting' || this.state === 'streaming')) {
        this.abandoned = true;
        this.abort.abort(new DOMException('every client went away', 'AbortError'));
      }
    };
    const body = () => {
      let i = 0;
      return new ReadableStream<Uint8Array>(
        {
          pull: async (ctrl) => {
            for (;;) {
              const chunk = this.chunks[i];
              if (chunk) {
                i++;
                ctrl.enqueue(chunk);
                return;
              }
              if (this.state === 'done') {
                ctrl.close();
                leave();
                return;
              }
              if (this.state === 'failed') {
                ctrl.error(this.failure);
                leave();
                return;
              }
              await this.changed;
            }
          },
          cancel: () => leave(),
        },
        { highWaterMark: 0 },
      );
    };
    const result = () => {
      if (this.state === 'done') {
        leave();
        return { body: this.body() };
      }
      if (this.state === 'failed') {
        leave();
        return { failure: this.failure };
      }
      return undefined;
    };
    return { outcome: this.outcome, body, leave, ended: this.ended, result };
  }

  /**
   * The whole body, once read to its end: one array shared by every waiter, the cache and the
   * live-tick deltas (which know an answer by it), never a copy each.
   */
  body(): Uint8Array<ArrayBuffer> {
    if (this.state !== 'done') throw new Error('the body is not complete');
    this.whole ??= concat(this.chunks);
    return this.whole;
  }

  /**
   * Runs the call: `open` gets the signal that fires when every waiter has left, and answers
   * with an error or the upstream head and body, which is then read to its end here.
   */
  async run(open: (signal: AbortSignal) => Promise<Opened>): Promise<FlightResult> {
    let opened: Opened;
    try {
      opened = await open(this.abort.signal);
    } catch (err) {
      this.failure = err;
      this.state = 'failed';
      this.settleOutcome({
        ok: false,
        error: { status: 502, errorType: 'internal', error: String(err) },
      });
      this.notify();
      return { failure: err };
    }
    if ('error' in opened) {
      this.failure = new Error(opened.error.error);
      this.state = 'failed';
      this.settleOutcome({ ok: false, error: opened.error });
      this.notify();
      return { failure: this.failure };
    }
    this.state = 'streaming';
    this.settleOutcome({ ok: true, head: opened.head });
    const reader = opened.body ? bodyReader(opened.body) : undefined;
    // Every waiter gone: stop reading too, whatever the fetch does with its own signal.
    const stop = () => reader?.cancel(this.abort.signal.reason).catch(() => {});
    this.abort.signal.addEventListener('abort', stop, { once: true });
    const gzipped = opened.head.encoding === 'gzip';
    let meter: GzipMeter | undefined;
    try {
      for (;;) {
        if (!reader) break;
        const chunk = await reader.read();
        if (!chunk) break;
        this.bytes += chunk.byteLength;
        if (this.bytes > this.maxBytes || meter?.over) throw new BodyTooLargeError(this.maxBytes);
        this.chunks.push(chunk);
        if (meter) meter.write(chunk);
        else if (gzipped && mayInflatePast(this.bytes, this.maxBytes)) {
          meter = new GzipMeter(this.maxBytes);
          for (const c of this.chunks) meter.write(c);
        }
        this.notify();
      }
      // A cancelled read ends like a complete body: an abort is a failure, never an end.
      if (this.abort.signal.aborted) throw this.abort.signal.reason;
      if (meter) {
        try {
          await meter.end();
        } catch (err) {
          throw new Error(`the answer is not valid gzip: ${err}`);
        }
        if (meter.over) throw new BodyTooLargeError(this.maxBytes);
      }
      this.state = 'done';
      this.abort.signal.removeEventListener('abort', stop);
      this.notify();
      return { chunks: this.chunks, head: opened.head };
    } catch (caught) {
      const err = caught instanceof BodyTooLargeError ? caught : this.brokeOff(caught);
      // Every waiter's stream errors now, with no chunk left to replay: what was read (up to
      // the cap) is garbage at once, not when the flight is.
      this.chunks.length = 0;
      meter?.abort();
      reader?.cancel(err).catch(() => {});
      this.abort.signal.removeEventListener('abort', stop);
      this.failure = err;
      this.state = 'failed';
      this.notify();
      return { failure: err, head: opened.head };
    }
  }
}

/** The chunks as one array; a single chunk's own bytes when they are all of its buffer. */
function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  if (only && only.buffer instanceof ArrayBuffer) return only as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
