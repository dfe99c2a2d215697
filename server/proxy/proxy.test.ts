import { describe, expect, it } from 'vitest';
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import {
  connectionRefused,
  hang,
  promError,
  promJson,
  type Responder,
  testApp,
} from '../test-helpers.ts';

const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';
const MATRIX = { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[1, '1']] }] };

describe('proxy GET', () => {
  it('passes the query string through untouched and returns upstream status and body', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX) });
    const search =
      '?query=sum%20by%20(job)%20(rate(http_requests_total%7Bjob%3D%22api%22%7D%5B5m%5D))' +
      '&start=1700000000&end=1700003600&step=15';
    const res = await t.request(`${PROXY}/query_range${search}`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'success', data: MATRIX });
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]).toMatchObject({
      // Prometheus' own deadline, a margin inside the proxy's 30 s, is the one thing added.
      url: `http://localhost:9090/api/v1/query_range${search}&timeout=29000ms`,
      method: 'GET',
      body: null,
      redirect: 'manual',
    });
  });

  it('keeps a repeated parameter and its order (match[] for series)', async () => {
    const t = await testApp();
    const search = '?match%5B%5D=up&match%5B%5D=process_start_time_seconds%7Bjob%3D%22a%22%7D';
    await t.request(`${PROXY}/series${search}`);
    expect(t.calls[0]!.url).toBe(`http://localhost:9090/api/v1/series${search}`);
  });

  it('calls the datasource base URL with its path prefix', async () => {
    const t = await testApp({ config: { prometheusUrl: 'https://mimir.example.com/prometheus' } });
    await t.request(`${PROXY}/label/job/values`);
    expect(t.calls[0]!.url).toBe('https://mimir.example.com/prometheus/api/v1/label/job/values');
  });

  it("reports Prometheus' own time in Server-Timing", async () => {
    const t = await testApp();
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.headers.get('Server-Timing')).toMatch(/^upstream;dur=\d+\.\d$/);
  });

  it('marks the answer as data, never a document, and never cached', async () => {
    const t = await testApp();
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Type')).toBe('application/json');
  });
});

describe('proxy POST', () => {
  it('forwards a form body byte for byte with the form content type', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX) });
    const body = 'query=sum(rate(x%7Ba%3D%22%C3%A9%22%7D%5B5m%5D))&start=1&end=2&step=15&x=%2B+y';
    const res = await t.request(`${PROXY}/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body,
    });
    expect(res.status).toBe(200);
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]).toMatchObject({
      url: 'http://localhost:9090/api/v1/query_range',
      method: 'POST',
      body: `${body}&timeout=29000ms`,
    });
    expect(t.calls[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('refuses a JSON body with 415 and no upstream call', async () => {
    const t = await testApp();
    const res = await t.request(`${PROXY}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"query":"up"}',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect(t.calls).toHaveLength(0);
  });
});

describe('proxy refusals', () => {
  it.each(['PUT', 'DELETE', 'PATCH'])(
    '%s → 405 with Allow and no upstream call',
    async (method) => {
      const t = await testApp();
      const res = await t.request(`${PROXY}/query`, { method, body: 'query=up' });
      expect(res.status).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, POST');
      expect(await res.json()).toMatchObject({ status: 'error' });
      expect(t.calls).toHaveLength(0);
    },
  );

  it.each([
    '/admin/tsdb/snapshot',
    '/admin/tsdb/delete_series?match[]=up',
    '/write',
    '/status/config',
    '/query_range/extra',
    '/label/a%2fb/values',
    '/query/..%2f..%2fadmin%2ftsdb%2fsnapshot',
  ])('GET and POST %s → 404 with no upstream call', async (path) => {
    const t = await testApp();
    for (const method of ['GET', 'POST']) {
      const res = await t.request(PROXY + path, {
        method,
        ...(method === 'POST'
          ? { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'x=1' }
          : {}),
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 'error', errorType: 'not_found' });
    }
    expect(t.calls).toHaveLength(0);
  });

  it('refuses lifecycle endpoints outside /api/v1', async () => {
    const t = await testApp();
    for (const path of ['/-/quit', '/-/reload', '/federate']) {
      const res = await t.request(`/api/datasources/proxy/uid/prometheus${path}`, {
        method: 'POST',
      });
      expect(res.status).toBe(404);
    }
    expect(t.calls).toHaveLength(0);
  });

  it('answers 404 for an unknown datasource uid', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources/proxy/uid/nope/api/v1/query?query=up');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'not_found',
      error: 'no datasource with uid "nope"',
    });
    expect(t.calls).toHaveLength(0);
  });
});

