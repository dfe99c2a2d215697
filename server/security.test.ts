// The request checks of security.ts and app.ts, through the whole app: Host against DNS
// rebinding, the raw request target, same-origin JSON writes on every write route, the
// headers, body caps and the per-client rate. Each test fails when its check is removed.
import { describe, expect, it } from 'vitest';
import { spaCsp } from './security.ts';
import { MemoryFs, testApp } from './test-helpers.ts';

const DASHBOARD = { uid: 'sec-a', title: 'Sec', version: 0, panels: [] };

/** Every write route with a body it would accept, and the file it would touch. */
const WRITES: { method: string; path: string; body: unknown }[] = [
  { method: 'POST', path: '/api/datasources', body: { url: 'http://prom-b:9090' } },
  { method: 'POST', path: '/api/dashboards/db', body: { dashboard: DASHBOARD } },
  { method: 'POST', path: '/api/dashboards/import', body: { dashboard: DASHBOARD } },
  { method: 'POST', path: '/api/dashboards/uid/sec-a/restore', body: { version: 1 } },
  { method: 'DELETE', path: '/api/dashboards/uid/sec-a', body: undefined },
  { method: 'DELETE', path: '/api/datasources/uid/sec-a', body: undefined },
  { method: 'POST', path: '/api/folders', body: { title: 'Sec' } },
  { method: 'PUT', path: '/api/folders/sec-a', body: { title: 'Sec 2' } },
  { method: 'DELETE', path: '/api/folders/sec-a', body: undefined },
];

const send = (
  t: Awaited<ReturnType<typeof testApp>>,
  w: (typeof WRITES)[number],
  headers: Record<string, string>,
) =>
  t.request(w.path, {
    method: w.method,
    headers,
    ...(w.body === undefined ? {} : { body: JSON.stringify(w.body) }),
  });

describe('the write guard', () => {
  it('covers every write route the app has', async () => {
    const t = await testApp();
    const routes = t.app.routes
      .filter((r) => !['GET', 'ALL'].includes(r.method))
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const tested = WRITES.map((w) => `${w.method} ${w.path.replace('/sec-a', '/:uid')}`).sort();
    expect(routes).toEqual(tested);
  });

  it.each(WRITES)('refuses a foreign or cross-site $method $path', async (w) => {
    const t = await testApp();
    const json = { 'Content-Type': 'application/json' };
    const refused: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: 'http://localhost:4090' }, // another port is another origin
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { 'Sec-Fetch-Site': 'none' },
    ];
    for (const extra of refused) {
      const res = await send(t, w, { ...json, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(403);
      expect(await res.json()).toMatchObject({ status: 'error', errorType: 'forbidden' });
    }
    expect(t.fs.writes).toEqual([]);
    expect(t.fs.removes).toEqual([]);
    expect(t.calls).toEqual([]);
  });

  it.each(WRITES)('refuses $method $path without a JSON content type', async (w) => {
    const t = await testApp();
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const headers: Record<string, string> = { Origin: 'http://localhost' };
      if (type) headers['Content-Type'] = type;
      const res = await send(t, w, headers);
      expect(res.status, String(type)).toBe(415);
    }
    expect(t.fs.writes).toEqual([]);
    expect(t.fs.removes).toEqual([]);
  });

  it('lets a same-origin JSON save through', async () => {
    const t = await testApp();
    const res = await send(t, WRITES[1]!, {
      'Content-Type': 'application/json; charset=utf-8',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(res.status).toBe(200);
    expect(t.fs.writes.map((w) => w.path)).toContain('/data/dashboards/sec-a.json');
  });
});

describe('the Host check (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:4090', 'localhost.evil.example', 'LOCALHOST.'])(
    'refuses Host: %s with 403 before any work',
    async (host) => {
      const t = await testApp();
      const res = await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up', {
        headers: { Host: host },
      });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { errorType: string; error: string };
      expect(body.errorType).toBe('forbidden');
      expect(body.error).toMatch(/is not served here \(DNS rebinding protection\).*ALLOWED_HOSTS/);
      expect(t.calls).toEqual([]);
    },
  );

  it('answers a page request in plain words', async () => {
    const t = await testApp();
    const res = await t.request('/d/x', { headers: { Host: 'evil.example' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/^Forbidden: host "evil.example" is not served here/);
  });

  it.each(['localhost', 'localhost:4090', '127.0.0.1:4090', '[::1]:4090', '10.1.2.3:4090'])(
    'admits Host: %s',
    async (host) => {
      const t = await testApp();
      const res = await t.request('/api/datasources', { headers: { Host: host } });
      expect(res.status).toBe(200);
    },
  );

  it('admits the names in ALLOWED_HOSTS, subdomains by *., and anything by *', async () => {
    const t = await testApp({ config: { allowedHosts: ['localhost', 'dash.example', '*.corp'] } });
    for (const [host, status] of [
      ['dash.example', 200],
      ['a.b.corp', 200],
      ['corp', 403],
      ['other.example', 403],
    ] as const) {
      const res = await t.request('/api/datasources', { headers: { Host: host } });
      expect(res.status, host).toBe(status);
    }
    const open = await testApp({ config: { allowedHosts: ['*'] } });
    expect((await open.request('/api/datasources', { headers: { Host: 'x.y' } })).status).toBe(200);
  });

  it('checks the host of an absolute-form request line too', async () => {
    const t = await testApp();
    const res = await t.request('http://evil.example/api/datasources', {
      headers: { Host: 'localhost' },
    });
    expect(res.status).toBe(403);
  });
});

