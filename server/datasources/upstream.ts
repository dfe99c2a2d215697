// One way to call a Prometheus-compatible upstream: fixed base URL, server-side auth, no
// redirects, a deadline, and errors put into words a person can act on.
import type { Upstream, UpstreamTls } from '../deps.ts';
import type { Datasource } from './registry.ts';

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout' | 'canceled',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Words for why a call failed; Node's fetch puts the socket error in `cause`, node:http on the
 * error itself, Deno in the message.
 */
export function describeFetchError(err: unknown): string {
  const e = err as {
    name?: string;
    message?: string;
    code?: unknown;
    cause?: { code?: unknown; message?: string };
  };
  // A code is a string for system errors; a DOMException (an abort) carries a number there.
  const raw = e.cause?.code ?? e.code;
  const code = typeof raw === 'string' ? raw : undefined;
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
  // Deno (hyper): "connection closed" before any answer, or, when the close comes while the
  // request is still being written, "stream closed because of a broken pipe" (seen against a
  // Prometheus that wants a client certificate: one call in about fourteen).
  if (
    /^\s*(connection closed|stream closed because of a broken pipe)\s*$/i.test(
      e.cause?.message ?? '',
    )
  ) {
    return CLOSED;
  }
  if (/dns error|failed to lookup|name or service not known/i.test(text)) return 'host not found';
  const tls = tlsWords(code, text);
  if (tls) return tls;
  // Anything else in general words: the library's own text may carry OpenSSL's or the
  // runtime's internals (source file names, error numbers); its code, when it has one, does not.
  return `the connection failed${code && /^[A-Z][A-Z0-9_]*$/.test(code) ? ` (${code})` : ''}`;
}

const CLOSED = 'the server closed the connection';

/**
 * TLS failures, from Node's error codes (OpenSSL's verify results) or Deno's messages
 * (rustls), in words: the raw text is OpenSSL's ("error:0A00010B:SSL routines:…:
 * ../deps/openssl/…/ssl3_record.c:350") or rustls' ("invalid peer certificate: …").
 */
function tlsWords(code: string | undefined, text: string): string | undefined {
  const c = code ?? '';
  // The server's alert, not our verdict: it wants a client certificate it trusts (mutual TLS).
  // OpenSSL: ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE, …_TLSV13_ALERT_CERTIFICATE_REQUIRED, …_UNKNOWN_CA;
  // rustls: "received fatal alert: BadCertificate" (CertificateRequired, UnknownCA).
  if (
    /ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|UNKNOWN_CA)/.test(c) ||
    /fatal alert: (BadCertificate|CertificateRequired|UnknownCA)/i.test(text)
  ) {
    return 'the server asks for a client certificate it trusts (mutual TLS: tlsAuth with tlsClientCert and tlsClientKey)';
  }
  if (c === 'CERT_HAS_EXPIRED' || /invalid peer certificate: Expired/i.test(text)) {
    return 'its TLS certificate has expired';
  }
  if (c === 'ERR_TLS_CERT_ALTNAME_INVALID' || /NotValidForName/i.test(text)) {
    return 'its TLS certificate is for another host name';
  }
  if (
    /CERT|SIGNATURE|UNABLE_TO_(GET|VERIFY|DECRYPT)|SELF_SIGNED/.test(c) ||
    /invalid peer certificate|certificate/i.test(text)
  ) {
    return 'its TLS certificate is not trusted (self-signed, or signed by an unknown authority)';
  }
  if (
    c === 'EPROTO' ||
    c.startsWith('ERR_SSL_') ||
    /SSL routines|corrupt message|InvalidContentType|handshake/i.test(text)
  ) {
    return 'the TLS handshake failed (is it an https server?)';
  }
  return undefined;
}

/** Answers whose body the upstream client decoded: it came compressed over the wire. */
const decodedByClient = new WeakSet<Response>();

/**
 * Whether `res` came compressed and was decoded on the way (fetchUpstream). Its size then
 * says nothing of what the body decodes to: a small gzip can inflate to gigabytes, which the
 * proxy must know before it relays anything (flights.ts).
 */
export function wasDecoded(res: Response): boolean {
  return decodedByClient.has(res);
}

/**
 * An Upstream over a fetch. fetch asks for and undoes compression by itself, so the answer
 * it gives is marked as not encoded (Content-Encoding and the encoded Content-Length dropped),
 * and remembered as decoded (wasDecoded). `clientFor` gives the runtime's own fetch option
 * for a datasource's TLS settings (Deno: `client`, a Deno.HttpClient; main.deno.ts); without
 * it, TLS settings are not applied (tests, and fetches over plain http).
 */
export function fetchUpstream(
  fetchFn: typeof fetch,
  clientFor?: (tls: UpstreamTls) => object,
): Upstream {
  return async (url, { tls, ...init }) => {
    // Asking for an encoding here might make fetch leave the body encoded: fetch negotiates.
    const { 'Accept-Encoding': _, ...headers } = init.headers;
    const client = tls && clientFor ? { client: clientFor(tls) } : {};
    const res = await fetchFn(url, { ...init, ...client, headers, redirect: 'manual' });
    if (!res.headers.has('Content-Encoding')) return res;
    const decoded = new Headers(res.headers);
    decoded.delete('Content-Encoding');
    decoded.delete('Content-Length');
    const out = new Response(res.body, { status: res.status, headers: decoded });
    decodedByClient.add(out);
    return out;
  };
}

export interface UpstreamOptions {
  upstream: Upstream;
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
    acceptEncoding?: string;
  },
  opts: UpstreamOptions,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  if (init.acceptEncoding) headers['Accept-Encoding'] = init.acceptEncoding;
  if (ds.authorization) headers.Authorization = ds.authorization;
  // Custom headers of a provisioned datasource (X-Scope-OrgID for Mimir…), after the rest:
  // Grafana lets them replace Authorization too.
  if (ds.headers) Object.assign(headers, ds.headers);
  const timeout = opts.deadline ?? AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    return await opts.upstream(ds.url + path, {
      method: init.method,
      headers,
      body: init.body,
      signal,
      ...(ds.tls ? { tls: ds.tls } : {}),
    });
  } catch (err) {
    if (timeout.aborted) throw timeoutError(ds, opts.timeoutMs);
    if (opts.signal?.aborted) throw new UpstreamError('canceled', 'the client went away');
    const words = describeFetchError(err);
    // With TLS 1.3 a server that wants a client certificate says so after the handshake; Deno
    // then sees only the connection closing. Worth naming when none is configured.
    const hint =
      words === CLOSED && ds.url.startsWith('https:') && !ds.tls?.clientCert
        ? ' (a server that wants a client certificate does this: mutual TLS needs tlsAuth with tlsClientCert and tlsClientKey)'
        : '';
    throw new UpstreamError('unavailable', `datasource ${who(ds)} is unreachable: ${words}${hint}`);
  }
}
