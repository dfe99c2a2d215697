// A gzip bomb from the datasource (issue #13, item 1): a node:http "Prometheus" answers
// 256 KiB of gzip that inflates to 256 MiB, against a 1 MiB MAX_RESPONSE_SIZE. On the real
// Node server (node:http upstream client, gzip passed through) and on the fetch upstream
// client that Deno uses (fetch inflates by itself), every client gets the JSON 502 too_large
// and nothing else: one that does not accept gzip, one that does (it would inflate the bytes
// itself), and a live tick (X-Promscope-Known, which the server reads whole). Bytes are
// counted on the wire, as sent, never decoded by the test.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import { createApp } from '../app.ts';
import { type RunningServer, startNodeServer } from '../main.node.ts';
import { promBomb } from '../test-gzip-bomb.ts';
import { MemoryFs, testConfig } from '../test-helpers.ts';

const MIB = 1024 * 1024;
const CAP = MIB; // MAX_RESPONSE_SIZE here
const BOMB = promBomb(256);
const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';
const KNOWN = formatKnown({ t: 100, digest: digestUpTo([], 100) });

let prom: Server;
let promUrl = '';
let running: RunningServer;
/** Bomb answers the fake Prometheus has written. */
let served = 0;

beforeAll(async () => {
  prom = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/status/buildinfo')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"status":"success","data":{"version":"3.5.0"}}');
    }
    served++;
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    };
    // Declared: 256 KiB, far under the cap, so no refusal by Content-Length. Else streamed
    // in 16 KiB pieces.
    if (url.searchParams.has('declared')) headers['Content-Length'] = BOMB.length;
    res.writeHead(200, headers);
    if (headers['Content-Length']) return res.end(BOMB);
    let at = 0;
    const pump = () => {
      while (at < BOMB.length && !res.destroyed) {
        const ok = res.write(BOMB.subarray(at, at + 16 * 1024));
        at += 16 * 1024;
        if (!ok) return;
      }
      res.end();
    };
    res.on('drain', pump);
    pump();
  });
  await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
  promUrl = `http://127.0.0.1:${(prom.address() as AddressInfo).port}`;
  running = await startNodeServer(
    testConfig({
      port: 0,
      prometheusUrl: promUrl,
      maxResponseBytes: CAP,
      dataDir: '/nonexistent-promscope-bomb',
    }),
    () => {},
  );
});

afterAll(async () => {
  await running?.close();
  prom?.closeAllConnections();
  await new Promise((r) => prom?.close(r));
});

interface Wire {
  status: number;
  encoding?: string;
  bytes: number; // on the wire, as sent
  text: string; // the first KiB, when not gzip
}

/** A GET over node:http that counts the bytes as sent (no decoding). */
function get(path: string, headers: Record<string, string>): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request(`${running.url}${path}`, { headers }, (res) => {
      let bytes = 0;
      let text = '';
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (text.length < 1024) text += c.toString('latin1');
      });
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          bytes,
          text,
        });
      res.on('end', done);
      res.on('error', done); // a stream cut short still says how much came
    });
    req.on('error', reject);
    req.end();
  });
}

const CLIENTS = {
  'without gzip': { 'Accept-Encoding': 'identity' },
  'with gzip': { 'Accept-Encoding': 'gzip' },
  'on a live tick': { 'Accept-Encoding': 'gzip', 'X-Promscope-Known': KNOWN },
};

function expectTooLarge(res: Wire) {
  expect(res.status).toBe(502);
  expect(res.encoding).toBeUndefined();
  expect(res.bytes).toBeLessThan(1024);
  expect(JSON.parse(res.text)).toMatchObject({ status: 'error', errorType: 'too_large' });
}

describe('a gzip bomb on the Node server (node:http upstream client)', () => {
  let n = 0;
  for (const [who, headers] of Object.entries(CLIENTS)) {
    for (const declared of [true, false]) {
      it(`answers a client ${who} with the JSON 502 too_large (length ${declared ? 'declared' : 'not declared'})`, async () => {
        const q = `query_range?query=bomb${n++}&start=100&end=200&step=10${declared ? '&declared' : ''}`;
        expectTooLarge(await get(`${PROXY}/${q}`, headers));
      });
    }
  }

  it('never inflates it in the server on a live tick: three of them grow RSS far less than one bomb', async () => {
    // The server reads a live tick's answer whole, to cut out what the browser holds.
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    for (let i = 0; i < 3; i++) {
      expectTooLarge(
        await get(
          `${PROXY}/query_range?query=rss${i}&start=100&end=200&step=10`,
          CLIENTS['on a live tick'],
        ),
      );
    }
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);
    // One bomb inflated whole is 256 MiB; the server decodes at most the cap to count it.
    expect(peak - before).toBeLessThan(96 * MIB);
  }, 120_000); // before the fix, each inflated the whole bomb: slow on a busy machine
});

describe('a gzip bomb through the fetch upstream client (as on Deno)', () => {
  it('answers with the JSON 502 too_large, though fetch hands the body over inflated', async () => {
    const { app } = await createApp(
      testConfig({ prometheusUrl: promUrl, maxResponseBytes: CAP }),
      { files: new MemoryFs(), fetch: globalThis.fetch }, // fetchUpstream over the real fetch
    );
    const before = served;
    for (const [who, headers] of Object.entries(CLIENTS)) {
      const path = `${PROXY}/query_range?query=fetch${who.length}&start=100&end=200&step=10`;
      const res = await app.request(path, { headers }, { rawTarget: path });
      expect(res.status, who).toBe(502);
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(await res.json()).toMatchObject({ status: 'error', errorType: 'too_large' });
    }
    expect(served - before).toBe(3);
  });
});
