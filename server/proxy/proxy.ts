// GET|POST /api/datasources/proxy/uid/:uid/api/v1/<endpoint>: forwards a read-only Prometheus
// API call to the datasource and streams the answer back as it came (status and body, no
// re-encode; one that came compressed once read whole, below). Only Accept, Accept-Encoding, Content-Type and server-side auth go upstream; no
// cookie ever does.
//
// On the way, so upstream load does not grow with the number of people watching:
// - identical requests under way share one upstream call (flights.ts runs it; flight.ts says
//   how the body is shared while still streamed); the key is datasource + endpoint + sorted parameters, from
//   the URL query and the form body alike, so GET and POST of one query merge;
// - old, step-aligned query_range results come from a short byte-bounded cache (cache.ts,
//   params.ts rangeCacheable); `X-Promscope-Cache` says hit, miss or bypass;
// - at most `concurrency` calls per datasource run at once, a bounded queue waits, fair
//   between clients (by IP address, as RATE_LIMIT), and a full queue, or a client's full
//   share of it (UPSTREAM_PER_CLIENT), is a 429 with Retry-After (limiter.ts);
// - one deadline (timeoutMs) covers queue and call; query and query_range carry Prometheus'
//   `timeout` a margin inside it, so Prometheus stops its own work and says why;
// - a body over `maxBytes` (decoded) is refused: a JSON 502 too_large when its length is
//   declared or it came compressed (then it is relayed only once read whole and counted
//   decoded), otherwise the stream is cut at the cap (flight.ts).
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
// A live tick that says what the browser already holds (`X-Promscope-Known`, known.ts) is read
// whole and, when small enough, rewritten: it gets only the points the browser lacks. That
// work is done once per answer for all who ask, under a slot of the datasource (delta.ts).
import type { Context } from 'hono';
import { KNOWN_HEADER, parseKnown } from '../../contract/known.ts';
import type { DatasourceRegistry } from '../datasources/registry.ts';
import { UpstreamError } from '../datasources/upstream.ts';
import { type RequestEnv, type Upstream, whenClientGone } from '../deps.ts';
import { apiError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import { isLoopbackClient } from '../rate-limit.ts';
import { rawPath } from '../security.ts';
import { endpointLabel, parseProxyPath } from './allowlist.ts';
import { answer, knownResponse } from './answer.ts';
import type { ResponseCache } from './cache.ts';
import { LiveDeltas } from './delta.ts';
import { acceptsGzip } from './encoding.ts';
import { GET_ONLY, getOnlyRefusal } from './endpoint-params.ts';
import { BodyTooLargeError } from './flight.ts';
import { brokeOff, type Call, Flights, FORM, tooLarge } from './flights.ts';
import type { ClientId, UpstreamLimiter } from './limiter.ts';
import { nestingDepth } from './nesting.ts';
import {
  normalise,
  paramPairs,
  rangeCacheable,
  requestKey,
  shareableAfterwards,
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
  /** Deepest bracket nesting of a `query` or `match[]` value forwarded (nesting.ts). */
  maxQueryNesting: number; // levels
  now?: () => number; // ms since the epoch
}

/**
 * Headers on every proxied answer: it is data, never a document or a script to run. The
 * type is JSON whatever the upstream said: an upstream's `text/javascript` (or `text/html`)
 * copied here would let a same-origin `<script src>` run it (nosniff refuses a script only
 * when its type is not a script type), and Prometheus' API only ever answers JSON.
 */
const PROXIED_HEADERS = {
  'Content-Type': 'application/json',
  'Content-Security-Policy': 'sandbox',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Answers declared at most this long are read whole before they are sent. */
const WHOLE_BYTES = 64 * 1024; // bytes

const PROMQL_PARAMS = new Set(['query', 'match[]']);

/**
 * Why the PromQL parameters (query, match[]) may not go upstream, if they may not: one longer
 * than MAX_QUERY_LENGTH, or nested deeper than MAX_QUERY_NESTING, which would cost Prometheus
 * seconds of parsing (nesting.ts). In Prometheus' words for a bad parameter: bad_data.
 */
function promqlRefusal(
  pairs: readonly [string, string][],
  maxLength: number,
  maxNesting: number,
): string | undefined {
  for (const [k, v] of pairs) {
    if (!PROMQL_PARAMS.has(k)) continue;
    if (v.length > maxLength) {
      return `${k} is over the ${maxLength}-character limit (MAX_QUERY_LENGTH)`;
    }
    if (nestingDepth(v, maxNesting) > maxNesting) {
      return `${k} nests ( [ { more than ${maxNesting} levels deep (MAX_QUERY_NESTING)`;
    }
  }
  return undefined;
}

export function proxyHandler(opts: ProxyOptions) {
  const flights = new Flights(opts);
  const deltas = new LiveDeltas();
  const now = opts.now ?? Date.now;
  const { metrics, cache } = opts;

  /**
   * A live tick's delta work takes a slot of its datasource, as an upstream call does
   * (delta.ts); waiting for one at most the upstream timeout.
   */
  const deltaSlot = (uid: string) => () =>
    opts.limiter.acquire(uid, AbortSignal.timeout(opts.timeoutMs));

  return async (c: Context) => {
    const url = new URL(c.req.url);
    // The raw path, as sent: the URL's own pathname has had dot segments resolved already.
    const target = parseProxyPath(rawPath(c));
    if (!target) {
      return apiError(c, 404, 'not_found', 'not a read-only Prometheus API path this proxy serves');
    }
    const method = c.req.method;
    if (method !== 'GET' && method !== 'POST') {
      c.header('Allow', GET_ONLY[target.endpoint] ? 'GET' : 'GET, POST');
      return apiError(c, 405, 'bad_data', `method ${method} is not allowed here`);
    }
    if (GET_ONLY[target.endpoint] && method !== 'GET') {
      c.header('Allow', 'GET');
      return apiError(c, 405, 'bad_data', `${target.endpoint} is read with GET only`);
    }
    // A uid not held may be one another replica just added: looked for again (registry.ts).
    const ds = opts.registry.get(target.uid) ?? (await opts.registry.lookup(target.uid));
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
    const remote = (c.env as RequestEnv | undefined)?.remoteAddr;
    const client: ClientId = {
      id: remote ?? '',
      capped: remote !== undefined && !isLoopbackClient(remote),
    };
    const call: Call = {
      ds,
      endpoint: target.endpoint,
      method,
      query: url.search.slice(1),
      form,
      client,
    };
    // Parsed once: the key, the length check, the cache and sharing rules all read these.
    const pairs = paramPairs(call.query, form);
    const parsed = new URLSearchParams(pairs);
    const refused = promqlRefusal(pairs, opts.maxQueryLength, opts.maxQueryNesting);
    if (refused) return apiError(c, 400, 'bad_data', refused);
    const badParam = getOnlyRefusal(target.endpoint, method, pairs, opts.maxQueryLength);
    if (badParam) return apiError(c, badParam.status, 'bad_data', badParam.message);
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
        headers.set('X-Promscope-Cache', 'hit');
        headers.set('Server-Timing', 'cache;desc="hit"');
        if (known) {
          const slot = deltaSlot(ds.uid);
          return knownResponse(
            hit.body,
            hit.encoding,
            known,
            headers,
            metrics,
            clientGzip,
            deltas,
            slot,
          );
        }
        return answer(hit.body, hit.encoding, 200, headers, clientGzip);
      }
    }
    headers.set('X-Promscope-Cache', cacheable ? 'miss' : 'bypass');

    const { waiter, shared } = await flights.wait(
      key,
      call,
      cacheable,
      shareableAfterwards(target.endpoint, parsed),
    );
    if (shared) metrics.coalesced(ds.uid, endpointLabel(target.endpoint));
    // The browser going away (tab closed, query superseded) gives up this waiter's share:
    // while waiting for the answer, through the request's signal; once the body streams,
    // through the stream's cancel. (Deno's legacy request.signal also fires after a response
    // has been sent, with a warning when anyone listens, so nobody listens by then.)
    const unwatch = whenClientGone(c.env as RequestEnv | undefined, c.req.raw, waiter.leave);
    const outcome = await waiter.outcome;
    if (!outcome.ok) {
      unwatch();
      waiter.leave();
      const { status, errorType, error, retryAfterS } = outcome.error;
      if (retryAfterS !== undefined) c.header('Retry-After', String(retryAfterS));
      return apiError(c, status, errorType, error);
    }
    const { head } = outcome;
    // Length, encoding and type are not copied: answer() sets the encoding the browser gets.
    // https://www.w3.org/TR/server-timing/ — lets Explore show Prometheus' own share of the time.
    headers.set('Server-Timing', `upstream;dur=${head.upstreamMs.toFixed(1)}`);
    // Read whole before anything is sent (the browser going away meanwhile still leaves):
    // - a body that came compressed: what it decodes to is known only at its end, and a small
    //   gzip can inflate to gigabytes, in this server or in the browser that takes it
    //   undecoded; so it goes out once counted under the cap, or is a JSON 502 too_large;
    // - a live tick's, whose delta needs all of it;
    // - a small one (by its declared length), or one already complete: no stream to set up,
    //   and a failure can still be a JSON error.
    const delta = known !== undefined && head.status === 200;
    if (head.compressed || delta || (head.length !== undefined && head.length <= WHOLE_BYTES)) {
      await waiter.ended;
    }
    unwatch();
    const ended = waiter.result();
    if (ended && 'body' in ended) {
      if (delta) {
        const slot = deltaSlot(ds.uid);
        return knownResponse(
          ended.body,
          head.encoding,
          known,
          headers,
          metrics,
          clientGzip,
          deltas,
          slot,
        );
      }
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
