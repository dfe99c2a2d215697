// Serves the built SPA: hashed assets cached for a year, index.html never cached, and
// index.html for every page route so deep links (/d/…, /explore) load the app.
import type { Context } from 'hono';
import type { FileSystem } from './deps.ts';
import { joinPath } from './deps.ts';
import { newNonce, spaCsp } from './security.ts';

const NONCE_SLOT = '__CSP_NONCE__';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
  map: 'application/json',
};

/** Plain names only: no dot segments, no encoded characters, no empty segments. */
const SAFE_PATH = /^\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function staticHandler(files: FileSystem, webDir: string) {
  // Built files never change while the server runs; read each once.
  const cache = new Map<string, Promise<Uint8Array | null>>();
  const read = (name: string) => {
    let hit = cache.get(name);
    if (!hit) {
      hit = files.readFile(joinPath(webDir, name));
      cache.set(name, hit);
    }
    return hit;
  };

  return async (c: Context) => {
    const path = new URL(c.req.url).pathname;
    const ext = /\.([a-z0-9]+)$/.exec(path)?.[1];
    if (ext) {
      if (!SAFE_PATH.test(path) || path.split('/').includes('..')) return c.notFound();
      const bytes = await read(path.slice(1));
      if (!bytes) return c.notFound();
      const immutable = path.startsWith('/assets/');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      });
    }
    const index = await read('index.html');
    if (!index) {
      return c.text('The web app is not built: run `npm run build`, then restart the server.', 503);
    }
    // A fresh nonce per page load, for the <style> elements the PromQL editor writes.
    const nonce = newNonce();
    const html = new TextDecoder().decode(index).replaceAll(NONCE_SLOT, nonce);
    return c.body(html, 200, {
      'Content-Type': TYPES.html!,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': spaCsp(nonce),
    });
  };
}
