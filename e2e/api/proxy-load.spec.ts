// The proxy's load-shedding against the real Prometheus, on Node and on Deno: identical
// requests at once cost Prometheus far fewer calls (as Prometheus itself counts them), an old
// step-aligned range is served from the cache, and answers are gzipped for the browser.
import { expect, prometheusUrl, test } from '../fixtures.ts';

const proxy = '/api/datasources/proxy/uid/prometheus/api/v1';

/** Prometheus' own count of its query_range calls, read from its /metrics, not a scrape. */
async function queryRangeCalls(): Promise<number> {
  const text = await (await fetch(`${prometheusUrl()}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => /^prometheus_http_requests_total\{.*handler="\/api\/v1\/query_range"/.test(l))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

/** This server's upstream query_range calls (the latency histogram's count). */
const UPSTREAM_RANGE_CALLS =
  'promscope_upstream_request_duration_seconds_count{datasource="prometheus",endpoint="query_range"';

async function serverMetric(server: string, prefix: string): Promise<number> {
  const text = await (await fetch(`${server}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

test('20 identical range queries at once reach Prometheus far fewer times', async ({
  request,
  server,
}) => {
  const step = 5;
  const end = Math.floor(Date.now() / 1000 / step) * step; // ends now: never from the cache
  const params = new URLSearchParams({
    query: 'sum by (route, status) (rate(http_requests_total{job="demo"}[20s]))',
    start: String(end - 3600),
    end: String(end),
    step: String(step),
  });
  const mergedBefore = await serverMetric(server, 'promscope_proxy_coalesced_requests_total');
  const oursBefore = await serverMetric(server, UPSTREAM_RANGE_CALLS);
  const before = await queryRangeCalls();
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => request.get(`${proxy}/query_range?${params}`)),
  );
  const after = await queryRangeCalls();
  const mergedAfter = await serverMetric(server, 'promscope_proxy_coalesced_requests_total');
  const ours = (await serverMetric(server, UPSTREAM_RANGE_CALLS)) - oursBefore;

  const bodies = await Promise.all(answers.map((r) => r.text()));
  for (const [i, res] of answers.entries()) {
    expect(res.status()).toBe(200);
    expect(res.headers()['x-promscope-cache']).toBe('bypass');
    expect(bodies[i]).toBe(bodies[0]);
  }
  expect(JSON.parse(bodies[0]!).data.result.length).toBeGreaterThan(0);
  // Prometheus counts every client's calls, including other specs' live dashboards running
  // beside this one; this server's own count of its upstream calls is exact.
  const upstream = after - before;
  test.info().annotations.push({
    type: 'upstream calls for 20 requests',
    description: `${ours} from this server; Prometheus counted ${upstream} from everyone`,
  });
  expect(ours).toBeGreaterThanOrEqual(1);
  expect(ours).toBeLessThanOrEqual(2);
  expect(upstream).toBeLessThan(20);
  expect(mergedAfter - mergedBefore).toBeGreaterThanOrEqual(20 - ours);
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
  const first = await request.get(`${proxy}/query_range?${params}`);
  expect(first.status()).toBe(200);
  expect(first.headers()['x-promscope-cache']).toBe('miss');
  const before = await queryRangeCalls();
  const second = await request.get(`${proxy}/query_range?${params}`);
  expect(second.headers()['x-promscope-cache']).toBe('hit');
  expect(await second.text()).toBe(await first.text());
  // Nothing of ours reached Prometheus (others' calls, if any, are few and would be > 0 only by chance).
  expect((await queryRangeCalls()) - before).toBeLessThanOrEqual(2);
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
