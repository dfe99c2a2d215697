// Live ticks in numbers on the real Node server (issue #13, item 2): many requests carrying
// `X-Promscope-Known` for one answer, which a node:http "Prometheus" holds back until every one
// of them has joined the one upstream call (the server's own coalesced count says so), then
// sends gzipped. The work each answer costs is counted where it is done: the parses of the
// answer's JSON (a spy on JSON.parse, counting only texts of the answer's size).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import { type RunningServer, startNodeServer } from '../main.node.ts';
import { testConfig } from '../test-helpers.ts';
import { DELTA_LIMITS } from './delta.ts';

const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';
const T0 = 1700000000;
const STEP = 15;

/** A matrix of `count` series of 600 points, about 19 KB decoded per series. */
function matrix(count: number) {
  const result = Array.from({ length: count }, (_, s) => ({
    metric: { __name__: 'big_metric', instance: `host-${s}:9100`, job: 'node' },
    values: Array.from({ length: 600 }, (_, i) => [
      T0 + i * STEP,
      String(((s * 7 + i) % 1000) / 7),
    ]),
  })) as { metric: Record<string, string>; values: [number, string][] }[];
  const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
  return { result, text, gzip: gzipSync(text) };
}

// Under and over the 4 MiB a delta is worked out for.
const SMALL = matrix(100);
const BIG = matrix(450);

let prom: Server;
let running: RunningServer;
let calls = 0;
/** Answers held back until released. */
const held: (() => void)[] = [];

beforeAll(async () => {
  expect(SMALL.text.length).toBeLessThan(DELTA_LIMITS.maxBytes);
  expect(BIG.text.length).toBeGreaterThan(2 * DELTA_LIMITS.maxBytes);
  prom = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/status/buildinfo')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"status":"success","data":{"version":"3.5.0"}}');
    }
    calls++;
    const m = url.searchParams.get('query')?.startsWith('big') ? BIG : SMALL;
    held.push(() => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(m.gzip);
    });
  });
  await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
  const promUrl = `http://127.0.0.1:${(prom.address() as AddressInfo).port}`;
  running = await startNodeServer(
    testConfig({ port: 0, prometheusUrl: promUrl, dataDir: '/nonexistent-promscope-delta' }),
    () => {},
  );
});

afterAll(async () => {
  await running?.close();
  prom?.closeAllConnections();
  await new Promise((r) => prom?.close(r));
});

afterEach(() => {
  vi.restoreAllMocks();
});

interface Wire {
  status: number;
  delta?: string;
  encoding?: string;
  body: Buffer; // as sent
}

function get(path: string, headers: Record<string, string>): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request(`${running.url}${path}`, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          delta: res.headers['x-promscope-delta'] as string | undefined,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(parts),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function coalesced(): Promise<number> {
  const text = await (await fetch(`${running.url}/metrics`)).text();
  return [...text.matchAll(/^promscope_proxy_coalesced_requests_total\{[^}]*\} (\d+)/gm)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
}

/** `n` live ticks for one answer, the upstream's answer held until all have joined its call. */
async function ticks(query: string, m: ReturnType<typeof matrix>, n: number) {
  const t = T0 + 590 * STEP;
  const headers = {
    'Accept-Encoding': 'gzip',
    'X-Promscope-Known': formatKnown({ t, digest: digestUpTo(m.result, t) }),
  };
  const path = `${PROXY}/query_range?query=${query}&start=${T0}&end=${T0 + 599 * STEP}&step=${STEP}`;
  const before = await coalesced();
  const callsBefore = calls;
  const heldBefore = held.length;
  const answers = Array.from({ length: n }, () => get(path, headers));
  for (let i = 0; i < 500 && (await coalesced()) - before < n - 1; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect((await coalesced()) - before).toBe(n - 1);
  expect(held.length - heldBefore).toBe(1);
  held.at(-1)!();
  const results = await Promise.all(answers);
  expect(calls - callsBefore).toBe(1);
  return results;
}

/** Counts JSON.parse calls on texts at least `bytes` long. */
function countParses(bytes: number) {
  const parse = JSON.parse;
  const counted = { n: 0 };
  vi.spyOn(JSON, 'parse').mockImplementation((text, reviver) => {
    if (typeof text === 'string' && text.length >= bytes) counted.n++;
    return parse(text, reviver);
  });
  return counted;
}

describe('live ticks sharing one upstream call', () => {
  it('a hundred for one answer: it is read once, and all get the same delta', async () => {
    const parses = countParses(SMALL.text.length);
    const results = await ticks('small', SMALL, 100);
    expect(parses.n).toBe(1);
    expect(new Set(results.map((r) => `${r.status} ${r.delta}`))).toEqual(new Set(['200 applied']));
    const first = results[0]!.body;
    for (const r of results) expect(r.body.equals(first)).toBe(true);
    expect(first.length).toBeLessThan(SMALL.gzip.length / 10);
  }, 120_000);

  it('an answer over the delta size limit is never read: it goes out whole, as it came', async () => {
    const parses = countParses(DELTA_LIMITS.maxBytes);
    const results = await ticks('big', BIG, 20);
    expect(parses.n).toBe(0);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.delta).toBe('too_large');
      expect(r.encoding).toBe('gzip');
      expect(r.body.equals(BIG.gzip)).toBe(true); // passed through, byte for byte
    }
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/promscope_proxy_live_delta_total\{outcome="too_large"\} 20\n/);
  }, 120_000);
});
