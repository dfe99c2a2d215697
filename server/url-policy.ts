// Which Prometheus URLs a person may add from the UI (docs/ARCHITECTURE.md "Configuration"). When
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

/** Rounds of percent-decoding tried before a path is taken as built to confuse. */
const MAX_DECODES = 8;

/**
 * A URL path as the most lenient server on the way to Prometheus may read it: percent-decoded
 * until nothing changes (double encoding), a backslash as `/`, `;` parameters dropped from each segment
 * (`..;` is `..` to some servers), empty segments merged, dot segments resolved. The URL parser
 * resolves only plain and `%2e` dot segments, so `/prom/..%2fadmin` keeps its `/prom/` prefix
 * until a proxy in front of Prometheus decodes it into `/admin`. Null when decoding does not
 * settle within MAX_DECODES rounds.
 */
export function resolvedPath(path: string): string | null {
  let decoded = path;
  for (let round = 0; ; round++) {
    const next = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === decoded) break;
    if (round === MAX_DECODES) return null;
    decoded = next;
  }
  const out: string[] = [];
  for (const raw of decoded.replace(/\\/g, '/').split('/')) {
    const segment = raw.split(';')[0]!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** `scheme://authority` and the resolved path of a URL or pattern; null as resolvedPath says. */
function forMatching(url: string): string | null {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  if (slash === -1) return url;
  const path = resolvedPath(url.slice(slash));
  return path === null ? null : url.slice(0, slash) + (path === '/' ? '' : path);
}

/**
 * A pattern is a URL prefix; `*` in it matches any run of characters except "/". Both sides are
 * compared with their paths resolved (resolvedPath), so a path prefix holds whatever way a
 * server reads the path.
 */
function matches(pattern: string, url: string): boolean {
  const target = forMatching(url);
  const prefix = forMatching(pattern.replace(/\/+$/, ''));
  if (target === null || prefix === null) return false;
  const source = prefix
    .replace(/\/+$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}(?:/.*)?$`, 'is').test(target);
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
