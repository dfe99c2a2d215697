// Response headers and request checks (docs/ARCHITECTURE.md "Security stance"): the Host header
// against DNS rebinding, the raw request target against traversal, same-origin JSON writes.
// The SPA is built without inline script, so the CSP can forbid it outright.
import type { Context, MiddlewareHandler } from 'hono';
import type { RequestEnv } from './deps.ts';
import { apiError } from './errors.ts';

/** The page's policy; `nonce` admits the <style> elements CodeMirror writes, nothing else. */
export function spaCsp(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, base64: a fresh CSP nonce for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', spaCsp());
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
  };
}

/**
 * The request target as it came on the wire. Node's adapter normalises dot segments before
 * the app sees the URL, so main.node.ts hands the raw one in; Deno's Request URL keeps it.
 */
export function rawTarget(c: Context): string {
  const given = (c.env as RequestEnv | undefined)?.rawTarget;
  if (given !== undefined) return given;
  const url = c.req.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start === -1 ? '/' : url.slice(start);
}

/** The raw path: without the query and without the scheme and authority of an absolute form. */
export function rawPath(c: Context): string {
  let target = rawTarget(c);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const slash = target.indexOf('/', target.indexOf('//') + 2);
    target = slash === -1 ? '/' : target.slice(slash);
  }
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

/**
 * What no browser sends and only a traversal or smuggling attempt does: a dot segment (plain
 * or percent-encoded), an empty segment, a backslash (plain or encoded), a NUL.
 */
const SMUGGLED = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)|\/\/|\\|%5c|%00/i;

export function targetGuard(): MiddlewareHandler {
  return async (c, next) => {
    const path = rawPath(c);
    if (!path.startsWith('/') || SMUGGLED.test(path)) {
      const why = 'the request path has a dot segment, "//", a backslash or a NUL';
      return c.req.path.startsWith('/api/')
        ? apiError(c, 400, 'bad_data', why)
        : c.text(`Bad request: ${why}`, 400);
    }
    return next();
  };
}

/** The host name of a Host header value or URL authority: lowercase, port and brackets gone. */
export function hostName(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) return a.slice(1, a.indexOf(']') === -1 ? undefined : a.indexOf(']'));
  const colon = a.lastIndexOf(':');
  return colon === -1 ? a : a.slice(0, colon);
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/;

/** Whether `name` (from hostName) is one `allowed` admits; see Config.allowedHosts. */
export function hostAllowed(name: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*') || IPV4.test(name) || IPV6.test(name)) return true;
  return allowed.some((a) => (a.startsWith('*.') ? name.endsWith(a.slice(1)) : name === a));
}

/**
 * DNS rebinding: a page on evil.example whose name now points at this machine reaches us
 * with `Host: evil.example`. Any name not in ALLOWED_HOSTS is refused with 403, checked on
 * the Host header and on the URL (which an absolute-form request line may set apart).
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Host');
    const names = [new URL(c.req.url).hostname, ...(header === undefined ? [] : [header])].map(
      hostName,
    );
    const refused = names.find((n) => !hostAllowed(n, allowed));
    if (refused === undefined) return next();
    const why =
      `host "${refused}" is not served here (DNS rebinding protection); ` +
      `to reach Promscope by that name, add it to ALLOWED_HOSTS`;
    return c.req.path.startsWith('/api/')
      ? apiError(c, 403, 'forbidden', why)
      : c.text(`Forbidden: ${why}`, 403);
  };
}

/**
 * Writes must be same-origin JSON: a JSON content type cannot be sent cross-site without a
 * CORS preflight (which we never grant), and a foreign Origin is refused outright.
 */
export function writeGuard(readOnly: boolean): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || c.req.path.startsWith('/api/datasources/proxy/')) {
      return next();
    }
    if (readOnly) return apiError(c, 403, 'read_only', 'this server is read-only (READ_ONLY=true)');
    const origin = c.req.header('Origin');
    if (origin && origin !== new URL(c.req.url).origin) {
      return apiError(c, 403, 'forbidden', `cross-origin write from ${origin} refused`);
    }
    // Sec-Fetch-Site: only same-origin may write; same-site (a sibling subdomain), cross-site
    // and none (typed in the address bar, a bookmark) may not. A client sending neither header
    // is not a browser, so no page can be borrowing its credentials.
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin') {
      return apiError(c, 403, 'forbidden', `${site} write refused: writes must be same-origin`);
    }
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return apiError(c, 415, 'bad_data', 'writes must send Content-Type: application/json');
    }
    return next();
  };
}