describe('proxy upstream answers', () => {
  it.each([
    [400, 'bad_data', 'invalid parameter "query": 1:5: parse error: unexpected <EOF>'],
    [422, 'execution', 'query processing would load too many samples into memory'],
    [503, 'unavailable', 'TSDB not ready'],
  ])('passes an upstream %i body through with its status', async (status, errorType, error) => {
    const t = await testApp({ respond: () => promError(status, errorType, error) });
    const res = await t.request(`${PROXY}/query?query=rate(`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ status: 'error', errorType, error });
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox');
  });

  it('answers 502 unavailable naming the datasource when the upstream cannot be reached', async () => {
    const t = await testApp({ respond: connectionRefused });
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { status: string; errorType: string; error: string };
    expect(body).toMatchObject({ status: 'error', errorType: 'unavailable' });
    expect(body.error).toBe(
      'datasource "Prometheus" (http://localhost:9090) is unreachable: connection refused',
    );
  });

  it('answers 504 timeout when the upstream does not answer in time', async () => {
    const t = await testApp({ respond: hang, config: { upstreamTimeoutMs: 20 } });
    const res = await t.request(`${PROXY}/query_range?query=up&start=1&end=2&step=1`);
    expect(res.status).toBe(504);
    expect(t.calls[0]!.url).toMatch(/&timeout=18ms$/); // Prometheus is asked to stop first
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'timeout',
      error: 'datasource "Prometheus" (http://localhost:9090) did not answer within 0.02s',
    });
  });

  it('does not follow an upstream redirect: 502 and a single upstream call', async () => {
    const redirect: Responder = () =>
      new Response(null, { status: 302, headers: { Location: 'http://169.254.169.254/' } });
    const t = await testApp({ respond: redirect });
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { errorType: string; error: string };
    expect(body.errorType).toBe('unavailable');
    expect(body.error).toMatch(/redirect \(HTTP 302\), which is not followed/);
    expect(res.headers.get('Location')).toBeNull();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.redirect).toBe('manual');
  });
});

describe('proxy headers', () => {
  it('forwards neither the Cookie nor the Authorization of the browser', async () => {
    const t = await testApp();
    await t.request(`${PROXY}/query?query=up`, {
      headers: {
        Cookie: 'grafana_session=abc',
        Authorization: 'Bearer browser-token',
        'X-Forwarded-For': '10.0.0.1',
        'X-Scope-OrgID': 'tenant',
        Accept: 'application/json',
      },
    });
    const sent = t.calls[0]!.headers;
    expect(sent.cookie).toBeUndefined();
    expect(sent.authorization).toBeUndefined();
    expect(sent['x-forwarded-for']).toBeUndefined();
    expect(sent['x-scope-orgid']).toBeUndefined();
    expect(Object.keys(sent).sort()).toEqual(['accept']);
  });

  it('sends the server-side credentials of the datasource instead', async () => {
    const t = await testApp();
    t.registry.get('prometheus')!.authorization = 'Basic c2VydmVyOnNpZGU=';
    await t.request(`${PROXY}/query?query=up`, {
      headers: { Authorization: 'Bearer browser-token' },
    });
    expect(t.calls[0]!.headers.authorization).toBe('Basic c2VydmVyOnNpZGU=');
  });

  it('does not return upstream Set-Cookie or other upstream headers', async () => {
    const t = await testApp({
      respond: () =>
        promJson(MATRIX, 200, {
          'Set-Cookie': 'session=upstream; Path=/',
          'Access-Control-Allow-Origin': '*',
          'Content-Type': 'text/html',
        }),
    });
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    // Even an HTML answer cannot run: it is sandboxed and never sniffed.
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('the type of a proxied answer', () => {
  // An upstream that calls its answer a script: copied through, a same-origin
  // <script src="/api/datasources/proxy/…"> would run it (issue #13, item 6).
  const script = { 'Content-Type': 'text/javascript; charset=utf-8' };
  const big = 'x'.repeat(100 * 1024); // over the 64 KiB read whole: streamed

  it('is JSON whatever the upstream said, small or streamed, success or error', async () => {
    const t = await testApp({
      respond: (url) =>
        url.includes('query=err')
          ? new Response('alert(document.cookie)', { status: 400, headers: script })
          : url.includes('query=big')
            ? new Response(`alert(1)//${big}`, { headers: script })
            : new Response('alert(1)', { headers: { ...script, 'Content-Length': '8' } }),
    });
    for (const q of ['small', 'big', 'err']) {
      for (const enc of ['gzip', 'identity']) {
        const res = await t.request(`${PROXY}/query?query=${q}`, {
          headers: { 'Accept-Encoding': enc },
        });
        expect(res.headers.get('Content-Type'), `${q} ${enc}`).toBe('application/json');
        expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
        await res.arrayBuffer();
      }
    }
  });

  it('is JSON from the range cache and for a live tick too', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX, 200, script) });
    const old = `${PROXY}/query_range?query=up&start=0&end=60&step=60`;
    const first = await t.request(old);
    expect(first.headers.get('X-Promscope-Cache')).toBe('miss');
    await first.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50)); // the cache is filled once the flight ends
    const hit = await t.request(old);
    expect(hit.headers.get('X-Promscope-Cache')).toBe('hit');
    expect(hit.headers.get('Content-Type')).toBe('application/json');
    const tick = await t.request(`${PROXY}/query_range?query=up&start=0&end=60&step=30`, {
      headers: { 'X-Promscope-Known': formatKnown({ t: 1, digest: digestUpTo([], 1) }) },
    });
    expect(tick.headers.get('X-Promscope-Delta')).toBeTruthy();
    expect(tick.headers.get('Content-Type')).toBe('application/json');
  });
});

