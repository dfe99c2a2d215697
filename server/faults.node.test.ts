// Upstream faults on the real Node server (@hono/node-server, real sockets), against a
// "Prometheus" that is a bare node:http server told what to get wrong: gone at start, killed
// in the middle of an answer and back, answering after 60 s, invalid JSON, an HTML error page,
// a body cut short, a million series. Each answer is read with the browser's own client
// (web/api/client.ts), so what is checked is the words a panel shows; meanwhile the server
// must keep answering everyone else fast, and leave no sockets, timers or rejections behind.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRange } from '../web/api/client.ts';
import { type RunningServer, startNodeServer } from './main.node.ts';
import { testConfig } from './test-helpers.ts';

const TIMEOUT_MS = 1000; // ms: UPSTREAM_TIMEOUT for these tests
const MAX_BYTES = 16 * 1024 * 1024; // bytes: MAX_RESPONSE_SIZE for these tests
const MIB = 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the fake Prometheus did: bytes written per query, requests seen. */
const sent = new Map<string, number>();
const seen: string[] = [];

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Writes a query_range answer with `count` series, as fast as the reader takes it. */
function streamSeries(res: ServerResponse, key: string, count: number, declare: boolean) {
  const values = Array.from({ length: 10 }, (_, i) => `[${1700000000 + i * 15},"${i}.5"]`);
  // Fixed-width ids: every series but the first (no comma) has the same length.
  const series = (i: number) =>
    `${i ? ',' : ''}{"metric":{"__name__":"fault_metric","instance":"host-${String(i).padStart(7, '0')}:9100","job":"node"},"values":[${values.join(',')}]}`;
  const head = '{"status":"success","data":{"resultType":"matrix","result":[';
  const tail = ']}}';
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
  if (declare) {
    headers['Content-Length'] = head.length + tail.length + count * series(1).length - 1;
  }
  res.writeHead(200, headers);
  let i = 0;
  let bytes = 0;
  const write = (s: string) => {
    bytes += s.length;
    sent.set(key, bytes);
    return res.write(s);
  };
  const pump = () => {
    if (i === 0 && !write(head)) return;
    while (i < count && !res.destroyed) {
      let chunk = '';
      for (let j = 0; j < 500 && i < count; j++) chunk += series(i++);
      if (!write(chunk)) return; // wait for 'drain': the reader sets the pace
    }
    if (i >= count && !res.destroyed) res.end(tail);
  };
  res.on('drain', pump);
  pump();
}

const NGINX_502 =
  '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body>\n</html>\n';

function prometheus(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api/v1/status/buildinfo') {
    return json(res, 200, { status: 'success', data: { version: '3.5.0' } });
  }
  const query = url.searchParams.get('query') ?? '';
  seen.push(query);
  switch (query) {
    case 'slow': {
      // Answers after 60 s, like a Prometheus stuck on a huge query.
      const timer = setTimeout(
        () => json(res, 200, { status: 'success', data: { resultType: 'matrix', result: [] } }),
        60_000,
      );
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'html':
      res.writeHead(502, { 'Content-Type': 'text/html' });
      return res.end(NGINX_502);
    case 'invalid':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{');
    case 'truncated':
      // Promises 5000 bytes, sends 100, hangs up.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 5000 });
      res.write('{"status":"success","data":{"resultType":"matrix","result":['.padEnd(100, ' '));
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    case 'hangbody':
      // Starts an answer and never finishes it: the Prometheus dies in the middle of it.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"success","data":{"resultType":"matrix","result":[');
      return;
    case 'million':
      return streamSeries(res, query, 1_000_000, false);
    case 'million-declared':
      return streamSeries(res, query, 1_000_000, true);
    default:
      return json(res, 200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: { q: query }, values: [[1700000000, '1']] }],
        },
      });
  }
}

interface FakeProm {
  server: Server;
  alive: boolean;
  sockets: Set<Socket>;
  /** Gone at once: every connection cut, as when the process is killed. */
  kill(): Promise<void>;
}

function listen(port: number): Promise<FakeProm> {
  const server = createServer(prometheus);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const fake: FakeProm = {
    server,
    sockets,
    alive: true,
    kill() {
      fake.alive = false;
      return new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      });
    },
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(fake));
  });
}

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = await listen(0);
  const { port } = probe.server.address() as AddressInfo;
  await probe.kill();
  return port;
}

let base = '';
let running: RunningServer | undefined;
let prom: FakeProm | undefined;
let promPort = 0;
const rejections: unknown[] = [];
const onRejection = (err: unknown) => rejections.push(err);
const realFetch = globalThis.fetch;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  promPort = await freePort();
  running = await startNodeServer(
    testConfig({
      port: 0,
      prometheusUrl: `http://127.0.0.1:${promPort}`,
      upstreamTimeoutMs: TIMEOUT_MS,
      maxResponseBytes: MAX_BYTES,
      dataDir: '/nonexistent-promscope-faults',
    }),
    () => {},
  );
  base = running.url;
  // The browser client asks for relative URLs; here they go to the real server.
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
    realFetch(url.startsWith('/') ? base + url : url, init),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await prom?.kill();
  await running?.close();
  process.off('unhandledRejection', onRejection);
});

afterEach(() => {
  expect(rejections).toEqual([]);
});

/** The panel's error for a query, or null when it drew; with how long it took (ms). */
async function panel(query: string): Promise<{ error: string | null; ms: number }> {
  const started = performance.now();
  // A live range ending now, as a panel asks: never served from the proxy's cache.
  const end = Math.floor(Date.now() / 1000);
  const error = await queryRange('prometheus', { query, start: end - 60, end, step: 15 }).then(
    () => null,
    (err: Error) => err.message,
  );
  return { error, ms: performance.now() - started };
}

