// On the real Node server (@hono/node-server) and real sockets: a browser that goes away
// takes its upstream request with it, before the answer and in the middle of the body.
// The "Prometheus" here is a bare node:http server that notes when its client hangs up.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startNodeServer } from '../main.node.ts';
import { testConfig } from '../test-helpers.ts';

interface FakeProm {
  url: string;
  /** Resolves with the path of each request once its connection has closed. */
  closed: Promise<string>[];
  responses: ServerResponse[];
  server: Server;
}

function fakePrometheus(onRequest: (res: ServerResponse) => void): Promise<FakeProm> {
  const closed: Promise<string>[] = [];
  const responses: ServerResponse[] = [];
  const server = createServer((req, res) => {
    responses.push(res);
    closed.push(new Promise((resolve) => res.on('close', () => resolve(req.url ?? ''))));
    onRequest(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, closed, responses, server });
    });
  });
}

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

let running: RunningServer | undefined;
let prom: FakeProm | undefined;

afterEach(async () => {
  await running?.close();
  prom?.server.closeAllConnections();
  await new Promise((r) => prom?.server.close(r));
  running = prom = undefined;
});

async function start(onRequest: (res: ServerResponse) => void) {
  prom = await fakePrometheus(onRequest);
  running = await startNodeServer(
    testConfig({ port: 0, prometheusUrl: prom.url, dataDir: '/nonexistent-promscope-test' }),
    () => {},
  );
  return `${running.url}/api/datasources/proxy/uid/prometheus/api/v1`;
}

describe('client aborts on the Node server', () => {
  it('closes the upstream request when the browser leaves before the answer', async () => {
    const proxy = await start(() => {}); // never answers
    const ac = new AbortController();
    const pending = fetch(`${proxy}/query?query=up`, { signal: ac.signal }).catch(() => null);
    await waitFor(() => prom!.closed.length === 1);
    let upstreamClosed = false;
    void prom!.closed[0]!.then(() => {
      upstreamClosed = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(upstreamClosed).toBe(false);
    ac.abort();
    await pending;
    await waitFor(() => upstreamClosed);
    expect(await prom!.closed[0]).toMatch(/^\/api\/v1\/query\?query=up&timeout=\d+ms$/);
  });

  it('closes the upstream request when the browser leaves in the middle of the body', async () => {
    const proxy = await start((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"success","data":{"resultType":"vector","result":[');
    });
    const ac = new AbortController();
    // No gzip, so the first bytes are not held back in the compressor.
    const res = await fetch(`${proxy}/query?query=up`, {
      signal: ac.signal,
      headers: { 'Accept-Encoding': 'identity' },
    });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^{"status":"success"/);
    let upstreamClosed = false;
    void prom!.closed[0]!.then(() => {
      upstreamClosed = true;
    });
    ac.abort();
    await waitFor(() => upstreamClosed);
  });
});