describe('live ticks that say what the browser holds (X-Promscope-Known)', () => {
  const series = [
    {
      metric: { route: '/a' },
      values: [
        [100, '1'],
        [110, '2'],
        [120, '3'],
      ],
    },
    { metric: { route: '/b' }, values: [[110, '5']] },
  ] as { metric: Record<string, string>; values: [number, string][] }[];
  const tick = `${PROXY}/query_range?query=x&start=100&end=120&step=10`;
  const knownHeader = (values = series) => ({
    'X-Promscope-Known': formatKnown({ t: 110, digest: digestUpTo(values, 110) }),
  });

  it('get only the points after what they hold, from the same upstream call as anyone', async () => {
    const t = await testApp({ respond: () => promJson({ resultType: 'matrix', result: series }) });
    const [plain, delta] = await Promise.all([
      t.request(tick),
      t.request(tick, { headers: knownHeader() }),
    ]);
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.headers['x-promscope-known']).toBeUndefined();
    expect((await plain.json()).data.result).toEqual(series);
    expect(delta.status).toBe(200);
    expect(delta.headers.get('X-Promscope-Delta')).toBe('applied');
    expect(delta.headers.get('Content-Type')).toBe('application/json');
    expect(await delta.json()).toEqual({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: { route: '/a' }, values: [[120, '3']] }] },
    });
  });

  it('get the whole answer when a value they hold has changed since', async () => {
    const t = await testApp({ respond: () => promJson({ resultType: 'matrix', result: series }) });
    const stale = [
      {
        ...series[0]!,
        values: [
          [100, '1'],
          [110, '1.5'],
        ],
      },
      series[1]!,
    ] as typeof series;
    const res = await t.request(tick, { headers: knownHeader(stale) });
    expect(res.headers.get('X-Promscope-Delta')).toBe('mismatch');
    expect((await res.json()).data.result).toEqual(series);
    const metrics = await (await t.request('/metrics')).text();
    expect(metrics).toMatch(/promscope_proxy_live_delta_total\{outcome="mismatch"\} 1/);
  });

  it("take a slot of the datasource's budget for the delta: none free, the whole answer", async () => {
    // One call at a time and no queue; an old range (cached), so the tick needs no call.
    let release: (() => void) | undefined;
    const t = await testApp({
      config: { upstreamConcurrency: 1, upstreamQueue: 0 },
      respond: (url) =>
        url.includes('query=slow')
          ? new Promise((resolve) => {
              release = () => resolve(promJson({ resultType: 'vector', result: [] }));
            })
          : promJson({ resultType: 'matrix', result: series }),
    });
    const old = `${PROXY}/query_range?query=x&start=0&end=120&step=10`;
    await (await t.request(old)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 50)); // the cache is filled once the flight ends
    const slow = t.request(`${PROXY}/query?query=slow`); // holds the one slot
    while (!release) await new Promise((r) => setTimeout(r, 5));
    const busy = await t.request(old, { headers: knownHeader() });
    expect(busy.headers.get('X-Promscope-Cache')).toBe('hit');
    expect(busy.headers.get('X-Promscope-Delta')).toBe('skipped');
    expect((await busy.json()).data.result).toEqual(series);
    release();
    await (await slow).arrayBuffer();
    const free = await t.request(old, { headers: knownHeader() });
    expect(free.headers.get('X-Promscope-Delta')).toBe('applied');
    expect(t.calls).toHaveLength(2);
  });

  it("leave Prometheus' errors and other endpoints alone", async () => {
    const t = await testApp({ respond: () => promError(400, 'bad_data', 'parse error') });
    const res = await t.request(tick, { headers: knownHeader() });
    expect(res.status).toBe(400);
    expect(res.headers.get('X-Promscope-Delta')).toBeNull();
    expect((await res.json()).error).toBe('parse error');
    const ok = await testApp({ respond: () => promJson({ resultType: 'vector', result: [] }) });
    const instant = await ok.request(`${PROXY}/query?query=x&time=120`, { headers: knownHeader() });
    expect(instant.headers.get('X-Promscope-Delta')).toBeNull();
  });
});
