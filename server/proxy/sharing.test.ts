// The proxy's load-shedding through the whole app: merged identical calls, the range cache,
// the per-datasource queue, the size cap, client aborts and gzip. The upstream is a mocked
// fetch whose answers the tests hold back and release, to make the faults a real Prometheus
// cannot be made to produce on cue.
import { describe, expect, it, vi } from 'vitest';
import { promError, promJson, type Responder, testApp } from '../test-helpers.ts';
import { SHARE_AFTER_MS } from './flights.ts';

const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';
const MATRIX = { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[60, '1']] }] };

/** Answers held until `release()`; `signals` are the upstream requests' abort signals. */
function gate(answer: () => Response = () => promJson(MATRIX)) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const signals: AbortSignal[] = [];
  const respond: Responder = async (_url, init) => {
    signals.push(init.signal!);
    await Promise.race([
      opened,
      new Promise((_, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      ),
    ]);
    return answer();
  };
  return { respond, release: open, signals };
}

/** A body whose chunks the test pushes; records whether the proxy cancelled it. */
function pushedBody() {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      ctrl = c;
    },
    cancel: () => {
      state.cancelled = true;
    },
  });
  const enc = new TextEncoder();
  return {
    stream,
    state,
    push: (text: string) => ctrl.enqueue(enc.encode(text)),
    end: () => ctrl.close(),
  };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** An old, step-aligned range (cacheable) or one ending now (never cached). */
function rangeSearch(kind: 'old' | 'fresh', query = 'up') {
  const step = 60;
  const now = Math.floor(Date.now() / 1000 / step) * step;
  const end = kind === 'old' ? now - 3600 : now;
  return `?${new URLSearchParams({ query, start: String(end - 3600), end: String(end), step: String(step) })}`;
}

