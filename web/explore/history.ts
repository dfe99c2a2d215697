// The last queries run in Explore, newest first, kept in localStorage (injected, so tests and
// browsers without storage work the same). Storage is shared by every tab, so it is re-read
// before each use: a query run in one tab shows up in the others.

/** The part of the Web Storage API we use: https://html.spec.whatwg.org/multipage/webstorage.html */
export interface KeyValueStore {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

export interface HistoryEntry {
  expr: string;
  at: number; // unix ms
}

export class QueryHistory {
  private readonly store: KeyValueStore | null;
  private readonly key: string;
  private readonly limit: number;
  private entries: HistoryEntry[] = [];
  // False once the store has failed (quota, private mode, blocked storage): from then on
  // history lives in memory for the session and the store is left alone.
  private usable: boolean;

  constructor(store: KeyValueStore | null, key = 'promscope.history', limit = 50) {
    this.store = store;
    this.key = key;
    this.limit = Math.max(0, Math.floor(limit));
    this.usable = store !== null;
    this.load();
  }

  /** Newest first; a copy. */
  list(): HistoryEntry[] {
    this.load();
    return this.entries.map((e) => ({ ...e }));
  }

  /** Records a run: an expression run before moves to the top instead of repeating. */
  add(expr: string, at: number): void {
    const text = expr.trim();
    if (text === '') return;
    this.load();
    this.entries = [{ expr: text, at }, ...this.entries.filter((e) => e.expr !== text)];
    this.entries = this.entries.slice(0, this.limit);
    this.save();
  }

  /** Entries whose expression contains every whitespace-separated word, ignoring case. */
  search(text: string): HistoryEntry[] {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return this.list().filter((e) => {
      const expr = e.expr.toLowerCase();
      return words.every((w) => expr.includes(w));
    });
  }

  clear(): void {
    this.entries = [];
    this.save();
  }

  private load(): void {
    if (!this.usable || this.store === null) return;
    try {
      this.entries = parse(this.store.getItem(this.key), this.limit);
    } catch {
      this.usable = false; // getItem itself throws where storage is blocked
    }
  }

  private save(): void {
    if (!this.usable || this.store === null) return;
    try {
      this.store.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      this.usable = false;
    }
  }
}

// Whatever is stored — another version's format, another app's data under our key, hand
// edits — only well-formed entries survive, deduplicated and within the limit.
function parse(json: string | null, limit: number): HistoryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const seen = new Set<string>();
  const out: HistoryEntry[] = [];
  for (const item of data) {
    if (out.length >= limit) break;
    if (typeof item !== 'object' || item === null) continue;
    const { expr, at } = item as Record<string, unknown>;
    if (typeof expr !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) continue;
    const text = expr.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    out.push({ expr: text, at });
  }
  return out;
}
