import { describe, expect, it } from 'vitest';
import { MemoryFs, testApp } from './test-helpers.ts';

const INDEX =
  '<!doctype html><title>Promscope</title><script type="module" src="/assets/app-abc123.js"></script>';

function built(): MemoryFs {
  return new MemoryFs({
    '/web/index.html': INDEX,
    '/web/assets/app-abc123.js': 'console.log("app")',
    '/web/assets/app-abc123.css': 'body{}',
    '/web/favicon.svg': '<svg/>',
    // Outside the web dir: must never be served.
    '/x.js': 'outside',
    '/secret.js': 'outside',
    '/data/datasources.json': '{"datasources": []}',
  });
}

describe('static assets', () => {
  it('serves hashed assets as immutable for a year with their content type', async () => {
    const t = await testApp({ fs: built() });
    const res = await t.request('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log("app")');

    const css = await t.request('/assets/app-abc123.css');
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
  });

  it('serves unhashed files at the root with a short cache', async () => {
    const t = await testApp({ fs: built() });
    const res = await t.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('answers 404 for a missing file rather than the app', async () => {
    const t = await testApp({ fs: built() });
    const res = await t.request('/assets/app-old999.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<!doctype html>');
  });

  it.each([
    '/assets/../../secret.js',
    '/%2e%2e/x.js',
    '/assets/%2e%2e/%2e%2e/x.js',
    '/assets/..%2fsecret.js',
    '/assets/%2e%2e%2fsecret.js',
    '/assets%2fapp-abc123.js',
    '/..%5cx.js',
    '/assets//app-abc123.js',
    '/.%2e/data/datasources.json',
  ])('never serves %s from outside the web dir', async (path) => {
    const t = await testApp({ fs: built() });
    const res = await t.request(path);
    // 400 from the request-target guard (dot segments, "//", backslashes), else 404.
    expect([400, 404]).toContain(res.status);
    expect(await res.text()).not.toMatch(/outside|datasources/);
    expect(t.fs.reads.filter((p) => !p.startsWith('/web/') || p.includes('..'))).toEqual([
      '/data/datasources.json',
    ]);
  });
});

describe('SPA routes', () => {
  it.each([
    '/',
    '/d/x/y',
    '/d/svc-overview/service-overview?from=now-1h',
    '/explore',
    '/graph?g0.expr=up',
  ])('%s answers index.html, never cached, under the strict CSP', async (path) => {
    const t = await testApp({ fs: built() });
    const res = await t.request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('answers 503 with the build hint when the web app is not built', async () => {
    const t = await testApp({ fs: new MemoryFs() });
    const res = await t.request('/explore');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built: run `npm run build`/);
  });

  it('does not send index.html for unknown API routes', async () => {
    const t = await testApp({ fs: built() });
    const res = await t.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'not_found',
      error: 'no API route GET /api/nope',
    });
  });
});

describe('CSP nonce for the editor styles', () => {
  const withSlot = () =>
    new MemoryFs({
      '/web/index.html':
        '<meta name="csp-nonce" content="__CSP_NONCE__"><script src="/assets/a.js"></script>',
    });

  it('puts one fresh nonce in the page and in style-src, and no inline script', async () => {
    const t = await testApp({ fs: withSlot() });
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await t.request('/');
      const html = await res.text();
      const nonce = /content="([^"]+)"/.exec(html)![1]!;
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(html).not.toContain('__CSP_NONCE__');
      const csp = res.headers.get('Content-Security-Policy')!;
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(2);
  });
});

describe('compression', () => {
  it('gzips the app and its assets for a browser that accepts it', async () => {
    const t = await testApp({
      fs: new MemoryFs({
        '/web/index.html': `<!doctype html><html><head></head><body>${'x'.repeat(4000)}</body></html>`,
        '/web/assets/app-abc123.js': `console.log(${JSON.stringify('y'.repeat(4000))});`,
      }),
    });
    for (const path of ['/', '/d/some-dashboard', '/assets/app-abc123.js']) {
      const res = await t.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Encoding'), path).toBe('gzip');
      const text = await new Response(
        res.body!.pipeThrough(new DecompressionStream('gzip')),
      ).text();
      expect(text.length, path).toBeGreaterThan(4000);
    }
  });

  it('gzips an asset once and serves the same bytes, with their length, every time', async () => {
    const js = `console.log(${JSON.stringify('z'.repeat(8000))});`;
    const t = await testApp({ fs: new MemoryFs({ '/web/assets/app-def456.js': js }) });
    const get = () =>
      t.request('/assets/app-def456.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    const [a, b] = [await get(), await get()];
    const bytesA = new Uint8Array(await a.arrayBuffer());
    const bytesB = new Uint8Array(await b.arrayBuffer());
    expect(a.headers.get('Content-Encoding')).toBe('gzip');
    // A length up front means a finished gzip, not one streamed per request.
    expect(a.headers.get('Content-Length')).toBe(String(bytesA.byteLength));
    expect(bytesA.byteLength).toBeLessThan(js.length / 10);
    expect(bytesB).toEqual(bytesA);
    expect(a.headers.get('Vary')).toContain('Accept-Encoding');
    const text = await new Response(
      new Blob([bytesA]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(text).toBe(js);
    // A client without gzip gets the file as it is.
    const plain = await t.request('/assets/app-def456.js', {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(js);
  });
});
