// Response headers and write checks (DESIGN.md "Security stance"). The SPA is built without
// inline script, so the CSP can forbid it outright.
import type { MiddlewareHandler } from 'hono';
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
    if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
      return apiError(c, 403, 'forbidden', 'cross-site write refused');
    }
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return apiError(c, 415, 'bad_data', 'writes must send Content-Type: application/json');
    }
    return next();
  };
}