async function metric(t: { request: (p: string) => Promise<Response> }, line: string) {
  const text = await (await t.request('/metrics')).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('merging identical requests', () => {
  it('N identical concurrent requests make one upstream call and get N identical answers', async () => {
    const g = gate(() => promJson(MATRIX, 200, { 'Content-Type': 'application/json' }));
    const t = await testApp({ respond: g.respond });
    const search = rangeSearch('fresh');
    const pending = Array.from({ length: 8 }, () => t.request(`${PROXY}/query_range${search}`));
    await tick();
    g.release();
    const answers = await Promise.all(pending);
    expect(t.calls).toHaveLength(1);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('Server-Timing')).toBe(answers[0]!.headers.get('Server-Timing'));
      expect(res.headers.get('Content-Security-Policy')).toBe('sandbox');
      expect(JSON.parse(bodies[i]!)).toEqual({ status: 'success', data: MATRIX });
    }
    expect(
      await metric(
        t,
        'promscope_proxy_coalesced_requests_total{datasource="prometheus",endpoint="query_range"}',
      ),
    ).toBe(7);
  });

  it('merges a GET and a POST of the same parameters in any order', async () => {
    const g = gate();
    const t = await testApp({ respond: g.respond });
    const get = t.request(`${PROXY}/query?query=sum(up)&time=100`);
    const post = t.request(`${PROXY}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'time=100&query=sum%28up%29',
    });
    await tick();
    g.release();
    const [a, b] = await Promise.all([get, post]);
    expect(t.calls).toHaveLength(1);
    expect(await a.json()).toEqual(await b.json());
  });

  it('makes separate calls for different parameters, endpoints or datasources', async () => {
    const g = gate();
    const t = await testApp({ respond: g.respond });
    await t.registry.add('http://other:9090');
    const other = t.registry.findByUrl('http://other:9090')!.uid;
    const pending = [
      t.request(`${PROXY}/query?query=up`),
      t.request(`${PROXY}/query?query=up&time=1`),
      t.request(`${PROXY}/query?query=down`),
      t.request(`${PROXY}/series?match[]=up`),
      t.request(`/api/datasources/proxy/uid/${other}/api/v1/query?query=up`),
    ];
    await tick();
    g.release();
    await Promise.all(pending);
    expect(t.calls).toHaveLength(5);
  });

  it('gives a request that joins mid-body the whole answer, byte for byte', async () => {
    const body = pushedBody();
    const t = await testApp({
      respond: () => new Response(body.stream, { headers: { 'Content-Type': 'application/json' } }),
    });
    const first = await t.request(`${PROXY}/query?query=up`);
    const reader = first.body!.getReader();
    body.push('{"status":"success",');
    await reader.read(); // the first client has had its first bytes
    const late = await t.request(`${PROXY}/query?query=up`);
    body.push('"data":{"resultType":"vector","result":[]}}');
    body.end();
    expect(await late.text()).toBe(
      '{"status":"success","data":{"resultType":"vector","result":[]}}',
    );
    expect(t.calls).toHaveLength(1);
    reader.releaseLock();
  });

  it('shares an upstream error the same way, then calls again for the next request', async () => {
    let n = 0;
    const g = gate(() => promError(422, 'execution', `too many samples (${++n})`));
    const t = await testApp({ respond: g.respond });
    const pending = [1, 2, 3].map(() => t.request(`${PROXY}/query?query=up`));
    await tick();
    g.release();
    const answers = await Promise.all(pending);
    for (const res of answers) {
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: 'too many samples (1)' });
    }
    await t.request(`${PROXY}/query?query=up`);
    expect(t.calls).toHaveLength(2);
  });
});

describe('clients going away', () => {
  it('aborts the upstream call when its only client goes away before the answer', async () => {
    const g = gate();
    const t = await testApp({ respond: g.respond });
    const ac = new AbortController();
    const pending = t.request(`${PROXY}/query?query=up`, { signal: ac.signal });
    await tick();
    expect(g.signals[0]!.aborted).toBe(false);
    ac.abort();
    await pending.catch(() => undefined);
    await tick();
    expect(g.signals[0]!.aborted).toBe(true);
  });

  it('keeps the call while another client still waits; aborts it when the last one leaves', async () => {
    const g = gate();
    const t = await testApp({ respond: g.respond });
    const a = new AbortController();
    const b = new AbortController();
    void t.request(`${PROXY}/query?query=up`, { signal: a.signal }).catch(() => undefined);
    const second = t.request(`${PROXY}/query?query=up`, { signal: b.signal });
    await tick();
    a.abort();
    await tick();
    expect(g.signals[0]!.aborted).toBe(false);
    b.abort();
    await second.catch(() => undefined);
    await tick();
    expect(g.signals[0]!.aborted).toBe(true);
    // An abandoned call takes no new waiters: the next request starts afresh.
    g.release();
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.status).toBe(200);
    expect(t.calls).toHaveLength(2);
  });

  it('cancels the upstream body when the client stops reading mid-answer', async () => {
    const body = pushedBody();
    const t = await testApp({ respond: () => new Response(body.stream) });
    const res = await t.request(`${PROXY}/query?query=up`);
    body.push('{"status":"success","data":');
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await tick();
    expect(body.state.cancelled).toBe(true);
  });
});

describe('the range cache', () => {
  it('serves an old step-aligned range from memory the second time', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX) });
    const search = rangeSearch('old');
    const first = await t.request(`${PROXY}/query_range${search}`);
    expect(first.headers.get('X-Promscope-Cache')).toBe('miss');
    const firstBody = await first.text();
    const second = await t.request(`${PROXY}/query_range${search}`);
    expect(second.headers.get('X-Promscope-Cache')).toBe('hit');
    expect(second.headers.get('Content-Type')).toBe('application/json');
    expect(second.headers.get('Content-Security-Policy')).toBe('sandbox');
    expect(await second.text()).toBe(firstBody);
    expect(t.calls).toHaveLength(1);
    expect(await metric(t, 'promscope_proxy_cache_requests_total{result="hit"}')).toBe(1);
    expect(await metric(t, 'promscope_proxy_cache_requests_total{result="miss"}')).toBe(1);
    expect(await metric(t, 'promscope_proxy_cache_entries')).toBe(1);
  });

  it('never caches a range that reaches the freshest minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const t = await testApp({ respond: () => promJson(MATRIX) });
      const search = rangeSearch('fresh');
      for (let i = 0; i < 2; i++) {
        const res = await t.request(`${PROXY}/query_range${search}`);
        expect(res.headers.get('X-Promscope-Cache')).toBe('bypass');
        await res.text();
        // Past the moment a finished answer is still shared.
        vi.advanceTimersByTime(SHARE_AFTER_MS + 1);
      }
      expect(t.calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a just-finished answer to identical requests arriving within 2 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const t = await testApp({ respond: () => promJson(MATRIX) });
      const search = rangeSearch('fresh');
      const first = await (await t.request(`${PROXY}/query_range${search}`)).text();
      vi.advanceTimersByTime(SHARE_AFTER_MS - 100);
      const second = await (await t.request(`${PROXY}/query_range${search}`)).text();
      expect(second).toBe(first);
      expect(t.calls).toHaveLength(1);
      vi.advanceTimersByTime(200);
      await (await t.request(`${PROXY}/query_range${search}`)).text();
      expect(t.calls).toHaveLength(2);
      // An instant query at "now" is never handed on: it is always asked anew.
      const now = `?query=${encodeURIComponent('up')}`;
      await (await t.request(`${PROXY}/query${now}`)).text();
      await (await t.request(`${PROXY}/query${now}`)).text();
      expect(t.calls).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([false, true])('never hands on a finished partial answer (gzip: %s)', async (gzip) => {
    const partialAnswer = () =>
      new Response(
        JSON.stringify({ status: 'success', data: MATRIX, warnings: ['partial: store down'] }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    const t = await testApp({ gzip, respond: partialAnswer });
    const search = rangeSearch('fresh');
    await (await t.request(`${PROXY}/query_range${search}`)).arrayBuffer();
    await (await t.request(`${PROXY}/query_range${search}`)).arrayBuffer();
    expect(t.calls).toHaveLength(2);
  });

  it('never caches an error or a partial answer with warnings', async () => {
    const answers = [
      () => promError(503, 'unavailable', 'TSDB not ready'),
      () =>
        new Response(
          JSON.stringify({ status: 'success', data: MATRIX, warnings: ['partial: store down'] }),
        ),
    ];
    for (const answer of answers) {
      const t = await testApp({ respond: answer });
      const search = rangeSearch('old');
      for (let i = 0; i < 2; i++) {
        const res = await t.request(`${PROXY}/query_range${search}`);
        expect(res.headers.get('X-Promscope-Cache')).toBe('miss');
        await res.text();
      }
      expect(t.calls).toHaveLength(2);
    }
  });

  it('is off with CACHE_SIZE=0', async () => {
    const t = await testApp({ config: { cacheMaxBytes: 0 } });
    const search = rangeSearch('old');
    await (await t.request(`${PROXY}/query_range${search}`)).text();
    const res = await t.request(`${PROXY}/query_range${search}`);
    expect(res.headers.get('X-Promscope-Cache')).toBe('bypass');
    expect(t.calls).toHaveLength(2);
  });
});

describe('upstream concurrency', () => {
  it('runs at most UPSTREAM_CONCURRENCY calls, queues, and answers 429 when the queue is full', async () => {
    const g = gate();
    const t = await testApp({
      respond: g.respond,
      config: { upstreamConcurrency: 2, upstreamQueue: 1 },
    });
    const pending = [1, 2, 3].map((i) => t.request(`${PROXY}/query?query=q${i}`));
    await tick();
    expect(t.calls).toHaveLength(2);
    expect(await metric(t, 'promscope_upstream_queue_length{datasource="prometheus"}')).toBe(1);
    expect(await metric(t, 'promscope_upstream_in_flight{datasource="prometheus"}')).toBe(2);

    const refused = await t.request(`${PROXY}/query?query=q4`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    const body = (await refused.json()) as { status: string; errorType: string; error: string };
    expect(body).toMatchObject({ status: 'error', errorType: 'too_many_requests' });
    expect(body.error).toBe(
      'datasource "Prometheus" is busy: 2 upstream requests running and 1 waiting; the queue is full; try again shortly',
    );
    expect(t.calls).toHaveLength(2);

    g.release();
    const answers = await Promise.all(pending);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(t.calls.map((c) => new URL(c.url).searchParams.get('query'))).toEqual([
      'q1',
      'q2',
      'q3',
    ]);
    expect(await metric(t, 'promscope_upstream_rejected_total{datasource="prometheus"}')).toBe(1);
    expect(await metric(t, 'promscope_upstream_in_flight{datasource="prometheus"}')).toBe(0);
  });

  it('gives up the place in the queue when the queued client goes away', async () => {
    const g = gate();
    const t = await testApp({ respond: g.respond, config: { upstreamConcurrency: 1 } });
    const first = t.request(`${PROXY}/query?query=a`);
    const ac = new AbortController();
    const queued = t.request(`${PROXY}/query?query=b`, { signal: ac.signal });
    await tick();
    expect(await metric(t, 'promscope_upstream_queue_length{datasource="prometheus"}')).toBe(1);
    ac.abort();
    await queued.catch(() => undefined);
    await tick();
    expect(await metric(t, 'promscope_upstream_queue_length{datasource="prometheus"}')).toBe(0);
    g.release();
    expect((await first).status).toBe(200);
    expect(t.calls).toHaveLength(1); // b never reached the upstream
  });

  it('counts the time queued against the deadline: 504 when no slot frees in time', async () => {
    const body = pushedBody(); // holds the only slot: its body never ends
    const t = await testApp({
      respond: () => new Response(body.stream),
      config: { upstreamConcurrency: 1, upstreamTimeoutMs: 50 },
    });
    const first = await t.request(`${PROXY}/query?query=a`);
    expect(first.status).toBe(200);
    const queued = await t.request(`${PROXY}/query?query=b`);
    expect(queued.status).toBe(504);
    expect(await queued.json()).toMatchObject({
      errorType: 'timeout',
      error: 'datasource "Prometheus" (http://localhost:9090) did not answer within 0.05s',
    });
    expect(t.calls).toHaveLength(1);
    body.end();
  });
});

describe('upstream fairness between clients', () => {
  /** Each upstream call held until the test answers it by its query. */
  function heldCalls() {
    const waiting = new Map<string, () => void>();
    const respond: Responder = async (url) => {
      const query = new URL(url).searchParams.get('query')!;
      await new Promise<void>((resolve) => waiting.set(query, resolve));
      return promJson(MATRIX);
    };
    const answer = async (query: string) => {
      waiting.get(query)!();
      waiting.delete(query);
      await tick();
    };
    return { respond, answer };
  }
  const SLOW = '203.0.113.1'; // documentation addresses: no traffic, only names
  const OTHER = '203.0.113.2';
  const ask = (t: Awaited<ReturnType<typeof testApp>>, query: string, from: string) =>
    t.request(`${PROXY}/query?query=${query}`, undefined, from);
  const sent = (t: { calls: { url: string }[] }) =>
    t.calls.map((c) => new URL(c.url).searchParams.get('query'));

  it("sends another client's query next after a slow client's one running, not after its 50 queued", async () => {
    const h = heldCalls();
    const t = await testApp({
      respond: h.respond,
      config: { upstreamConcurrency: 1, upstreamPerClient: 100 },
    });
    const slow = Array.from({ length: 51 }, (_, i) => ask(t, `slow${i}`, SLOW));
    await tick();
    const other = ask(t, 'other', OTHER);
    await tick();
    expect(sent(t)).toEqual(['slow0']);
    expect(await metric(t, 'promscope_upstream_queue_length{datasource="prometheus"}')).toBe(51);
    await h.answer('slow0');
    expect(sent(t)).toEqual(['slow0', 'other']);
    await h.answer('other');
    expect((await other).status).toBe(200);
    for (let i = 1; i <= 50; i++) await h.answer(`slow${i}`);
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual(Array(51).fill(200));
    expect(sent(t)).toHaveLength(52);
  });

  it('answers a client past UPSTREAM_PER_CLIENT with 429 while another is served', async () => {
    const h = heldCalls();
    const t = await testApp({
      respond: h.respond,
      config: { upstreamConcurrency: 3, upstreamPerClient: 4 },
    });
    const slow = Array.from({ length: 4 }, (_, i) => ask(t, `slow${i}`, SLOW));
    await tick();
    // One slot of three is never the slow client's: it runs two, two wait.
    expect(sent(t)).toEqual(['slow0', 'slow1']);
    const refused = await ask(t, 'slow4', SLOW);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await refused.json()).toEqual({
      status: 'error',
      errorType: 'too_many_requests',
      error:
        'datasource "Prometheus" is busy: 203.0.113.1 has 2 upstream requests running and 2 ' +
        'waiting, the most one client may have (UPSTREAM_PER_CLIENT); try again shortly',
    });
    const other = ask(t, 'other', OTHER);
    await tick();
    expect(sent(t)).toEqual(['slow0', 'slow1', 'other']);
    await h.answer('other');
    expect((await other).status).toBe(200);
    // Loopback is not capped: this machine's own user, or a reverse proxy's many users.
    const local = Array.from({ length: 6 }, (_, i) => ask(t, `local${i}`, '127.0.0.1'));
    await tick();
    expect(await metric(t, 'promscope_upstream_queue_length{datasource="prometheus"}')).toBe(7);
    for (const q of ['slow0', 'slow1', 'slow2', 'slow3', 'local0', 'local1', 'local2']) {
      await h.answer(q);
    }
    for (const q of ['local3', 'local4', 'local5']) await h.answer(q);
    const statuses = (await Promise.all([...slow, ...local])).map((r) => r.status);
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await metric(t, 'promscope_upstream_in_flight{datasource="prometheus"}')).toBe(0);
  });
});

describe('the response size cap', () => {
  it('refuses an answer whose declared length is over the cap with a JSON 502', async () => {
    const body = pushedBody();
    const t = await testApp({
      config: { maxResponseBytes: 1024 * 1024 },
      respond: () => new Response(body.stream, { headers: { 'Content-Length': '2000000' } }),
    });
    const res = await t.request(`${PROXY}/query_range${rangeSearch('fresh')}`);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'too_large',
      error:
        'the answer of datasource "Prometheus" is over the 1 MiB response limit; narrow the query: ' +
        'fewer series (more selective labels or an aggregation), a shorter range or a larger step',
    });
    expect(body.state.cancelled).toBe(true);
    expect(await metric(t, 'promscope_upstream_too_large_total{datasource="prometheus"}')).toBe(1);
  });

  it('cuts an undeclared body at the cap: the client never gets more, the upstream stops', async () => {
    const body = pushedBody();
    const t = await testApp({
      config: { maxResponseBytes: 100 },
      respond: () => new Response(body.stream),
    });
    const res = await t.request(`${PROXY}/query?query=up`);
    const reader = res.body!.getReader();
    let received = 0;
    body.push('x'.repeat(60));
    received += (await reader.read()).value!.byteLength;
    body.push('x'.repeat(60));
    await expect(reader.read()).rejects.toThrow('upstream answer over 100 bytes');
    expect(received).toBe(60);
    expect(body.state.cancelled).toBe(true);
  });
});

describe('compression', () => {
  it('gzips the streamed answer when the browser accepts it; it decodes to the same bytes', async () => {
    const big = {
      resultType: 'matrix',
      result: Array.from({ length: 50 }, (_, i) => ({
        metric: { job: `job-${i}` },
        values: Array.from({ length: 20 }, (_, j) => [j * 15, String(j)]),
      })),
    };
    const upstreamText = JSON.stringify({ status: 'success', data: big });
    const t = await testApp({ respond: () => new Response(upstreamText) });
    const res = await t.request(`${PROXY}/query?query=up`, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toContain('Accept-Encoding');
    const zipped = new Uint8Array(await res.arrayBuffer());
    expect(zipped.byteLength).toBeLessThan(upstreamText.length / 5);
    const unzipped = await new Response(
      new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(unzipped).toBe(upstreamText);
  });

  it('sends plain bytes to a client that does not accept gzip', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX) });
    const res = await t.request(`${PROXY}/query?query=up`);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.json()).toEqual({ status: 'success', data: MATRIX });
  });
});
