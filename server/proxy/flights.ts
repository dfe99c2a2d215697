// Identical proxied calls under way share one upstream call (a Flight, flight.ts): this file
// keeps the flights by key, and runs each one's call for every waiter: a place in the
// per-datasource queue (limiter.ts), the request with Prometheus' `timeout` a margin inside
// our deadline, the checks on its head (no redirect, an encoding we asked for, a declared
// length under the cap), and afterwards what may be reused: a whole, successful, complete
// answer is handed on for SHARE_AFTER_MS and cached when its range allows (cache.ts).
import type { Datasource } from '../datasources/registry.ts';
import {
  callUpstream,
  describeFetchError,
  timeoutError,
  UpstreamError,
  wasDecoded,
} from '../datasources/upstream.ts';
import type { Upstream } from '../deps.ts';
import type { ServerMetrics } from '../metrics.ts';
import { endpointLabel } from './allowlist.ts';
import { byteLength, hasWarnings } from './answer.ts';
import type { ResponseCache } from './cache.ts';
import { encodingOf } from './encoding.ts';
import {
  BodyTooLargeError,
  Flight,
  type FlightError,
  type FlightResult,
  type Opened,
  type Waiter,
} from './flight.ts';
import { type ClientId, QueueFullError, type UpstreamLimiter } from './limiter.ts';
import { withMethod } from './method.ts';
import { withTimeout } from './params.ts';

export interface FlightsOptions {
  metrics: ServerMetrics;
  upstream: Upstream;
  timeoutMs: number; // ms
  limiter: UpstreamLimiter;
  cache: ResponseCache;
  /** Largest upstream body relayed. */
  maxBytes: number; // bytes
}

export const FORM = 'application/x-www-form-urlencoded';

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

export function tooLarge(ds: Datasource, maxBytes: number): FlightError {
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
export function brokeOff(ds: Datasource, err: unknown): UpstreamError {
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

export interface Call {
  ds: Datasource;
  endpoint: string; // e.g. "label/job/values"
  method: 'GET' | 'POST';
  query: string; // raw, without "?"
  form?: string; // raw form body
  /** Who asked first: the flight's place in the queue is this client's (limiter.ts). */
  client?: ClientId;
}

export class Flights {
  private readonly byKey = new Map<string, Flight>();
  /**
   * For a finished flight kept for sharing: whether its answer is partial (has warnings), and
   * so not to be handed on. Asked only when someone would reuse it: decoding a gzip answer to
   * look is not free, and most answers are never reused.
   */
  private readonly partial = new WeakMap<Flight, () => Promise<boolean>>();

  constructor(private readonly opts: FlightsOptions) {}

  /**
   * A place among the waiters for the answer to `key`: in the flight under way (or finished
   * moments ago) when there is one whose answer is not partial, `shared` then true; else in
   * a new flight, whose call starts now.
   */
  async wait(
    key: string,
    call: Call,
    cacheable: boolean,
    shareable: boolean,
  ): Promise<{ waiter: Waiter; shared: boolean }> {
    let flight = this.byKey.get(key);
    // A finished answer that turns out partial is asked for anew.
    const isPartial = flight && this.partial.get(flight);
    if (isPartial && (await isPartial())) flight = undefined;
    const joined = flight?.join();
    if (joined) return { waiter: joined, shared: true };
    const { ds } = call;
    const fresh = new Flight(this.opts.maxBytes, (err) => brokeOff(ds, err));
    this.byKey.set(key, fresh);
    const waiter = fresh.join()!;
    void this.fly(fresh, key, call, cacheable, shareable);
    return { waiter, shared: false };
  }

  /** Queue, call and read one upstream answer for every waiter of `flight`. */
  private async fly(
    flight: Flight,
    key: string,
    call: Call,
    cacheable: boolean,
    shareable: boolean,
  ) {
    const { ds } = call;
    const { metrics, limiter, cache, timeoutMs, maxBytes } = this.opts;
    const label = endpointLabel(call.endpoint);
    // One signal for queue, call and body: the deadline, or every waiter gone (which one, the
    // flight's own signal tells). Cheaper per call than AbortSignal.timeout() and any().
    const ended = new AbortController();
    const deadline = ended.signal;
    const timer = setTimeout(() => {
      ended.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    (timer as { unref?: () => void }).unref?.(); // as AbortSignal.timeout: never keeps a process up
    const created = performance.now();
    let release: (() => void) | undefined;
    const open = async (signal: AbortSignal): Promise<Opened> => {
      if (signal.aborted) ended.abort(signal.reason);
      else signal.addEventListener('abort', () => ended.abort(signal.reason), { once: true });
      try {
        release = await limiter.acquire(ds.uid, deadline, call.client);
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
        if (!signal.aborted) return { error: errorOf(timeoutError(ds, timeoutMs)) };
        return { error: { status: 502, errorType: 'canceled', error: 'the client went away' } };
      }
      let { method, query, form } = withMethod(ds.httpMethod, call);
      if (TIMED.has(call.endpoint)) {
        // ms: Prometheus stops a margin before our deadline, counting the time spent queued
        const margin = timeoutMargin(timeoutMs);
        const left = timeoutMs - (performance.now() - created);
        const budget = Math.floor(Math.min(timeoutMs - margin, left - margin / 2));
        ({ query, form } = withTimeout(query, form, budget));
      }
      const started = performance.now();
      let upstream: Response;
      try {
        upstream = await callUpstream(
          ds,
          `/api/v1/${call.endpoint}${query ? `?${query}` : ''}`,
          {
            method,
            body: form === undefined ? undefined : new TextEncoder().encode(form),
            contentType: form === undefined ? undefined : FORM,
            acceptEncoding: 'gzip',
          },
          { upstream: this.opts.upstream, timeoutMs, deadline },
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
      if ((length ?? 0) > maxBytes) {
        await upstream.body?.cancel();
        metrics.tooLarge(ds.uid);
        return { error: tooLarge(ds, maxBytes) };
      }
      // The upstream's Content-Type is not kept: every proxied answer says JSON (proxy.ts).
      const compressed = encoding === 'gzip' || wasDecoded(upstream);
      return {
        head: { status: upstream.status, encoding, compressed, length, upstreamMs },
        body: upstream.body,
      };
    };

    const forget = () => {
      if (this.byKey.get(key) === flight) this.byKey.delete(key);
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
      this.partial.set(flight, isPartial);
      // Never what keeps a stopping process alive (Node; Deno's timers have no unref()).
      (setTimeout(forget, SHARE_AFTER_MS) as { unref?: () => void }).unref?.();
    } else forget();
    if (cacheable && !(await isPartial())) {
      cache.set(key, { body: flight.body(), encoding });
    }
  }
}
