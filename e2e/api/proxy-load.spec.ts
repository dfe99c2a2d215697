// The proxy's load-shedding against the real Prometheus, on Node and on Deno: identical
// requests at once cost Prometheus far fewer calls, an old step-aligned range is served from
// the cache, and answers are gzipped for the browser.
//
// The calls are counted on the way to Prometheus, not at Prometheus: the shared Prometheus
// and the shared servers also serve every other spec's live dashboards, whose ticks land in
// any window of time a count spans. So the counting specs run a server of their own (on this
// project's runtime) whose Prometheus URL is a pass-through front that counts its query_range
// calls: that count is this server's calls and nothing else's.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

const proxy = '/api/datasources/proxy/uid/prometheus/api/v1';

interface CountingFront {
  url: string;
  /** query_range calls that reached Prometheus through this front so far. */
  rangeCalls(): number;
  stop(): Promise<void>;
}

/** A pass-through in front of Prometheus that counts the query_range calls it forwards. */
function countingFront(target: string): Promise<CountingFront> {
  const to = new URL(target);
  let calls = 0;
  const front = createServer((req, res) => {
    if (new URL(req.url ?? '/', to).pathname === '/api/v1/query_range') calls++;
    const upstream = httpRequest(
      new URL(req.url ?? '/', to),
      { method: req.method, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    front.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
        rangeCalls: () => calls,
        stop: () =>
          new Promise<void>((done) => {
            front.closeAllConnections();
            front.close(() => done());
          }),
      });
    });
  });
}

async function serverMetric(server: string, prefix: string): Promise<number> {
  const text = await (await fetch(`${server}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

test.describe('on a server of its own, calls to Prometheus counted on the way', () => {
  let front: CountingFront;
  let own: ServerProcess;
  let tmp: string;

  test.beforeAll(async () => {
    const runtime = (test.info().project.metadata.runtime as Runtime | undefined) ?? 'node';
    tmp = await mkdtemp(join(tmpdir(), 'promscope-proxy-load-'));
    front = await countingFront(prometheusUrl());
    own = await startPromscope(runtime, {
      PROMETHEUS_URL: front.url,
      SCRAPE_INTERVAL: '1s',
      DATA_DIR: join(tmp, 'data'),
      DASHBOARDS_DIR: join(tmp, 'none'),
    });
  });

  test.afterAll(async () => {
    await own?.stop();
    await front?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('20 identical range queries at once reach Prometheus far fewer times', async ({
    request,
  }) => {
    const step = 5;
    const end = Math.floor(Date.now() / 1000 / step) * step; // ends now: never from the cache
    const params = new URLSearchParams({
      query: 'sum by (route, status) (rate(http_requests_total{job="demo"}[20s]))',
      start: String(end - 3600),
      end: String(end),
      step: String(step),
    });
    const mergedBefore = await serverMetric(own.url, 'promscope_proxy_coalesced_requests_total');
    const before = front.rangeCalls();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => request.get(`${own.url}${proxy}/query_range?${params}`)),
    );
    const calls = front.rangeCalls() - before;
    const mergedAfter = await serverMetric(own.url, 'promscope_proxy_coalesced_requests_total');

    const bodies = await Promise.all(answers.map((r) => r.text()));
    for (const [i, res] of answers.entries()) {
      expect(res.status()).toBe(200);
      expect(res.headers()['x-promscope-cache']).toBe('bypass');
      expect(bodies[i]).toBe(bodies[0]);
    }
    expect(JSON.parse(bodies[0]!).data.result.length).toBeGreaterThan(0);
    test.info().annotations.push({
      type: 'upstream calls for 20 requests',
      description: `${calls} reached Prometheus`,
    });
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
    expect(mergedAfter - mergedBefore).toBeGreaterThanOrEqual(20 - calls);
  });

  test('an old step-aligned range comes from the cache the second time', async ({ request }) => {
    const step = 60;
    const end = Math.floor(Date.now() / 1000 / step) * step - 600; // ten minutes old
    const params = new URLSearchParams({
      query: `count(up) + ${Math.random()}`, // a query of its own, not cached by an earlier run
      start: String(end - 3600),
      end: String(end),
      step: String(step),
    });
    const before = front.rangeCalls();
    const first = await request.get(`${own.url}${proxy}/query_range?${params}`);
    expect(first.status()).toBe(200);
    expect(first.headers()['x-promscope-cache']).toBe('miss');
    expect(front.rangeCalls() - before).toBe(1);
    const second = await request.get(`${own.url}${proxy}/query_range?${params}`);
    expect(second.headers()['x-promscope-cache']).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    // Nothing reached Prometheus the second time.
    expect(front.rangeCalls() - before).toBe(1);
  });
});

test('answers are gzipped for a browser that accepts it', async ({ server }) => {
  // A settled stretch of the last seconds, so both calls see the same series.
  const end = Math.floor(Date.now() / 1000) - 3;
  const params = new URLSearchParams({
    'match[]': '{job="demo"}',
    start: String(end - 10),
    end: String(end),
  });
  const url = `${server}${proxy}/series?${params}`;
  const zipped = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(zipped.headers.get('content-encoding')).toBe('gzip');
  const plain = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  // fetch decodes the gzip: both bodies are the same series list.
  const a = (await zipped.json()) as { data: unknown[] };
  const b = (await plain.json()) as { data: unknown[] };
  expect(a.data.length).toBeGreaterThan(5);
  expect(a.data).toEqual(b.data);
});
