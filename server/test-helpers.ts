import { existsSync } from 'node:fs';
import { join } from 'node:path';
// Shared fakes for the server's unit tests: an in-memory file system, a recording upstream and
// an app built on both. Not imported by runtime code.
import type { App } from './app.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadConfig } from './config.ts';
import type { FileSystem, RequestEnv, Upstream } from './deps.ts';
import { gzip } from './proxy/encoding.ts';

/** Files in a Map keyed by absolute path; records every read, atomic write and remove. */
export class MemoryFs implements FileSystem {
  readonly files = new Map<string, Uint8Array>();
  readonly reads: string[] = [];
  readonly writes: { path: string; data: string }[] = [];
  readonly removes: string[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.put(path, text);
  }

  put(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }

  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  async readFile(path: string): Promise<Uint8Array | null> {
    this.reads.push(path);
    return this.files.get(path) ?? null;
  }

  async readDir(path: string): Promise<string[] | null> {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const names = [...this.files.keys()]
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length).split('/')[0]!);
    return names.length ? [...new Set(names)] : null;
  }

  async writeFileAtomic(path: string, data: string): Promise<void> {
    // A tick between "temp file written" and "renamed", so overlapping writers would interleave.
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.writes.push({ path, data });
    this.put(path, data);
  }

  async remove(path: string): Promise<void> {
    this.removes.push(path);
    this.files.delete(path);
  }

  private readonly ids = new WeakMap<Uint8Array, number>();
  private nextId = 0;

  /** Changes whenever a path gets new bytes (put, a write, or `files.set`), as an inode would. */
  async stamp(path: string): Promise<string | null> {
    const bytes = this.files.get(path);
    if (!bytes) return null;
    if (!this.ids.has(bytes)) this.ids.set(bytes, this.nextId++);
    return String(this.ids.get(bytes));
  }
}

export interface UpstreamCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  redirect: RequestRedirect | undefined;
}

export type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A fake `fetch` that records what reached the upstream and answers with `respond`. */
export function fakeUpstream(
  respond: Responder = () => promJson({ resultType: 'vector', result: [] }),
) {
  const calls: UpstreamCall[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body =
      init.body === undefined || init.body === null
        ? null
        : new TextDecoder().decode(init.body as ArrayBuffer);
    calls.push({ url, method: init.method ?? 'GET', headers, body, redirect: init.redirect });
    return respond(url, init);
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

/** Prometheus' success envelope. */
export function promJson(data: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ status: 'success', data }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Prometheus' error envelope. */
export function promError(status: number, errorType: string, error: string) {
  return new Response(JSON.stringify({ status: 'error', errorType, error }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** What Node's fetch throws when nothing listens on the port. */
export function connectionRefused(): never {
  throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
}

/** Never answers; rejects with the abort reason once the request's signal fires. */
export function hang(_url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Answers buildinfo like Prometheus and everything else with an empty vector. */
export const prometheusLike: Responder = (url) =>
  url.includes('/api/v1/status/buildinfo')
    ? promJson({ version: '3.5.0', revision: 'abc', branch: 'HEAD' })
    : promJson({ resultType: 'vector', result: [] });

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}, [], { dataDir: '/data', dashboardsDir: '/dash', webDir: '/web' }),
    ...overrides,
  };
}

export interface TestApp extends App {
  fs: MemoryFs;
  calls: UpstreamCall[];
  /**
   * `app.request` with a base URL, so relative paths become http://localhost/…; the path also
   * goes in as the raw request target, as main.node.ts passes it, from `remoteAddr`.
   */
  request: (path: string, init?: RequestInit, remoteAddr?: string) => Promise<Response>;
}

/**
 * An Upstream over a fake fetch that answers as Prometheus does through node:http: gzipped
 * when asked for gzip, the bytes left encoded.
 */
export function gzippingUpstream(fetchFn: typeof fetch): Upstream {
  return async (url, init) => {
    const res = await fetchFn(url, init);
    const encoded = res.headers.has('Content-Encoding'); // a fake's own bytes, as they are
    if (!/gzip/.test(init.headers['Accept-Encoding'] ?? '') || !res.body || encoded) return res;
    const headers = new Headers(res.headers);
    headers.set('Content-Encoding', 'gzip');
    headers.delete('Content-Length');
    return new Response(gzip(res.body), { status: res.status, headers });
  };
}

export async function testApp(
  opts: {
    config?: Partial<Config>;
    fs?: MemoryFs;
    respond?: Responder;
    gzip?: boolean;
    /** The environment provisioning files read $VAR from. */
    env?: Record<string, string>;
  } = {},
): Promise<TestApp> {
  const fs = opts.fs ?? new MemoryFs();
  const upstream = fakeUpstream(opts.respond ?? prometheusLike);
  const built = await createApp(testConfig(opts.config), {
    files: fs,
    fetch: upstream.fetch,
    upstream: opts.gzip ? gzippingUpstream(upstream.fetch) : undefined,
    env: opts.env,
  });
  const request = async (path: string, init?: RequestInit, remoteAddr = '127.0.0.1') =>
    built.app.request(path, init, { rawTarget: path, remoteAddr } satisfies RequestEnv);
  return { ...built, fs, calls: upstream.calls, request };
}

/**
 * Real public Grafana dashboards kept beside the repository (shared/fixtures/grafana). CI
 * always has them; a bare clone may not, and then the tests that need them are skipped.
 */
export const GRAFANA_FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'grafana');
export const haveGrafanaFixtures = existsSync(GRAFANA_FIXTURES);
