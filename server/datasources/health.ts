// Is a datasource up, and which Prometheus is it? Probed in the background, not per request:
// while anyone watches (asked /api/health within the last minute) each datasource is probed
// every half second, the configured ones on their own and the ones added in the UI at most a
// few at once, and /api/health answers from the latest probes. So a call never fans out to
// every datasource, however many there are or however slow, and the upstream gets at most two
// buildinfo calls a second per datasource whatever the number of viewers. A probe under way is
// never stacked behind another one.
import type { DatasourceHealth } from '../../contract/api.ts';
import type { Upstream } from '../deps.ts';
import { type Datasource, displayUrl } from './registry.ts';
import { callUpstream, UpstreamError } from './upstream.ts';

export type Probe = { up: true; version?: string } | { up: false; error: string };

async function readJson(
  res: Response,
): Promise<{ status?: string; data?: { version?: string } } | null> {
  try {
    return (await res.json()) as { status?: string; data?: { version?: string } };
  } catch {
    return null;
  }
}

/**
 * Up means it answers the Prometheus query API. buildinfo gives the version; servers that speak
 * the query API without buildinfo (some long-term stores) still count as up. Asked through the
 * proxy's own upstream client, so a probe goes the way queries go (TLS settings included).
 */
export async function probeDatasource(
  ds: Datasource,
  upstream: Upstream,
  timeoutMs: number,
): Promise<Probe> {
  try {
    const info = await callUpstream(
      ds,
      '/api/v1/status/buildinfo',
      { method: 'GET' },
      { upstream, timeoutMs },
    );
    const body = await readJson(info);
    if (info.ok && body?.status === 'success') return { up: true, version: body.data?.version };
    const query = await callUpstream(
      ds,
      '/api/v1/query?query=1',
      { method: 'GET' },
      { upstream, timeoutMs },
    );
    if (query.ok && (await readJson(query))?.status === 'success') return { up: true };
    return {
      up: false,
      error: `${ds.url} does not answer like Prometheus (HTTP ${query.status} from /api/v1/query)`,
    };
  } catch (err) {
    return { up: false, error: err instanceof UpstreamError ? err.message : String(err) };
  }
}

/** A timer, injectable so tests can drive the probing rounds themselves. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set(fn, ms) {
    const handle = setTimeout(fn, ms);
    // Node: probing alone must not keep a process (or a test worker) alive.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the checker asks about datasources: the current list, and which ones not to call. */
export interface HealthSource {
  list(): readonly Datasource[];
  /** Why a datasource may not be called (the URL policy), or null. */
  refusal(ds: Datasource): string | null;
}

export interface HealthOptions {
  /** How long one probe may take. */
  timeoutMs?: number; // ms
  /** How often each datasource is probed while anyone watches. */
  everyMs?: number; // ms
  /** Probes of datasources added in the UI running at once. */
  concurrency?: number;
  /** Probing stops this long after the last /api/health. */
  idleMs?: number; // ms
  now?: () => number; // ms since the epoch
  timers?: Timers;
}

interface Entry {
  /** The latest answer, and when it came (ms since the epoch). */
  latest?: { probe: Probe; at: number };
  /** The probe under way (queued or running), joined rather than stacked. */
  running?: Promise<void>;
}

/** Runs at most `limit` tasks at once; the rest wait their turn, first come first served. */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export class HealthChecker {
  private readonly entries = new Map<string, Entry>();
  private readonly timeoutMs: number;
  private readonly everyMs: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly slots: Slots;
  private timer: unknown;
  /** When probing last (re)started: older answers are not served. */
  private since = 0;
  private lastAsked = 0;

  constructor(
    private readonly upstream: Upstream,
    private readonly source: HealthSource,
    opts: HealthOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.everyMs = opts.everyMs ?? 500;
    this.idleMs = opts.idleMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.timers = opts.timers ?? realTimers;
    this.slots = new Slots(opts.concurrency ?? 4);
  }

  /**
   * The health of every datasource, from the latest probes. Only when probing (re)starts, after
   * a minute nobody asked, or for a datasource never probed yet, does the answer wait for its
   * first probe, and then no longer than one probe may take: it says "checking" past that.
   */
  async report(): Promise<DatasourceHealth[]> {
    this.lastAsked = this.now();
    if (this.timer === undefined) {
      this.since = this.now();
      this.round();
    }
    const list = this.source.list();
    const current = (ds: Datasource) => {
      const latest = this.entries.get(ds.uid)?.latest;
      return latest && latest.at >= this.since ? latest.probe : undefined;
    };
    const first = list.filter((ds) => !this.source.refusal(ds) && !current(ds));
    if (first.length > 0) {
      let handle: unknown;
      const bound = new Promise<void>((r) => {
        handle = this.timers.set(r, this.timeoutMs);
      });
      await Promise.race([Promise.all(first.map((ds) => this.probe(ds))), bound]);
      this.timers.clear(handle);
    }
    return list.map((ds) => {
      const base = { uid: ds.uid, name: ds.name, url: displayUrl(ds.url) };
      const refusal = this.source.refusal(ds);
      if (refusal) return { ...base, up: false, error: refusal };
      const probe = current(ds);
      if (!probe) return { ...base, up: false, checking: true, error: 'not checked yet' };
      return probe.up
        ? { ...base, up: true, ...(probe.version ? { prometheusVersion: probe.version } : {}) }
        : { ...base, up: false, error: probe.error };
    });
  }

  /** What a probe made elsewhere found (adding a datasource probes it first). */
  record(uid: string, probe: Probe): void {
    const entry = this.entries.get(uid) ?? {};
    entry.latest = { probe, at: this.now() };
    this.entries.set(uid, entry);
  }

  /** Drops what is known of a removed datasource. */
  forget(uid: string): void {
    this.entries.delete(uid);
  }

  /** Stops probing until the next report. */
  stop(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  /** One probing round, then the next one everyMs later, unless nobody asked for idleMs. */
  private round = (): void => {
    if (this.now() - this.lastAsked > this.idleMs) {
      this.timer = undefined;
      return;
    }
    for (const ds of this.source.list()) {
      if (!this.source.refusal(ds)) void this.probe(ds);
    }
    this.timer = this.timers.set(this.round, this.everyMs);
  };

  /** Starts a probe of `ds`, or joins the one under way. */
  private probe(ds: Datasource): Promise<void> {
    const entry = this.entries.get(ds.uid) ?? {};
    this.entries.set(ds.uid, entry);
    if (entry.running) return entry.running;
    const call = () => probeDatasource(ds, this.upstream, this.timeoutMs);
    // The configured datasources are the operator's few; the added ones share a few slots, so
    // many slow ones cannot hold up the probes of the one everybody watches.
    const result = ds.provisioned ? call() : this.slots.run(call);
    const running = result.then((probe) => {
      // Removed meanwhile: its answer is dropped, not brought back.
      if (this.entries.get(ds.uid) === entry) entry.latest = { probe, at: this.now() };
      entry.running = undefined;
    });
    entry.running = running;
    return running;
  }
}