async function health(): Promise<{ up: boolean; error?: string }> {
  const body = (await (await realFetch(`${base}/api/health`)).json()) as {
    datasources: { up: boolean; error?: string }[];
  };
  return body.datasources[0]!;
}

/** Sockets and timers this process holds open, by kind. */
function openHandles(): { sockets: number; timers: number } {
  const kinds = process.getActiveResourcesInfo();
  return {
    sockets: kinds.filter((k) => k === 'TCPSocketWrap' || k === 'TCPServerWrap').length,
    timers: kinds.filter((k) => k === 'Timeout').length,
  };
}

describe('Prometheus down at start, killed mid-answer, back', () => {
  it('says so within a second each time, recovers by itself, and leaks nothing', async () => {
    // Down at start: the panel and the health say why.
    expect(await panel('up')).toMatchObject({
      error: `datasource "Prometheus" (http://127.0.0.1:${promPort}) is unreachable: connection refused`,
    });
    expect(await health()).toMatchObject({ up: false, error: /connection refused/ });

    let before: { sockets: number; timers: number } | undefined;
    for (let cycle = 0; cycle < 5; cycle++) {
      prom = await listen(promPort);
      await sleep(1100); // ms: past the health answer's 1 s freshness
      expect(await health()).toEqual(expect.objectContaining({ up: true }));
      expect(await panel(`up + ${cycle}`)).toMatchObject({ error: null });

      // Killed while an answer is half sent.
      const cut = panel('hangbody');
      for (let i = 0; i < 200 && !seen.includes('hangbody'); i++) await sleep(10);
      seen.length = 0;
      await sleep(50);
      await prom.kill();
      expect((await cut).error).toMatch(/broke off before its end/);
      await sleep(1100);
      expect(await health()).toMatchObject({ up: false, error: /connection refused/ });
      expect((await panel(`up + ${cycle}`)).error).toMatch(/unreachable: connection refused/);

      await sleep(100); // closing sockets settle
      if (cycle === 0) before = openHandles();
    }
    const after = openHandles();
    // Five kills later, no more sockets than after the first (the test's own keep-alive
    // connection to the server may come and go).
    expect(after.sockets).toBeLessThanOrEqual(before!.sockets + 1);
    expect(after.timers).toBeLessThanOrEqual(before!.timers + 1);

    prom = await listen(promPort);
  }, 60_000);
});

describe('Prometheus slow or broken', () => {
  beforeAll(async () => {
    if (!prom?.alive) prom = await listen(promPort);
  });

  it('answers a query Prometheus sits on for 60 s with 504 at UPSTREAM_TIMEOUT, and everyone else at once', async () => {
    const slow = Array.from({ length: 3 }, () => panel('slow'));
    await sleep(100);
    const others = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => panel(`rate(x_${i}[1m])`)),
    ]);
    const extra = await Promise.all(
      ['/api/health', '/metrics', '/api/search'].map(async (path) => {
        const t = performance.now();
        const res = await realFetch(base + path);
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - t };
      }),
    );
    for (const o of others) {
      expect(o.error).toBeNull();
      expect(o.ms).toBeLessThan(TIMEOUT_MS / 2);
    }
    for (const e of extra) {
      expect(e.status).toBe(200);
      expect(e.ms).toBeLessThan(TIMEOUT_MS / 2);
    }
    for (const s of await Promise.all(slow)) {
      expect(s.error).toBe(
        `datasource "Prometheus" (http://127.0.0.1:${promPort}) did not answer within 1s`,
      );
      expect(s.ms).toBeGreaterThan(TIMEOUT_MS - 50);
      expect(s.ms).toBeLessThan(TIMEOUT_MS + 1000);
    }
  });

  it('names an HTML error page by its title', async () => {
    expect((await panel('html')).error).toBe(
      'HTTP 502: an HTML page, not Prometheus JSON ("502 Bad Gateway")',
    );
  });

  it('says invalid JSON is invalid', async () => {
    expect((await panel('invalid')).error).toBe(
      'HTTP 200: invalid or incomplete JSON (71 characters, ending "sultType":"matrix","result":[{"metric":{")',
    );
  });

  it('says a body cut short broke off', async () => {
    // A small answer (declared 5000 bytes) is read whole before it is sent, so the server
    // can still say in JSON which datasource broke off and why.
    expect((await panel('truncated')).error).toBe(
      'the answer of datasource "Prometheus" broke off: connection reset',
    );
  });

  it('refuses a million series declared up front with the size limit in words', async () => {
    expect((await panel('million-declared')).error).toBe(
      'the answer of datasource "Prometheus" is over the 16 MiB response limit; narrow the query: fewer series (more selective labels or an aggregation), a shorter range or a larger step',
    );
    // Refused on its Content-Length: hardly anything was read.
    expect(sent.get('million-declared') ?? 0).toBeLessThan(MAX_BYTES / 2);
  });

  it('cuts a million streamed series at the cap, reading little past it, with RSS bounded', async () => {
    globalThis.gc?.();
    const rss = process.memoryUsage().rss;
    const [big, small] = await Promise.all([panel('million'), sleep(50).then(() => panel('up'))]);
    expect(big.error).toMatch(/broke off before its end/);
    expect(small.error).toBeNull(); // the others were not held up
    const upstream = sent.get('million') ?? 0;
    // The whole answer is ~190 MiB; reading stops at the 16 MiB cap (plus socket buffers).
    expect(upstream).toBeGreaterThan(MAX_BYTES);
    expect(upstream).toBeLessThan(MAX_BYTES + 16 * MIB);
    expect(process.memoryUsage().rss - rss).toBeLessThan(120 * MIB);
  });
});
