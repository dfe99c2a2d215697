// The upstream queue's fairness on the real Node server, over real sockets from two loopback
// addresses (127.0.0.2 sending fifty slow queries, 127.0.0.3 one), so the client identity is
// the one the server reads off the socket. The "Prometheus" is a node:http server holding each
// query until the test answers it: slow queries on cue, which a real Prometheus cannot be made
// to do (an expensive expression is no help: the proxy now refuses the deep ones).
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startNodeServer } from '../main.node.ts';
import { testConfig } from '../test-helpers.ts';

/** Queries as they reached the upstream, in order; the held answers by query. */
const arrived: string[] = [];
const held = new Map<string, ServerResponse>();

let upstream: Server;
let running: RunningServer;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    arrived.push(query);
    held.set(query, res);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  running = await startNodeServer(
    testConfig({
      port: 0,
      prometheusUrl: `http://127.0.0.1:${port}`,
      upstreamConcurrency: 2,
      dataDir: '/nonexistent-promscope-fairness',
    }),
    () => {},
  );
});

afterAll(async () => {
  for (const res of held.values()) res.destroy();
  await running?.close();
  await new Promise((resolve) => upstream.close(resolve));
});

/** Answers the held upstream call for `query`. */
function answer(query: string) {
  const res = held.get(query)!;
  held.delete(query);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
}

/** A proxied instant query from the loopback address `from`: its HTTP status. */
function ask(query: string, from: string): Promise<number> {
  const url = new URL(
    `/api/datasources/proxy/uid/prometheus/api/v1/query?query=${query}`,
    running.url,
  );
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress: from, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function queueLength(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', running.url))).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('promscope_upstream_queue_length{datasource="prometheus"} '));
  return Number(line?.split(' ')[1] ?? 0);
}

/** Waits until `check` holds (states, not times: the machine is noisy). */
async function until(check: () => boolean | Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

it("serves another address's query next, not after the 48 another one has queued", async () => {
  const slow = Array.from({ length: 50 }, (_, i) => ask(`slow${i}`, '127.0.0.2'));
  await until(async () => arrived.length === 2 && (await queueLength()) === 48);
  const other = ask('other', '127.0.0.3');
  await until(async () => (await queueLength()) === 49);

  answer(arrived[0]!);
  await until(() => arrived.length === 3);
  expect(arrived[2]).toBe('other');
  answer('other');
  expect(await other).toBe(200);

  // The rest of the slow ones, each in its turn.
  while (arrived.length < 51 || held.size > 0) {
    await until(() => held.size > 0);
    answer(arrived.find((q) => held.has(q))!);
  }
  expect(await Promise.all(slow)).toEqual(Array(50).fill(200));
  expect(arrived).toHaveLength(51);
});
