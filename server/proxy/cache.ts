// A small in-memory LRU of whole upstream answers, bounded by bytes, each entry kept for a
// short TTL. The proxy puts only old, step-aligned range results here (see rangeCacheable);
// this module only knows keys, bytes and time.
import type { Encoding } from './encoding.ts';

export interface CachedAnswer {
  /**
   * As the upstream sent it: gzipped when `encoding` says so. Only a flight's complete answer
   * is put here, so a gzip body has been counted under the size cap decoded (flight.ts).
   */
  body: Uint8Array<ArrayBuffer>;
  encoding: Encoding;
}

interface Entry extends CachedAnswer {
  expires: number; // ms since the epoch
  size: number; // bytes, body and key
}

export class ResponseCache {
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private used = 0; // bytes

  constructor(
    readonly maxBytes: number,
    readonly ttlMs: number, // ms
    private readonly now: () => number = Date.now, // ms
  ) {}

  /** Bytes held. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** One answer may take at most a quarter of the cache, so one big result cannot flush it. */
  get maxEntryBytes(): number {
    return Math.floor(this.maxBytes / 4);
  }

  get(key: string): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.expires <= this.now()) {
      this.used -= e.size;
      return undefined;
    }
    this.entries.set(key, e); // now the most recently used
    return e;
  }

  /** Stores a copy-free reference to `answer.body`; the caller must not change it afterwards. */
  set(key: string, answer: CachedAnswer): boolean {
    const size = answer.body.byteLength + key.length * 2;
    if (this.ttlMs <= 0 || size > this.maxEntryBytes) return false;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.size;
    }
    const now = this.now();
    for (const [k, e] of this.entries) {
      if (this.used + size <= this.maxBytes && e.expires > now) break;
      this.entries.delete(k);
      this.used -= e.size;
    }
    this.entries.set(key, { ...answer, expires: now + this.ttlMs, size });
    this.used += size;
    return true;
  }
}
