// The request checks on the real servers, Node and Deno, over raw sockets so request targets
// arrive exactly as written: traversal and smuggling refused before Prometheus (which must
// still be up afterwards: /-/quit never reached it), the Host header against DNS rebinding,
// cross-site writes refused, and the headers on pages and proxied answers.
import { HOSTILE_PROXY_TARGETS, rawRequest } from '../../server/test-raw-http.ts';
import { expect, prometheusUrl, test } from '../fixtures.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

test('hostile proxy targets get a 4xx and Prometheus never sees them', async ({ server }) => {
  const wrong: string[] = [];
  for (const target of HOSTILE_PROXY_TARGETS) {
    for (const method of ['GET', 'POST']) {
      const res = await rawRequest(server, method, target, FORM, method === 'POST' ? 'x=1' : '');
      if (res.status < 400 || res.status >= 500) wrong.push(`${method} ${target} → ${res.status}`);
    }
  }
  expect(wrong).toEqual([]);
  // /-/quit and /-/reload were among them: Prometheus is still up and serving.
  const ready = await fetch(`${prometheusUrl()}/-/ready`);
  expect(ready.status).toBe(200);
});

test('a dot segment is refused even where it would resolve to an allowed path', async ({
  server,
}) => {
  const res = await rawRequest(
    server,
    'GET',
    '/api/datasources/proxy/uid/prometheus/api/v1/admin/tsdb/../../query?query=up',
  );
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body)).toMatchObject({ status: 'error', errorType: 'bad_data' });
});

test('a rebinding Host header is refused, plain loopback names are served', async ({ server }) => {
  const port = new URL(server).port;
  const evil = await rawRequest(server, 'GET', '/api/health', { Host: `evil.example:${port}` });
  expect(evil.status).toBe(403);
  expect(JSON.parse(evil.body).error).toMatch(/"evil\.example" is not served here/);
  const page = await rawRequest(server, 'GET', '/', { Host: `rebind.example:${port}` });
  expect(page.status).toBe(403);
  expect(page.body).not.toContain('<script');
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
    expect((await rawRequest(server, 'GET', '/api/health', { Host: host })).status).toBe(200);
  }
});

test('cross-site and non-JSON writes are refused', async ({ server }) => {
  const save = JSON.stringify({ dashboard: { uid: 'e2e-sec-csrf', title: 'CSRF', panels: [] } });
  const json = { 'Content-Type': 'application/json' };
  for (const headers of [
    { ...json, Origin: 'http://evil.example' },
    { ...json, 'Sec-Fetch-Site': 'cross-site' },
    { ...json, 'Sec-Fetch-Site': 'same-site' },
  ]) {
    const res = await rawRequest(server, 'POST', '/api/dashboards/db', headers, save);
    expect(res.status).toBe(403);
  }
  const text = await rawRequest(server, 'POST', '/api/dashboards/db', FORM, save);
  expect(text.status).toBe(415);
  const hit = await rawRequest(server, 'GET', '/api/dashboards/uid/e2e-sec-csrf');
  expect(hit.status).toBe(404);
});

test('pages carry a strict CSP; proxied answers are sandboxed and never set cookies', async ({
  server,
}) => {
  const page = await rawRequest(server, 'GET', '/');
  const csp = page.headers.get('content-security-policy')?.[0] ?? '';
  for (const d of ["script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
    expect(csp).toContain(d);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(page.headers.get('referrer-policy')).toEqual(['no-referrer']);
  // The built page has no inline script for the CSP to forbid.
  expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  const proxied = await rawRequest(
    server,
    'GET',
    '/api/datasources/proxy/uid/prometheus/api/v1/query?query=up',
    { Cookie: 'a=b' },
  );
  expect(proxied.status).toBe(200);
  expect(proxied.headers.get('content-security-policy')).toEqual(['sandbox']);
  expect(proxied.headers.get('x-content-type-options')).toEqual(['nosniff']);
  expect(proxied.headers.get('set-cookie')).toBeUndefined();
});

test('an over-long PromQL expression is refused in Prometheus words', async ({ request }) => {
  const query = `up${'+1'.repeat(33 * 1024)}`; // over the 64 KiB default
  const res = await request.post('/api/datasources/proxy/uid/prometheus/api/v1/query', {
    form: { query },
  });
  expect(res.status()).toBe(400);
  expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
});

test('names over the file-system limits are a 404, the build still served', async ({ server }) => {
  for (const target of [
    `/assets/${'a'.repeat(300)}.js`,
    `/${Array.from({ length: 1100 }, () => 'abc').join('/')}.js`,
  ]) {
    const res = await rawRequest(server, 'GET', target);
    expect(res.status, target.slice(0, 30)).toBe(404);
    expect(res.body).not.toMatch(/ENAMETOOLONG|internal/);
  }
  expect((await rawRequest(server, 'GET', '/favicon.svg')).status).toBe(200);
});
