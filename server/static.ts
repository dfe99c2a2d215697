// Serves the built SPA: hashed assets cached for a year, index.html never cached, and
// index.html for every page route so deep links (/d/…, /explore) load the app. Text files
// are gzipped once, on first request, and kept: the app's compress middleware would redo
// it on every request, which under load (200 connections) costs more CPU than everything
// else the server does. Only files that exist are kept: a miss is read again if asked again,
// so any number of distinct names (a page can request a million with <img>) keeps nothing.
import type { Context } from 'hono';
import type { FileSystem } from './deps.ts';
import { joinPath } from './deps.ts';
import { newNonce, spaCsp } from './security.ts';

const NONCE_SLOT = '__CSP_NONCE__';
/** Types worth gzipping; images and fonts are compressed already. */
const TEXT = new Set(['js', 'css', 'svg', 'json', 'map', 'txt', 'html']);
const MIN_GZIP = 1024; // bytes: smaller files are sent as they are

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return new Uint8Array(
    await new Response(stream.pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );
}

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
/**
 * Characters: no file system holds a longer name (NAME_MAX) nor, here, a longer path; the
 * build's names are a few dozen. Longer ones are a 404 without asking the disk, which would
 * answer ENAMETOOLONG.
 */
const MAX_SEGMENT = 255;
const MAX_PATH = 1024;

/** Whether `path` could name a built file at all: checked before the disk is asked. */
export function servablePath(path: string): boolean {
  if (path.length > MAX_PATH || !SAFE_PATH.test(path)) return false;
  return path.split('/').every((s) => s.length <= MAX_SEGMENT && s !== '..');
}

export interface StaticHandler {
  (c: Context): Promise<Response>;
  /** How many files are kept in memory (plain and gzipped): the build's, never the misses. */
  kept(): { files: number; gzipped: number };
}

export function staticHandler(files: FileSystem, webDir: string): StaticHandler {
  // Built files never change while the server runs; read each that exists once. A read under
  // way is shared, and forgotten once it finds nothing.
  const cache = new Map<string, Promise<Uint8Array | null>>();
  const read = (name: string) => {
    let hit = cache.get(name);
    if (!hit) {
      const reading = files.readFile(joinPath(webDir, name));
      hit = reading;
      cache.set(name, hit);
      const forget = () => {
        if (cache.get(name) === reading) cache.delete(name);
      };
      reading.then((bytes) => bytes ?? forget(), forget);
    }
    return hit;
  };
  const zipped = new Map<string, Promise<Uint8Array>>();
  const readGzip = (name: string, bytes: Uint8Array) => {
    let hit = zipped.get(name);
    if (!hit) {
      hit = gzip(bytes);
      zipped.set(name, hit);
    }
    return hit;
  };

  const handler = async (c: Context) => {
    const path = new URL(c.req.url).pathname;
    const ext = /\.([a-z0-9]+)$/.exec(path)?.[1];
    if (ext) {
      if (!servablePath(path)) return c.notFound();
      const bytes = await read(path.slice(1));
      if (!bytes) return c.notFound();
      const immutable = path.startsWith('/assets/');
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      };
      if (TEXT.has(ext) && bytes.byteLength >= MIN_GZIP) {
        headers.Vary = 'Accept-Encoding';
        if (/\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '')) {
          // Content-Encoding set here: the compress middleware leaves the answer alone.
          const body = await readGzip(path.slice(1), bytes);
          headers['Content-Encoding'] = 'gzip';
          headers['Content-Length'] = String(body.byteLength);
          return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
        }
      }
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
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
  return Object.assign(handler, { kept: () => ({ files: cache.size, gzipped: zipped.size }) });
}
