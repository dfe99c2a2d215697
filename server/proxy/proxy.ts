// GET|POST /api/datasources/proxy/uid/:uid/api/v1/<endpoint>: forwards a read-only Prometheus
// API call to the datasource and streams the answer back as it came (status and body, no
// re-encode). Only Accept, Content-Type and server-side auth go upstream; no cookie ever does.
import type { Context } from 'hono';
import type { DatasourceRegistry } from '../datasources/registry.ts';
import { callUpstream, UpstreamError } from '../datasources/upstream.ts';
import { apiError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import { endpointLabel, parseProxyPath } from './allowlist.ts';

export interface ProxyOptions {
  registry: DatasourceRegistry;
  metrics: ServerMetrics;
  fetch: typeof fetch;
  timeoutMs: number; // ms
}

const FORM = 'application/x-www-form-urlencoded';

/** Headers on every proxied answer: it is data, never a document to run. */
const PROXIED_HEADERS = {
  'Content-Security-Policy': 'sandbox',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export function proxyHandler(opts: ProxyOptions) {
  return async (c: Context) => {
    const url = new URL(c.req.url);
    const target = parseProxyPath(url.pathname);
    if (!target) {
      return apiError(c, 404, 'not_found', 'not a read-only Prometheus API path this proxy serves');
    }
    const method = c.req.method;
    if (method !== 'GET' && method !== 'POST') {
      c.header('Allow', 'GET, POST');
      return apiError(c, 405, 'bad_data', `method ${method} is not allowed here`);
    }
    const ds = opts.registry.get(target.uid);
    if (!ds) return apiError(c, 404, 'not_found', `no datasource with uid "${target.uid}"`);

    let body: ArrayBuffer | undefined;
    if (method === 'POST') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== FORM) {
        return apiError(c, 415, 'bad_data', `POST bodies must be ${FORM}, as Prometheus expects`);
      }
      body = await c.req.arrayBuffer();
    }

    const endpoint = endpointLabel(target.endpoint);
    const started = performance.now();
    let upstream: Response;
    try {
      upstream = await callUpstream(
        ds,
        `/api/v1/${target.endpoint}${url.search}`,
        { method, body, contentType: body ? FORM : undefined },
        { fetch: opts.fetch, timeoutMs: opts.timeoutMs, signal: c.req.raw.signal },
      );
    } catch (err) {
      const e = err instanceof UpstreamError ? err : new UpstreamError('unavailable', String(err));
      opts.metrics.observeUpstream(ds.uid, endpoint, e.kind, started);
      return apiError(c, e.kind === 'timeout' ? 504 : 502, e.kind, e.message);
    }
    const took = performance.now() - started; // ms to the upstream's response headers
    opts.metrics.observeUpstream(ds.uid, endpoint, String(upstream.status), started);

    if (upstream.status >= 300 && upstream.status < 400) {
      await upstream.body?.cancel();
      return apiError(
        c,
        502,
        'unavailable',
        `datasource "${ds.name}" answered with a redirect (HTTP ${upstream.status}), which is not followed`,
      );
    }
    // fetch has already undone any Content-Encoding, so length and encoding are not copied.
    const headers = new Headers(PROXIED_HEADERS);
    headers.set('Content-Type', upstream.headers.get('Content-Type') ?? 'application/json');
    // https://www.w3.org/TR/server-timing/ — lets Explore show Prometheus' own share of the time.
    headers.set('Server-Timing', `upstream;dur=${took.toFixed(1)}`);
    return new Response(upstream.body, { status: upstream.status, headers });
  };
}
