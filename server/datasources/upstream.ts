// One way to call a Prometheus-compatible upstream: fixed base URL, server-side auth, no
// redirects, a deadline, and errors put into words a person can act on.
import type { Datasource } from './registry.ts';

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout' | 'canceled',
    message: string,
  ) {
    super(message);
  }
}

/** Words for why a fetch failed; Node puts the socket error in `cause`, Deno in the message. */
export function describeFetchError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
  };
  if (code && words[code]) return words[code];
  const text = `${e.message ?? ''} ${e.cause?.message ?? ''}`;
  if (/connection refused/i.test(text)) return 'connection refused';
  if (/connection reset/i.test(text)) return 'connection reset';
  if (/dns error|failed to lookup|name or service not known/i.test(text)) return 'host not found';
  return e.cause?.message ?? e.message ?? String(err);
}

export interface UpstreamOptions {
  fetch: typeof fetch;
  timeoutMs: number; // ms
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /**
   * The deadline, when the caller keeps its own (it started before this call, e.g. in a
   * queue); it should fire `timeoutMs` after that start. Default: timeoutMs from now.
   */
  deadline?: AbortSignal;
}

const who = (ds: Datasource) => (ds.name === ds.url ? ds.url : `"${ds.name}" (${ds.url})`);

export function timeoutError(ds: Datasource, timeoutMs: number): UpstreamError {
  return new UpstreamError(
    'timeout',
    `datasource ${who(ds)} did not answer within ${timeoutMs / 1000}s`,
  );
}

/**
 * Calls `ds.url + path` (path starts with "/api/v1/", query string included). Resolves with the
 * upstream Response whatever its status; rejects with UpstreamError when there is no answer.
 */
export async function callUpstream(
  ds: Datasource,
  path: string,
  init: {
    method: 'GET' | 'POST';
    body?: Uint8Array<ArrayBuffer>;
    contentType?: string;
    accept?: string;
  },
  opts: UpstreamOptions,
): Promise<Response> {
  const headers = new Headers({ Accept: init.accept ?? 'application/json' });
  if (init.contentType) headers.set('Content-Type', init.contentType);
  if (ds.authorization) headers.set('Authorization', ds.authorization);
  const timeout = opts.deadline ?? AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    return await opts.fetch(ds.url + path, {
      method: init.method,
      headers,
      body: init.body,
      redirect: 'manual',
      signal,
    });
  } catch (err) {
    if (timeout.aborted) throw timeoutError(ds, opts.timeoutMs);
    if (opts.signal?.aborted) throw new UpstreamError('canceled', 'the client went away');
    throw new UpstreamError(
      'unavailable',
      `datasource ${who(ds)} is unreachable: ${describeFetchError(err)}`,
    );
  }
}
