// GET|POST /api/datasources/proxy/uid/:uid/api/v1/<endpoint>: forwards a read-only Prometheus
// API call to the datasource and streams the answer back as it came (status and body, no
// re-encode). Only Accept, Accept-Encoding, Content-Type and server-side auth go upstream; no
// cookie ever does.
//
// On the way, so upstream load does not grow with the number of people watching:
// - identical requests under way share one upstream call (flight.ts says how the body is
//   shared while still streamed); the key is datasource + endpoint + sorted parameters, from
//   the URL query and the form body alike, so GET and POST of one query merge;
// - old, step-aligned query_range results come from a short byte-bounded cache (cache.ts,
//   params.ts rangeCacheable); `X-Promscope-Cache` says hit, miss or bypass;
// - at most `concurrency` calls per datasource run at once, a bounded FIFO queue waits, and a
//   full queue is a 429 with Retry-After (limiter.ts);
// - one deadline (timeoutMs) covers queue and call; query and query_range carry Prometheus'
//   `timeout` a margin inside it, so Prometheus stops its own work and says why;
// - a body over `maxBytes` (decoded) is refused: a JSON 502 too_large when its length is
//   declared, otherwise the stream is cut at the cap (flight.ts).
// Prometheus is asked for gzip, and its gzip goes to a browser that accepts gzip undecoded
// (encoding.ts, answer.ts); the app's compress middleware leaves this route alone.
//
// What the proxy costs per call, over calling Prometheus directly: on Node the upstream call
// is node:http over keep-alive sockets (upstream.node.ts; the global fetch cost more than a
// light query itself), gzip is passed through rather than decoded and re-encoded, and an
// answer of up to 64 KiB goes out whole with its Content-Length rather than as a stream.
// Whether a finished answer is partial (warnings) is looked at only when it would be reused.
// What is left over direct is partly what any Node proxy costs on this machine (bench part
// 1's "floor" columns, a bare pass-through) and partly this proxy's own work per request:
// the app's middleware and web streams. (No fetch Request is built for a GET on Node: neither
// its body nor its signal is asked for; see deps.ts onGone.)
// A live tick that says what the browser already holds (`X-Promscope-Known`, known.ts) is the
// one answer read whole and rewritten: it gets only the points the browser lacks.
import type { Context } from 'hono';
import type { Datasource, DatasourceRegistry } from '../datasources/registry.ts';
import {
  callUpstream,
  describeFetchError,
  timeoutError,
  type Upstream,
  UpstreamError,
} from '../datasources/upstream.ts';
import { type RequestEnv, whenClientGone } from '../deps.ts';
import { apiError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import { rawPath } from '../security.ts';
import { endpointLabel, parseProxyPath } from './allowlist.ts';
import { answer, byteLength, concat, hasWarnings, knownResponse } from './answer.ts';
import type { ResponseCache } from './cache.ts';
import { acceptsGzip, encodingOf } from './encoding.ts';
import {
  BodyTooLargeError,
  Flight,
  type FlightError,
  type FlightResult,
  type Opened,
} from './flight.ts';
import { KNOWN_HEADER, parseKnown } from './known.ts';
import { QueueFullError, type UpstreamLimiter } from './limiter.ts';
import {
  normalise,
  paramPairs,
  rangeCacheable,
  requestKey,
  shareableAfterwards,
  withTimeout,
} from './params.ts';

export interface ProxyOptions {
  registry: DatasourceRegistry;
  metrics: ServerMetrics;
  upstream: Upstream;
  timeoutMs: number; // ms
  limiter: UpstreamLimiter;
  cache: ResponseCache;
  /** Range results ending less than this before now are never cached. */
  cacheFreshS: number; // seconds
  /** Largest upstream body relayed. */
  maxBytes: number; // bytes
  /** Longest `query` or `match[]` value forwarded. */
  maxQueryLength: number; // characters
  now?: () => number; // ms since the epoch
}

const FORM = 'application/x-www-form-urlencoded';

/** Headers on every proxied answer: it is data, never a document to run. */
const PROXIED_HEADERS = {
  'Content-Security-Policy': 'sandbox',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Answers declared at most this long are read whole before they are sent. */
const WHOLE_BYTES = 64 * 1024; // bytes

/** Endpoints that take Prometheus' `timeout` parameter. */
const TIMED = new Set(['query', 'query_range']);

/**
 * ms a finished answer stays shared. Viewers of one dashboard tick at the same wall-clock
 * moment, but their identical requests arrive spread over tens of milliseconds, often after
 * the first one's answer is already complete; for this long they get that answer instead of
 * a new upstream call.
 */
export const SHARE_AFTER_MS = 2_000;

/** How much sooner than our deadline Prometheus is asked to stop: 10%, at most 1 s. */
export function timeoutMargin(timeoutMs: number): number {
  return Math.min(1000, timeoutMs * 0.1); // ms
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

function tooLarge(ds: Datasource, maxBytes: number): FlightError {
  return {
    status: 502,
    errorType: 'too_large',
    error:
      `the answer of datasource "${ds.name}" is over the ${mib(maxBytes)} response limit; ` +
      'narrow the query: fewer series (more selective labels or an aggregation), ' +
      'a shorter range or a larger step',
  };
}

/**
 * The error a body that broke off ends with. The Node adapter logs a response stream's error
 * with its stack, which read like a crash: this one is an upstream's fault, in one line.
 */
function brokeOff(ds: Datasource, err: unknown): UpstreamError {
  const e = new UpstreamError(
    'unavailable',
    `the answer of datasource "${ds.name}" broke off: ${describeFetchError(err)}`,
  );
  e.stack = `UpstreamError: ${e.message}`;
  return e;
}

function errorOf(e: UpstreamError): FlightError {
  return { status: e.kind === 'timeout' ? 504 : 502, errorType: e.kind, error: e.message };
}

/** The name of the first PromQL parameter (query, match[]) longer than `max`, if any. */
function longParam(pairs: readonly [string, string][], max: number): string | undefined {
  for (const [k, v] of pairs) {
    if ((k === 'query' || k === 'match[]') && v.length > max) return k;
  }
  return undefined;
}

interface Call {
  ds: Datasource;
  endpoint: string; // e.g. "label/job/values"
  method: 'GET' | 'POST';
  query: string; // raw, without "?"
  form?: string; // raw form body
}

export function proxyHandler(opts: ProxyOptions) {
  const flights = new Map<string, Flight>();
  /**
   * For a finished flight kept for sharing: whether its answer is partial (has warnings), and
   * so not to be handed on. Asked only when someone would reuse it: decoding a gzip answer to
   * look is not free, and most answers are never reused.
   */
  const partial = new WeakMap<Flight, () => Promise<boolean>>();
  const now = opts.now ?? Date.now;
  const { metrics, limiter, cache } = opts;

  /** Queue, call and read one upstream answer for every waiter of `flight`. */
  async function fly(
    flight: Flight,
    key: string,
    call: Call,
    cacheable: boolean,
    shareable: boolean,
  ) {
    const { ds } = call;
    const label = endpointLabel(call.endpoint);
    // One signal for queue, call and body: the deadline, or every waiter gone (which one, the
    // flight's own signal tells). Cheaper per call than AbortSignal.timeout() and any().
    const ended = new AbortController();
    const deadline = ended.signal;
    const timer = setTimeout(() => {
      ended.abort(new DOMException(`no answer within ${opts.timeoutMs} ms`, 'TimeoutError'));
    }, opts.timeoutMs);
    (timer as { unref?: () => void }).unref?.(); // as AbortSignal.timeout: never keeps a process up
    const created = performance.now();
    let release: (() => void) | undefined;
    const open = async (signal: AbortSignal): Promise<Opened> => {
      if (signal.aborted) ended.abort(signal.reason);
      else signal.addEventListener('abort', () => ended.abort(signal.reason), { once: true });
      try {
        release = await limiter.acquire(ds.uid, deadline);
      } catch (err) {
        if (err instanceof QueueFullError) {
          metrics.rejected(ds.uid);
          return {
            error: {
              status: 429,
              errorType: 'too_many_requests',
              error: `datasource "${ds.name}" is busy: ${err.message}; try again shortly`,
              retryAfterS: 1,
            },
          };
        }
        if (!signal.aborted) return { error: errorOf(timeoutError(ds, opts.timeoutMs)) };
        return { error: { status: 502, errorType: 'canceled', error: 'the client went away' } };
      }
      let { query, form } = call;
      if (TIMED.has(call.endpoint)) {
        // ms: Prometheus stops a margin before our deadline, counting the time spent queued
        const margin = timeoutMargin(opts.timeoutMs);
        const left = opts.timeoutMs - (performance.now() - created);
        const budget = Math.floor(Math.min(opts.timeoutMs - margin, left - margin / 2));
        ({ query, form } = withTimeout(query, form, budget));
      }
      const started = performance.now();
      let upstream: Response;
      try {
        upstream = await callUpstream(
          ds,
          `/api/v1/${call.endpoint}${query ? `?${query}` : ''}`,
          {
            method: call.method,
            body: form === undefined ? undefined : new TextEncoder().encode(form),
            contentType: form === undefined ? undefined : FORM,
            acceptEncoding: 'gzip',
          },
          { upstream: opts.upstream, timeoutMs: opts.timeoutMs, deadline },
        );
      } catch (err) {
        const e = signal.aborted
          ? new UpstreamError('canceled', 'the client went away')
          : err instanceof UpstreamError
            ? err
            : new UpstreamError('unavailable', String(err));
        metrics.observeUpstream(ds.uid, label, e.kind, started);
        return { error: errorOf(e) };
      }
      const upstreamMs = performance.now() - started; // to the upstream's response headers
      metrics.observeUpstream(ds.uid, label, String(upstream.status), started);
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel();
        return {
          error: {
            status: 502,
            errorType: 'unavailable',
            error: `datasource "${ds.name}" answered with a redirect (HTTP ${upstream.status}), which is not followed`,
          },
        };
      }
      const contentEncoding = upstream.headers.get('Content-Encoding');
      const encoding = encodingOf(contentEncoding);
      if (encoding === null) {
        await upstream.body?.cancel();
        return {
          error: {
            status: 502,
            errorType: 'unavailable',
            error: `datasource "${ds.name}" answered in Content-Encoding "${contentEncoding}", which was not asked for`,
          },
        };
      }
      // Declared length (of the encoded body when compressed, so a lower bound) over the cap.
      const declared = upstream.headers.get('Content-Length');
      const length = declared === null ? undefined : Number(declared);
      if ((length ?? 0) > opts.maxBytes) {
        await upstream.body?.cancel();
        metrics.tooLarge(ds.uid);
        return { error: tooLarge(ds, opts.maxBytes) };
      }
      const contentType = upstream.headers.get('Content-Type') ?? 'application/json';
      return {
        head: { status: upstream.status, contentType, encoding, length, upstreamMs },
        body: upstream.body,
      };
    };

    const forget = () => {
      if (flights.get(key) === flight) flights.delete(key);
    };
    let result: FlightResult;
    try {
      result = await flight.run(open);
    } catch (err) {
      forget();
      throw err;
    } finally {
      clearTimeout(timer);
      release?.();
    }
    if (result.failure instanceof BodyTooLargeError) metrics.tooLarge(ds.uid);
    // A whole, successful and complete answer (no warnings of a partial one) may be reused:
    // handed on for a moment, and cached when the range allows.
    const chunks = result.head?.status === 200 ? result.chunks : undefined;
    if (chunks === undefined || byteLength(chunks) > cache.maxEntryBytes) {
      forget();
      return;
    }
    const encoding = result.head!.encoding;
    let looked: Promise<boolean> | undefined;
    const isPartial = () => {
      looked ??= hasWarnings(chunks, encoding).catch(() => true);
      return looked;
    };
    if (shareable) {
      partial.set(flight, isPartial);
      // Never what keeps a stopping process alive (Node; Deno's timers have no unref()).
      (setTimeout(forget, SHARE_AFTER_MS) as { unref?: () => void }).unref?.();
    } else forget();
    if (cacheable && !(await isPartial())) {
      cache.set(key, { body: concat(chunks), contentType: result.head!.contentType, encoding });
    }
  }

  return async (c: Context) => {
    const url = new URL(c.req.url);
    // The raw path, as sent: the URL's own pathname has had dot segments resolved already.
    const target = parseProxyPath(rawPath(c));
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
    const refusal = opts.registry.refusal(ds);
    if (refusal) return apiError(c, 403, 'forbidden', refusal);

    let form: string | undefined;
    if (method === 'POST') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== FORM) {
        return apiError(c, 415, 'bad_data', `POST bodies must be ${FORM}, as Prometheus expects`);
      }
      form = await c.req.text();
    }
    const call: Call = { ds, endpoint: target.endpoint, method, query: url.search.slice(1), form };
    // Parsed once: the key, the length check, the cache and sharing rules all read these.
    const pairs = paramPairs(call.query, form);
    const parsed = new URLSearchParams(pairs);
    const tooLong = longParam(pairs, opts.maxQueryLength);
    if (tooLong) {
      return apiError(
        c,
        400,
        'bad_data',
        `${tooLong} is over the ${opts.maxQueryLength}-character limit (MAX_QUERY_LENGTH)`,
      );
    }
    const key = requestKey(ds.uid, target.endpoint, normalise(pairs));

    const headers = new Headers(PROXIED_HEADERS);
    const clientGzip = acceptsGzip(c.req.header('Accept-Encoding'));
    const known =
      target.endpoint === 'query_range' ? parseKnown(c.req.header(KNOWN_HEADER)) : undefined;
    const cacheable =
      target.endpoint === 'query_range' &&
      cache.maxBytes > 0 &&
      rangeCacheable(parsed, now() / 1000, opts.cacheFreshS);
    if (cacheable) {
      const hit = cache.get(key);
      metrics.cacheLookup(hit ? 'hit' : 'miss');
      if (hit) {
        headers.set('Content-Type', hit.contentType);
        headers.set('X-Promscope-Cache', 'hit');
        headers.set('Server-Timing', 'cache;desc="hit"');
        if (known) {
          return knownResponse(hit.body, hit.encoding, known, headers, metrics, clientGzip);
        }
        return answer(hit.body, hit.encoding, 200, headers, clientGzip);
      }
    }
    headers.set('X-Promscope-Cache', cacheable ? 'miss' : 'bypass');

    let flight = flights.get(key);
    // A finished answer that turns out partial is asked for anew.
    const isPartial = flight && partial.get(flight);
    if (isPartial && (await isPartial())) flight = undefined;
    let waiter = flight?.join();
    if (waiter) metrics.coalesced(ds.uid, endpointLabel(target.endpoint));
    else {
      flight = new Flight(opts.maxBytes, (err) => brokeOff(ds, err));
      flights.set(key, flight);
      waiter = flight.join()!;
      void fly(flight, key, call, cacheable, shareableAfterwards(target.endpoint, parsed));
    }
    // The browser going away (tab closed, query superseded) gives up this waiter's share:
    // while waiting for the answer, through the request's signal; once the body streams,
    // through the stream's cancel. (Deno's legacy request.signal also fires after a response
    // has been sent, with a warning when anyone listens, so nobody listens by then.)
    const unwatch = whenClientGone(c.env as RequestEnv | undefined, c.req.raw, waiter.leave);
    const outcome = await waiter.outcome;
    unwatch();
    if (!outcome.ok) {
      waiter.leave();
      const { status, errorType, error, retryAfterS } = outcome.error;
      if (retryAfterS !== undefined) c.header('Retry-After', String(retryAfterS));
      return apiError(c, status, errorType, error);
    }
    const { head } = outcome;
    // Length and encoding are not copied: answer() sets the encoding the browser gets.
    headers.set('Content-Type', head.contentType);
    // https://www.w3.org/TR/server-timing/ — lets Explore show Prometheus' own share of the time.
    headers.set('Server-Timing', `upstream;dur=${head.upstreamMs.toFixed(1)}`);
    if (known && head.status === 200) {
      try {
        return await knownResponse(
          waiter.body(),
          head.encoding,
          known,
          headers,
          metrics,
          clientGzip,
        );
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          return apiError(c, 502, 'too_large', tooLarge(ds, opts.maxBytes).error);
        }
        const why = err instanceof UpstreamError ? err : brokeOff(ds, err);
        return apiError(c, 502, 'unavailable', why.message);
      }
    }
    // A small answer (by its declared length) is sent whole, with its Content-Length, as is
    // one already complete: no stream to set up, and a failure can still be a JSON error.
    if (head.length !== undefined && head.length <= WHOLE_BYTES) await waiter.ended;
    const ended = waiter.result();
    if (ended && 'body' in ended) {
      return answer(ended.body, head.encoding, head.status, headers, clientGzip);
    }
    if (ended) {
      if (ended.failure instanceof BodyTooLargeError) {
        return apiError(c, 502, 'too_large', tooLarge(ds, opts.maxBytes).error);
      }
      const why =
        ended.failure instanceof UpstreamError ? ended.failure : brokeOff(ds, ended.failure);
      return apiError(c, 502, why.kind === 'timeout' ? 'timeout' : 'unavailable', why.message);
    }
    return answer(waiter.body(), head.encoding, head.status, headers, clientGzip);
  };
}
