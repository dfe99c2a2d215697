/**
 * Demo HTTP service instrumented with prom-client, so a fresh Promscope has something
 * realistic to scrape. Uses its own Registry: the Promscope server exposes its own
 * metrics from the default registry in the same process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { sampleLatencyMs } from './latency.ts';
import { matchPattern, ROUTES, type Route, type RouteResponse } from './routes.ts';

export interface DemoService {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Seconds; covers a 5 ms cache hit up to the 5 s latency cap. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5];

/** Request bodies beyond this are refused, bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** Methods kept as-is in the `method` label; anything else becomes OTHER (bounded cardinality). */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `route` label for paths matching no route; never the raw path. */
const UNMATCHED = 'unmatched';

function createMetrics() {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests handled by the demo service.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, including simulated backend latency.',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  collectDefaultMetrics({ register: registry, prefix: 'demo_' });
  inventoryGauge(registry);
  return { registry, requests, duration };
}

/** SKUs in the demo shop: one series each, as a real inventory metric would have. */
export const SKUS = 1000;

/**
 * Items in stock per SKU: a high-cardinality gauge like real services export, so handling a
 * query of a thousand series can be seen and tested on real data. A random walk per SKU,
 * stepped each time it is scraped.
 */
function inventoryGauge(registry: Registry): void {
  const stock = Float64Array.from({ length: SKUS }, () => 20 + Math.floor(Math.random() * 200));
  const skus = Array.from({ length: SKUS }, (_, i) => `sku-${String(i + 1).padStart(4, '0')}`);
  new Gauge({
    name: 'demo_inventory_items',
    help: 'Items in stock, per SKU.',
    labelNames: ['sku'],
    registers: [registry],
    collect() {
      for (let i = 0; i < SKUS; i++) {
        stock[i] = Math.max(0, stock[i]! + Math.round((Math.random() - 0.55) * 4));
        this.set({ sku: skus[i]! }, stock[i]!);
      }
    },
  });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function resolveRoute(path: string, method: string): { route: Route | null; pattern: string } {
  let pathMatch: Route | null = null;
  for (const r of ROUTES) {
    if (matchPattern(r.pattern, path) === null) continue;
    if (r.method === method) return { route: r, pattern: r.pattern };
    pathMatch = r;
  }
  return { route: null, pattern: pathMatch?.pattern ?? UNMATCHED };
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  if (res.destroyed || res.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startDemoService({
  port,
  host = '127.0.0.1',
}: {
  port: number;
  host?: string;
}): Promise<DemoService> {
  const { registry, requests, duration } = createMetrics();
  // Pending simulated-latency timers, cleared on close so the process can exit promptly.
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/metrics' && method === 'GET') {
      send(res, 200, await registry.metrics(), registry.contentType);
      return;
    }
    const started = performance.now(); // ms
    const { route, pattern } = resolveRoute(url.pathname, method);
    let out: RouteResponse;
    if (!route) {
      out =
        pattern === UNMATCHED
          ? { status: 404, body: { error: 'not found' } }
          : { status: 405, body: { error: 'method not allowed' } };
    } else {
      const body = await readBody(req);
      if (body === null) {
        out = { status: 413, body: { error: 'body too large' } };
      } else {
        await delay(sampleLatencyMs(route.latency));
        out = route.handle({
          params: matchPattern(pattern, url.pathname) ?? {},
          query: url.searchParams,
          body,
        });
      }
    }
    const labels = {
      method: KNOWN_METHODS.has(method) ? method : 'OTHER',
      route: pattern,
      status: String(out.status),
    };
    requests.inc(labels);
    duration.observe(labels, (performance.now() - started) / 1000);
    send(res, out.status, out.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  // Short keep-alive so close() is not held up by idle sockets from other clients, ms.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const boundPort = typeof addr === 'object' && addr !== null ? addr.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
