// The server's own /metrics: what it serves, and what its upstreams cost. A registry of its
// own, so a process that also hosts the demo service keeps the two apart.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

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

  constructor() {
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
}
