// Which Prometheus URLs a person may add from the UI (DESIGN.md "Configuration"). When
// ALLOWED_DATASOURCE_URLS is set, only URLs matching it, whatever address the server listens
// on: behind a reverse proxy on the same machine the server listens on loopback, yet every
// user is remote. When it is not set: on a loopback-only server anyone who can reach it
// already runs on this machine, so any http(s) URL; on any other address none, so the server
// cannot be turned into a probe of the network it sits in.

export type PolicyResult =
  | { ok: true; url: string }
  | { ok: false; status: 400 | 403; reason: string };

/** Parses and normalises a URL typed in the UI: http(s), no credentials, no query or fragment. */
export function normaliseDatasourceUrl(text: unknown): PolicyResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, status: 400, reason: 'url is required' };
  }
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, status: 400, reason: `"${text}" is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      status: 400,
      reason: `only http and https URLs are accepted, not ${url.protocol}`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      status: 400,
      reason: 'credentials in the URL are not accepted; configure them on the server',
    };
  }
  if (url.search || url.hash) {
    return { ok: false, status: 400, reason: 'the URL must not have a query or a fragment' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** A pattern is a URL prefix; `*` in it matches any run of characters except "/". */
function matches(pattern: string, url: string): boolean {
  const source = pattern
    .replace(/\/+$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}(?:/.*)?$`, 'i').test(url);
}

export interface UrlPolicy {
  /** The server listens on loopback only: any http(s) URL, unless `allowed` is set. */
  loopbackOnly: boolean;
  /** ALLOWED_DATASOURCE_URLS: when set, the only URLs accepted, on any address. */
  allowed: readonly string[];
}

export function checkDatasourceUrl(text: unknown, opts: UrlPolicy): PolicyResult {
  const parsed = normaliseDatasourceUrl(text);
  if (!parsed.ok) return parsed;
  if (opts.allowed.length === 0 && opts.loopbackOnly) return parsed;
  if (opts.allowed.some((p) => matches(p, parsed.url))) return parsed;
  return {
    ok: false,
    status: 403,
    reason:
      opts.allowed.length === 0
        ? 'adding datasources is disabled on a server reachable from the network; set ALLOWED_DATASOURCE_URLS'
        : `${parsed.url} does not match ALLOWED_DATASOURCE_URLS`,
  };
}

/** The policy in force, in one line for the start-up log. */
export function describeUrlPolicy(opts: UrlPolicy): string {
  if (opts.allowed.length > 0) {
    return `datasource URLs: only those matching ALLOWED_DATASOURCE_URLS (${opts.allowed.join(', ')}) may be added from the UI`;
  }
  if (opts.loopbackOnly) {
    return 'datasource URLs: any http(s) URL may be added from the UI (listening on loopback only; behind a reverse proxy, set ALLOWED_DATASOURCE_URLS)';
  }
  return 'datasource URLs: none may be added from the UI (listening beyond loopback; set ALLOWED_DATASOURCE_URLS to allow some)';
}
