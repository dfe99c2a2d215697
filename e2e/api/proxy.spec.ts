// The read-only Prometheus proxy against a real Prometheus, on Node and on Deno.
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import { expect, prometheusUrl, test } from '../fixtures.ts';

const proxy = '/api/datasources/proxy/uid/prometheus/api/v1';

test('instant query returns the demo service series', async ({ request }) => {
  const res = await request.get(`${proxy}/query?query=${encodeURIComponent('sum by (job) (up)')}`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe('success');
  const jobs = body.data.result.map((r: { metric: { job: string } }) => r.metric.job).sort();
  expect(jobs).toEqual(expect.arrayContaining(['demo', 'prometheus']));
});

test('range query returns rate samples on the requested grid', async ({ request }) => {
  const end = Math.floor(Date.now() / 1000 / 5) * 5;
  const params = new URLSearchParams({
    query: 'sum by (route) (rate(http_requests_total{job="demo"}[20s]))',
    start: String(end - 60),
    end: String(end),
    step: '5',
  });
  const body = await (await request.get(`${proxy}/query_range?${params}`)).json();
  expect(body.status).toBe('success');
  expect(body.data.resultType).toBe('matrix');
  const routes = body.data.result.map((r: { metric: { route: string } }) => r.metric.route);
  expect(routes).toContain('/api/users/:id');
  const values: [number, string][] = body.data.result[0].values;
  expect(values.length).toBeGreaterThan(0);
  for (const [t, v] of values) {
    expect((end - t) % 5).toBe(0);
    expect(Number(v)).toBeGreaterThanOrEqual(0);
  }
});

test('POST form bodies pass through, as codemirror-promql sends them', async ({ request }) => {
  const res = await request.post(`${proxy}/query`, { form: { query: 'count(up{job="demo"})' } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.data.result[0].value[1]).toBe('1');
});

test('metadata endpoints answer: labels, label values, series, metadata, buildinfo', async ({
  request,
}) => {
  const values = await (await request.get(`${proxy}/label/route/values`)).json();
  expect(values.data).toEqual(expect.arrayContaining(['/api/orders', '/api/users/:id']));
  const labels = await (await request.get(`${proxy}/labels`)).json();
  expect(labels.data).toEqual(expect.arrayContaining(['__name__', 'job', 'route', 'status']));
  const series = await (
    await request.get(`${proxy}/series?${new URLSearchParams({ 'match[]': 'up' })}`)
  ).json();
  expect(series.data.length).toBeGreaterThanOrEqual(2);
  const meta = await (
    await request.get(`${proxy}/metadata?metric=http_request_duration_seconds`)
  ).json();
  expect(meta.data.http_request_duration_seconds[0].type).toBe('histogram');
  const info = await (await request.get(`${proxy}/status/buildinfo`)).json();
  expect(info.data.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("a bad query gets Prometheus' own 400 and message", async ({ request }) => {
  const res = await request.get(`${proxy}/query?query=${encodeURIComponent('sum(rate(x[5m]')}`);
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'error', errorType: 'bad_data' });
  expect(body.error).toMatch(/parse error/);
});

test('admin, lifecycle and config endpoints are never reached', async ({ request }) => {
  for (const path of [
    'admin/tsdb/snapshot',
    'admin/tsdb/delete_series',
    'status/config',
    'write',
    'alertmanagers',
  ]) {
    const res = await request.post(`${proxy}/${path}`, { form: { 'match[]': 'up' } });
    expect(res.status(), path).toBe(404);
  }
  const traversal = await request.get(
    '/api/datasources/proxy/uid/prometheus/api/v1/..%2f..%2f-/quit',
  );
  expect(traversal.status()).toBe(404);
  // Prometheus is still there and still has its data.
  const direct = await fetch(`${prometheusUrl()}/api/v1/query?query=count(up)`);
  expect((await direct.json()).data.result[0].value[1]).not.toBe('0');
});

test('an unknown datasource is a 404 in the Prometheus error shape', async ({ request }) => {
  const res = await request.get('/api/datasources/proxy/uid/nope/api/v1/query?query=up');
  expect(res.status()).toBe(404);
  expect(await res.json()).toMatchObject({ status: 'error', errorType: 'not_found' });
});

test('a live tick that says what it holds gets only the later points', async ({ request }) => {
  // A range a little in the past, so no late scrape (1 s apart) changes it between reads.
  let end = 0;
  const range = (start: number, to: number) =>
    new URLSearchParams({
      query: 'sum by (route) (rate(http_requests_total{job="demo"}[20s]))',
      start: String(start),
      end: String(to),
      step: '5',
    });
  type Series = { metric: Record<string, string>; values: [number, string][] }[];
  let series: Series = [];
  // A freshly started Prometheus may not have rates that far back yet: wait until it has.
  await expect
    .poll(
      async () => {
        end = Math.floor(Date.now() / 1000 / 5) * 5 - 5;
        const full = await (
          await request.get(`${proxy}/query_range?${range(end - 30, end)}`)
        ).json();
        series = full.data.result;
        return series.some((s) => s.values.some(([t]) => t === end - 20));
      },
      { timeout: 45_000 },
    ) // run first, it waits for about 30 s of history
    .toBe(true);
  const held = end - 10;
  const known = formatKnown({ t: held, digest: digestUpTo(series, held, end - 20) });
  const res = await request.get(`${proxy}/query_range?${range(end - 20, end)}`, {
    headers: { 'X-Promscope-Known': known },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()['x-promscope-delta']).toBe('applied');
  const tick = (await res.json()).data.result as Series;
  // Exactly the points after `held`, as Prometheus has them.
  const later = series
    .map((s) => ({ metric: s.metric, values: s.values.filter(([t]) => t > held) }))
    .filter((s) => s.values.length > 0);
  expect(tick).toEqual(later);

  // A held value that differs from Prometheus' gets the whole answer back.
  const wrong = series.map((s) => ({
    ...s,
    values: s.values.map(([t]) => [t, '42'] as [number, string]),
  }));
  const whole = await request.get(`${proxy}/query_range?${range(end - 20, end)}`, {
    headers: {
      'X-Promscope-Known': formatKnown({ t: held, digest: digestUpTo(wrong, held, end - 20) }),
    },
  });
  expect(whole.headers()['x-promscope-delta']).toBe('mismatch');
  expect((await whole.json()).data.result.length).toBe(series.length);
});

test('deep nesting is refused before Prometheus, which would parse it for seconds', async ({
  request,
}) => {
  const deep = `${'-('.repeat(3000)}1${')'.repeat(3000)}`;
  // The attack is real: Prometheus itself accepts it (and spends its parse time on it).
  const direct = await fetch(`${prometheusUrl()}/api/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: deep }),
  });
  expect(await direct.json()).toMatchObject({ status: 'success', data: { resultType: 'scalar' } });
  // Through the proxy, Prometheus' own error shape, naming the limit, as GET and POST.
  const refusal = {
    status: 'error',
    errorType: 'bad_data',
    error: 'query nests ( [ { more than 100 levels deep (MAX_QUERY_NESTING)',
  };
  const post = await request.post(`${proxy}/query`, { form: { query: deep } });
  expect(post.status()).toBe(400);
  expect(await post.json()).toEqual(refusal);
  const get = await request.get(`${proxy}/query?query=${encodeURIComponent(deep)}`);
  expect(get.status()).toBe(400);
  expect(await get.json()).toEqual(refusal);
  // A dashboard query's few levels, and brackets inside a label value, go through.
  const query = `histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{job="demo",route!="${'('.repeat(200)}"}[1m])))`;
  const ok = await request.post(`${proxy}/query`, { form: { query } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).status).toBe('success');
});
