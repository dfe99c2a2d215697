import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { servablePath, staticHandler } from './static.ts';
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
    // Only what the app reads at start from DATA_DIR, never anything the path names.
    expect(t.fs.reads.filter((p) => !p.startsWith('/web/') || p.includes('..'))).toEqual([
      '/data/datasources.json',
      '/data/folders.json',
    ]);
  });
});

describe('a flood of names that are not in the build', () => {
  function served() {
    const fs = new MemoryFs({
      '/web/index.html': INDEX,
      '/web/assets/app-abc123.js': `console.log(${JSON.stringify('a'.repeat(4000))});`,
    });
    const handler = staticHandler(fs, '/web');
    const app = new Hono().get('*', handler);
    const get = (path: string) =>
      app.request(`http://localhost${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    return { fs, handler, get };
  }

  it('keeps nothing for a miss: 2,000 distinct long names leave the cache empty', async () => {
    const { fs, handler, get } = served();
    const seg = (i: number, c: string) => `${c}${i.toString(36)}`.padEnd(200, c);
    const names = Array.from(
      { length: 2000 },
      (_, i) => `/assets/${seg(i, 'a')}/${seg(i, 'b')}/${seg(i, 'c')}.js`,
    );
    // Half of them at once, as a page's <img> tags would ask.
    const statuses = await Promise.all(
      names.slice(0, 1000).map(async (n) => (await get(n)).status),
    );
    for (const n of names.slice(1000)) statuses.push((await get(n)).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    expect(handler.kept()).toEqual({ files: 0, gzipped: 0 });
    // A miss asked again is asked of the disk again, not answered from memory.
    await get(names[0]!);
    expect(fs.reads.filter((p) => p === `/web${names[0]}`)).toHaveLength(2);
  });

  it('keeps each file of the build once, whatever is asked around it', async () => {
    const { fs, handler, get } = served();
    for (let i = 0; i < 3; i++) {
      expect((await get('/assets/app-abc123.js')).status).toBe(200);
      expect((await get(`/assets/app-${i}.js`)).status).toBe(404);
      expect((await get('/')).status).toBe(200);
    }
    expect(handler.kept()).toEqual({ files: 2, gzipped: 1 });
    expect(fs.reads.filter((p) => p === '/web/assets/app-abc123.js')).toHaveLength(1);
  });

  it('answers 404 for a name no file system holds, without asking the disk', async () => {
    const { fs, handler, get } = served();
    const long = [
      `/assets/${'a'.repeat(256)}.js`,
      `/${'b'.repeat(5000)}.js`,
      `/${Array.from({ length: 300 }, () => 'abcd').join('/')}.js`,
    ];
    for (const path of long) {
      expect(servablePath(path), path.slice(0, 20)).toBe(false);
      expect((await get(path)).status).toBe(404);
    }
    expect(fs.reads).toEqual([]);
    expect(handler.kept()).toEqual({ files: 0, gzipped: 0 });
    expect(servablePath(`/assets/${'a'.repeat(252)}.js`)).toBe(true);
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