describe('the raw request target', () => {
  it.each([
    '/api/datasources/proxy/uid/prometheus/api/v1/admin/tsdb/../../query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/admin/%2e%2e/query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/admin/%2E%2e/query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/./query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/.%2e/v1/query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1//query?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/query\\..\\x?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/query%5c..%5cx?query=up',
    '/api/datasources/proxy/uid/prometheus/api/v1/query%00?query=up',
    '/api/health/..',
  ])('refuses %s with 400 and no upstream call', async (path) => {
    const t = await testApp();
    const res = await t.request(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect(t.calls).toEqual([]);
  });

  it('leaves dots inside a segment and in the query alone', async () => {
    const t = await testApp();
    const res = await t.request(
      '/api/datasources/proxy/uid/prometheus/api/v1/query?query=up%7Bx%3D%22..%2F..%22%7D&a=//',
    );
    expect(res.status).toBe(200);
    expect(t.calls).toHaveLength(1);
  });
});

describe('response headers', () => {
  it('gives the page a CSP with no inline script, no framing, no plugins and no <base>', () => {
    const csp = spaCsp('abc');
    for (const directive of [
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "style-src 'self' 'nonce-abc'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('puts the CSP, nosniff and no-referrer on pages, errors and refusals alike', async () => {
    const fs = new MemoryFs({ '/web/index.html': '<!doctype html><title>x</title>' });
    const t = await testApp({ fs });
    for (const [path, headers] of [
      ['/', {}],
      ['/api/nothing', {}],
      ['/api/health', { Host: 'evil.example' }],
    ] as const) {
      const res = await t.request(path, { headers });
      expect(res.headers.get('Content-Security-Policy'), path).toMatch(/script-src 'self'/);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    }
  });
});

describe('body caps', () => {
  const post = (t: Awaited<ReturnType<typeof testApp>>, path: string, bytes: number) =>
    t.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        dashboard: { ...DASHBOARD, description: 'x'.repeat(bytes) },
        overwrite: true,
      }),
    });

  it('lets a 2 MiB dashboard be saved and imported, and refuses one over 5 MiB', async () => {
    const t = await testApp();
    expect((await post(t, '/api/dashboards/db', 2 * 1024 * 1024)).status).toBe(200);
    expect((await post(t, '/api/dashboards/import', 2 * 1024 * 1024)).status).toBe(200);
    for (const path of ['/api/dashboards/db', '/api/dashboards/import']) {
      const res = await post(t, path, 5 * 1024 * 1024);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'request body over 5 MiB' });
    }
  });

  it('keeps every other POST, proxied forms too, at 1 MiB', async () => {
    const t = await testApp();
    const res = await post(t, '/api/dashboards/uid/sec-a/restore', 1024 * 1024);
    expect(res.status).toBe(413);
    const form = await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `query=up&pad=${'x'.repeat(1024 * 1024)}`,
    });
    expect(form.status).toBe(413);
    expect(t.calls).toEqual([]);
  });
});

describe('the per-client rate limit', () => {
  it('answers 429 with Retry-After once a client has spent its burst', async () => {
    const t = await testApp({ config: { rateLimit: 1, rateBurst: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.request('/api/datasources', {}, '10.0.0.7')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await t.request('/api/datasources', {}, '10.0.0.7');
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await res.json()).toMatchObject({ errorType: 'too_many_requests' });
    // Another client has its own bucket.
    expect((await t.request('/api/datasources', {}, '10.0.0.8')).status).toBe(200);
  });

  it('never limits loopback clients, nor anyone when RATE_LIMIT=0', async () => {
    const t = await testApp({ config: { rateLimit: 1, rateBurst: 1 } });
    for (let i = 0; i < 5; i++) {
      expect((await t.request('/api/datasources', {}, '127.0.0.1')).status).toBe(200);
      expect((await t.request('/api/datasources', {}, '::1')).status).toBe(200);
    }
    const off = await testApp({ config: { rateLimit: 0, rateBurst: 1 } });
    for (let i = 0; i < 5; i++) {
      expect((await off.request('/api/datasources', {}, '10.0.0.7')).status).toBe(200);
    }
  });
});
