// What a runtime entry point (main.node.ts, main.deno.ts) hands to createApp: the app itself
// imports nothing runtime-specific.
// The upstream client's shape lives here, not in datasources/, so that the server's root
// files import nothing from the folders above them (docs/ARCHITECTURE.md "Layers").

/**
 * How to speak TLS to one upstream, as a Grafana datasource's jsonData.tls* and
 * secureJsonData.tls* say (provisioning/tls.ts). PEM texts; the key is a secret and never
 * leaves the server. The same object for every call to one datasource, so a client may keep
 * one connection pool per object.
 */
export interface UpstreamTls {
  /** jsonData.tlsSkipVerify: any certificate is accepted. */
  skipVerify?: boolean;
  /** secureJsonData.tlsCACert (with tlsAuthWithCACert): the authority the server's is signed by. */
  caCert?: string;
  /** secureJsonData.tlsClientCert and tlsClientKey (with tlsAuth): mutual TLS. */
  clientCert?: string;
  clientKey?: string;
  /** jsonData.serverName: the name the certificate must carry, and the SNI sent. */
  serverName?: string;
}

/** What goes to an upstream: never a browser's cookie or Authorization, only these headers. */
export interface UpstreamInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
  signal: AbortSignal;
  /** The datasource's TLS settings, for an https URL; none: the runtime's defaults. */
  tls?: UpstreamTls;
}

/**
 * One HTTP exchange with an upstream. Redirects are never followed (a 3xx is the answer), and
 * the body is as the upstream sent it: when the answer has a Content-Encoding, the body is in
 * it. On Node this is node:http over keep-alive sockets (datasources/upstream.node.ts): the
 * global fetch costs far more per call than the proxy's own work; Deno and tests use
 * fetchUpstream (datasources/upstream.ts).
 */
export type Upstream = (url: string, init: UpstreamInit) => Promise<Response>;

export interface FileSystem {
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  /** Names in a directory, or null when it does not exist. */
  readDir(path: string): Promise<string[] | null>;
  /** Write to a temp file, fsync, rename over `path`: readers see the old or the new file. */
  writeFileAtomic(path: string, data: string): Promise<void>;
  /** Deletes a file; a file that is already gone is not an error (deletes are retried). */
  remove(path: string): Promise<void>;
  /**
   * What changes whenever the file does (inode, size, mtime), or null when it does not
   * exist. Optional: without it, dashboard files are read and parsed on every call.
   */
  stamp?(path: string): Promise<string | null>;
}

export interface Deps {
  files: FileSystem;
  /** Defaults to the global fetch; tests hand in upstream fakes for faults. */
  fetch?: typeof fetch;
  /** The proxy's upstream client (Node: node:http); defaults to `fetch` through fetchUpstream. */
  upstream?: Upstream;
  log?: (line: string) => void;
  /** The environment, for $VAR in provisioning files; none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Joins path segments with "/", which both Node and Deno accept on every OS. */
export function joinPath(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .map((p, i) => (i === 0 ? p.replace(/\/+$/, '') : p.replace(/^\/+|\/+$/g, '')))
    .join('/');
}

/**
 * What an entry point passes as Hono's `env` with each request. Both are optional: in unit
 * tests (app.request) there is no socket.
 */
export interface RequestEnv {
  /** The request target exactly as on the request line, before any normalisation. */
  rawTarget?: string;
  /** The client's IP address, for the per-client rate limit. */
  remoteAddr?: string;
  /**
   * Calls `gone` if the client goes away before the answer is sent; returns what stops
   * watching. Where absent, the request's signal tells (Deno, tests). On Node it is the
   * response's own close event: reading `request.signal` there makes the adapter build an
   * AbortController per request, which showed in the proxy's CPU profile.
   */
  onGone?: (gone: () => void) => () => void;
}

/** `gone` is called if the client goes away before its answer; returns what stops watching. */
export function whenClientGone(
  env: RequestEnv | undefined,
  request: Request,
  gone: () => void,
): () => void {
  if (env?.onGone) return env.onGone(gone);
  const signal = request.signal;
  if (signal.aborted) {
    gone();
    return () => {};
  }
  signal.addEventListener('abort', gone, { once: true });
  return () => signal.removeEventListener('abort', gone);
}
