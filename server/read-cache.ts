// What a replica on PostgreSQL keeps of what it reads often, for as long as the change feed
// (pg-changes.ts) vouches for it: filled on the first read, dropped by a notification or a
// reset, and bypassed whenever the feed is down (a missed NOTIFY must never leave a stale entry
// behind). A drop while a read is in flight forgets that read too: whoever asks after the drop
// reads again, so an answer that began before a change is never kept past it. A hit waits for
// the feed's fence first (pg-changes.ts), so it is never older than the request.
import type { ChangeFeed } from './pg-changes.ts';

export class ReadCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  hits = 0;
  misses = 0;

  constructor(private readonly feed: ChangeFeed | null) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.feed?.live) return load();
    if (this.entries.has(key)) {
      await this.feed.fence(); // changes committed before this read are applied
      const held = this.entries.get(key);
      if (held && this.feed.live) {
        this.hits++;
        return held;
      }
    }
    this.misses++;
    const loading = load();
    this.entries.set(key, loading);
    // A failed read is not an answer to keep.
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    return loading;
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
