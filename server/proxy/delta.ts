// A live tick's delta (known.ts), worked out once per answer, however many requests ask.
//
// Every request carrying `X-Promscope-Known` used to decode, parse and digest the whole answer
// on the main thread by itself, even when a hundred of them shared one upstream call: a
// hundred requests on a 24 MB answer took 5 GiB and minutes (issue #13, item 2). Now:
// - the work is done once per answer and held time: the requests of one flight, or of one
//   range-cache entry, hold the same body array (flight.ts body()), which is how an answer is
//   known here; requests that differ only in their digest share it too (the digest is the
//   browser's claim, compared after);
// - only for answers of at most `maxBytes` decoded: a tick asks for its window's last minutes,
//   far less; a bigger answer gets no delta and goes out whole (`too_large`), undecoded;
// - at most `times` different held times per answer (viewers of one dashboard tick together,
//   so they hold the same time): past that, the answer goes out whole (`skipped`);
// - under a slot of the datasource's budget (limiter.ts), like an upstream call: the work
//   queues behind the datasource's calls, and with no slot free in time the answer goes out
//   whole (`skipped`) rather than waiting or failing;
// - what is kept is only the digest and the rewritten answer per (answer, held time), at
//   most `memoBytes` over all answers, least recently used first out. The parsed answer is
//   dropped once digested: held for the life of a cache entry, it would weigh ten times the
//   bytes.

import { digestUpTo, type Known, laterThan, readMatrix } from '../../contract/known.ts';
import type { DeltaOutcome } from '../metrics.ts';
import type { Encoding } from './encoding.ts';
import { gunzipAtMost } from './encoding.ts';

/** `applied` with the points the browser lacks; otherwise the whole answer is to be sent. */
export type Delta =
  | { outcome: 'applied'; body: Uint8Array<ArrayBuffer> }
  | { outcome: Exclude<DeltaOutcome, 'applied'> };

export interface DeltaLimits {
  /** Largest answer, decoded, a delta is worked out for. */
  maxBytes: number; // bytes
  /** Different held times worked out per answer. */
  times: number;
  /** Rewritten answers kept, over all answers. */
  memoBytes: number; // bytes
}

const MIB = 1024 * 1024;

export const DELTA_LIMITS: DeltaLimits = { maxBytes: 4 * MIB, times: 4, memoBytes: 16 * MIB };

/**
 * A slot in the datasource's budget; resolves with its release once granted, rejects when
 * none is to be had (queue full, or not in time).
 */
export type Slot = () => Promise<() => void>;

type Worked =
  | { digest: string; later: Uint8Array<ArrayBuffer> }
  | { outcome: 'none' | 'too_large' | 'skipped' };

interface AnswerState {
  id: number;
  /** Held times worked out (or being worked out) for this answer. */
  times: number;
  /** Set once the answer is known to get no delta at all. */
  verdict?: 'none' | 'too_large';
}

interface Memo {
  work: Promise<Worked>;
  bytes: number; // once settled
}

export class LiveDeltas {
  private readonly answers = new WeakMap<Uint8Array, AnswerState>();
  /** By `${answer id} ${t}`; Map order is use order, the first is the least recently used. */
  private readonly memo = new Map<string, Memo>();
  private memoBytes = 0;
  private nextId = 0;
  /** Answers decoded and parsed so far (for tests and figures). */
  reads = 0;

  constructor(private readonly limits: DeltaLimits = DELTA_LIMITS) {}

  /** Bytes of rewritten answers held. */
  get heldBytes(): number {
    return this.memoBytes;
  }

  /**
   * The delta for `known` of the complete answer `body` (in `encoding`); `body` must be the
   * same array for every request for this answer, and never change.
   */
  async delta(body: Uint8Array, encoding: Encoding, known: Known, slot: Slot): Promise<Delta> {
    let state = this.answers.get(body);
    if (!state) {
      state = { id: this.nextId++, times: 0 };
      this.answers.set(body, state);
    }
    if (state.verdict) return { outcome: state.verdict };
    const key = `${state.id} ${known.t}`;
    let memo = this.memo.get(key);
    if (memo) {
      this.memo.delete(key);
      this.memo.set(key, memo); // now the most recently used
    } else {
      if (state.times >= this.limits.times) return { outcome: 'skipped' };
      state.times++;
      const entry: Memo = { work: this.work(body, encoding, known.t, slot), bytes: 0 };
      this.memo.set(key, entry);
      const answer = state;
      // Registered before anyone awaits the work, so it has run by the time they resume.
      void entry.work.then((w) => this.settle(key, entry, w, answer));
      memo = entry;
    }
    const worked = await memo.work;
    if ('outcome' in worked) return { outcome: worked.outcome };
    if (worked.digest !== known.digest) return { outcome: 'mismatch' };
    return { outcome: 'applied', body: worked.later };
  }

  private settle(key: string, entry: Memo, worked: Worked, answer: AnswerState): void {
    if ('outcome' in worked) {
      this.forget(key, entry);
      // No slot this time: the next request may try again.
      if (worked.outcome === 'skipped') answer.times--;
      else answer.verdict = worked.outcome;
      return;
    }
    entry.bytes = worked.later.byteLength;
    this.memoBytes += entry.bytes;
    for (const [k, e] of this.memo) {
      if (this.memoBytes <= this.limits.memoBytes) break;
      if (e.bytes > 0) this.forget(k, e); // entries still being worked out weigh nothing yet
    }
  }

  private forget(key: string, entry: Memo): void {
    if (this.memo.get(key) !== entry) return;
    this.memo.delete(key);
    this.memoBytes -= entry.bytes;
  }

  /** Decodes, parses and digests the answer for held time `t`, holding a slot meanwhile. */
  private async work(body: Uint8Array, encoding: Encoding, t: number, slot: Slot): Promise<Worked> {
    let release: () => void;
    try {
      release = await slot();
    } catch {
      return { outcome: 'skipped' };
    }
    try {
      // Over the limit as it is: not decoded to know. (gzip hardly ever decodes to less than
      // its own size; a padded one that would is sent whole, no harm done.)
      if (body.byteLength > this.limits.maxBytes) return { outcome: 'too_large' };
      const bytes = encoding === 'gzip' ? await gunzipAtMost(body, this.limits.maxBytes) : body;
      if (bytes === undefined) return { outcome: 'too_large' };
      this.reads++;
      const matrix = readMatrix(new TextDecoder().decode(bytes));
      if (!matrix) return { outcome: 'none' };
      return {
        digest: digestUpTo(matrix.result, t),
        later: new TextEncoder().encode(laterThan(matrix, t)),
      };
    } catch {
      return { outcome: 'none' }; // not valid gzip: not ours to touch, sent as it came
    } finally {
      release();
    }
  }
}
