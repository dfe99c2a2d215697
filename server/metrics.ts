// The server's own /metrics: what it serves, and what its upstreams cost. A registry of its
// own, so a process that also hosts the demo service keeps the two apart.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What became of a live tick's delta (proxy/delta.ts), counted by liveDelta. Declared here,
 * with the counter, so that the server's root files import nothing from proxy/.
 */
export type DeltaOutcome = 'applied' | 'mismatch' | 'none' | 'too_large' | 'skipped';

/** What the proxy's gauges read at scrape time. */
export interface ProxyState {
  datasources(): string[];
  active(uid: string): number;
  queued(uid: string): number;
  cacheBytes(): number;
  cacheEntries(): number;
}

// s: from a cached answer (1 ms) to a query near the upstream timeout (30 s)
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'promscope_http_requests_total',
    help: 'HTTP requests served, by route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'promscope_http_request_duration_seconds',
    help: 'Time to the response headers, by route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: BUCKETS,
    registers: [this.registry],
  });
  private readonly upstream = new Histogram({
    name: 'promscope_upstream_request_duration_seconds',
    help: 'Time to the upstream response headers, by datasource, endpoint and status.',
    labelNames: ['datasource', 'endpoint', 'status'],
    buckets: BUCKETS,
    registers: [this.registry],
  });

  private readonly merged = new Counter({
    name: 'promscope_proxy_coalesced_requests_total',
    help: 'Proxy requests answered by an identical upstream call already under way.',
    labelNames: ['datasource', 'endpoint'],
    registers: [this.registry],
  });
  private readonly cacheRequests = new Counter({
    name: 'promscope_proxy_cache_requests_total',
    help: 'Cacheable (old, step-aligned) range requests, by result: hit or miss.',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private readonly rejections = new Counter({
    name: 'promscope_upstream_rejected_total',
    help: 'Requests answered 429 because the upstream queue of the datasource was full.',
    labelNames: ['datasource'],
    registers: [this.registry],
  });
  private readonly oversize = new Counter({
    name: 'promscope_upstream_too_large_total',
    help: 'Upstream answers refused or cut for being over the response size limit.',
    labelNames: ['datasource'],
    registers: [this.registry],
  });
  private readonly liveDeltas = new Counter({
    name: 'promscope_proxy_live_delta_total',
    help: 'Live ticks that said what the browser holds, by outcome: applied (only later points sent), mismatch (a held value changed: all sent), none (not a plain matrix), too_large (the answer is over the delta size limit: all sent) or skipped (no slot of the datasource free for the work, or too many held times asked of one answer: all sent).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private proxy: ProxyState | undefined;

  constructor() {
    const state = () => this.proxy;
    new Gauge({
      name: 'promscope_upstream_queue_length',
      help: 'Requests waiting for a free upstream slot, by datasource.',
      labelNames: ['datasource'],
      registers: [this.registry],
      collect() {
        const p = state();
        for (const uid of p?.datasources() ?? []) this.set({ datasource: uid }, p!.queued(uid));
      },
    });
    new Gauge({
      name: 'promscope_upstream_in_flight',
      help: 'Upstream calls running (queued ones not counted), by datasource.',
      labelNames: ['datasource'],
      registers: [this.registry],
      collect() {
        const p = state();
        for (const uid of p?.datasources() ?? []) this.set({ datasource: uid }, p!.active(uid));
      },
    });
    new Gauge({
      name: 'promscope_proxy_cache_bytes',
      help: 'Bytes held by the range result cache.',
      registers: [this.registry],
      collect() {
        this.set(state()?.cacheBytes() ?? 0);
      },
    });
    new Gauge({
      name: 'promscope_proxy_cache_entries',
      help: 'Answers held by the range result cache.',
      registers: [this.registry],
      collect() {
        this.set(state()?.cacheEntries() ?? 0);
      },
    });
    try {
      collectDefaultMetrics({ register: this.registry });
    } catch {
      // A runtime without some process APIs still serves the request metrics.
    }
  }

  /** Counts every request under its route pattern, never the raw path (bounded cardinality). */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      await next();
      // After next(), routeIndex points at the handler that answered.
      const labels = { method: c.req.method, route: routePath(c), status: String(c.res.status) };
      this.requests.inc(labels);
      this.duration.observe(labels, (performance.now() - started) / 1000);
    };
  }

  observeUpstream(datasource: string, endpoint: string, status: string, startedMs: number): void {
    this.upstream.observe({ datasource, endpoint, status }, (performance.now() - startedMs) / 1000);
  }

  /** Lets the gauges read the proxy's queue, slots and cache when scraped. */
  watchProxy(state: ProxyState): void {
    this.proxy = state;
  }

  coalesced(datasource: string, endpoint: string): void {
    this.merged.inc({ datasource, endpoint });
  }

  cacheLookup(result: 'hit' | 'miss'): void {
    this.cacheRequests.inc({ result });
  }

  rejected(datasource: string): void {
    this.rejections.inc({ datasource });
  }

  tooLarge(datasource: string): void {
    this.oversize.inc({ datasource });
  }

  liveDelta(outcome: DeltaOutcome): void {
    this.liveDeltas.inc({ outcome });
  }
}
