// `limit=` on the Prometheus calls that can return a server's whole index — series, label
// names and label values (https://prometheus.io/docs/prometheus/latest/querying/api/): a
// busy Prometheus answers a few thousand names instead of millions. Servers older than 2.51
// ignore the parameter, so sending it is always safe.

const LISTING = /\/api\/v1\/(series|labels|label\/[^/]+\/values)$/;

/** Whether a path is one of the listing endpoints. */
export function isListing(pathname: string): boolean {
  return LISTING.test(pathname);
}

/** The request with `limit` added, in its query string (GET) or its form body (POST). */
export function withLimit(
  url: string,
  init: RequestInit | undefined,
  limit: number,
): { url: string; init: RequestInit | undefined } {
  const u = new URL(url, 'http://promscope.invalid');
  if (!isListing(u.pathname)) return { url, init };
  const body = init?.body;
  if (init?.method === 'POST' && (body instanceof URLSearchParams || typeof body === 'string')) {
    const form = new URLSearchParams(body);
    if (!form.has('limit')) form.set('limit', String(limit));
    return { url, init: { ...init, body: form } };
  }
  if (u.searchParams.has('limit')) return { url, init };
  u.searchParams.set('limit', String(limit));
  const relative = !/^[a-z]+:/i.test(url);
  return { url: relative ? u.pathname + u.search : u.toString(), init };
}
