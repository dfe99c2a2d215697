import { describe, expect, it } from 'vitest';
import {
  connectionRefused,
  hang,
  MemoryFs,
  prometheusLike,
  promJson,
  testApp,
} from '../test-helpers.ts';
import { VERSION } from '../version.ts';
import { HealthChecker, type Timers } from './health.ts';
import type { Datasource } from './registry.ts';
import { fetchUpstream } from './upstream.ts';

describe('GET /api/health', () => {
  it('reports each datasource with the Prometheus version from buildinfo', async () => {
    const t = await testApp();
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      version: VERSION,
      readOnly: false,
      datasources: [
        {
          uid: 'prometheus',
          name: 'Prometheus',
          url: 'http://localhost:9090',
          up: true,
          prometheusVersion: '3.5.0',
        },
      ],
    });
    expect(t.calls.map((c) => c.url)).toEqual(['http://localhost:9090/api/v1/status/buildinfo']);
  });

  it('says whether the server is read-only, so the UI can hide editing', async () => {
    const t = await testApp({ config: { readOnly: true } });
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', readOnly: true });
  });

  it('reports a datasource that cannot be reached as down, with the reason', async () => {
    const t = await testApp({ respond: connectionRefused });
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: VERSION,
      readOnly: false,
      datasources: [
        {
          uid: 'prometheus',
          name: 'Prometheus',
          url: 'http://localhost:9090',
          up: false,
          error:
            'datasource "Prometheus" (http://localhost:9090) is unreachable: connection refused',
        },
      ],
    });
  });

  it('probes the upstream once for viewers polling together', async () => {
    const t = await testApp();
    await Promise.all([t.request('/api/health'), t.request('/api/health')]);
    await t.request('/api/health');
    expect(t.calls).toHaveLength(1);
  });
});

describe('GET /api/health with many added datasources', () => {
  it('never calls them all at once: four at a time, the configured one apart', async () => {
    const added = Array.from({ length: 12 }, (_, i) => ({
      uid: `a${i}`,
      name: `A${i}`,
      url: `http://a${i}:9090`,
    }));
    const fs = new MemoryFs({ '/data/datasources.json': JSON.stringify({ datasources: added }) });
    let inFlight = 0;
    let most = 0;
    const t = await testApp({
      fs,
      // The added ones never answer (until the probe's own timeout); the configured one does.
      respond: (url, init) => {
        if (url.startsWith('http://localhost:9090/')) return prometheusLike(url, init);
        inFlight++;
        most = Math.max(most, inFlight);
        return hang(url, init).finally(() => inFlight--);
      },
    });
    const body = (await (await t.request('/api/health')).json()) as {
      datasources: { uid: string; up: boolean; checking?: boolean }[];
    };
    expect(body.datasources[0]).toMatchObject({ uid: 'prometheus', up: true });
    // Not up: still checking, or (the first four, as the answer's wait ends) timed out.
    expect(body.datasources.slice(1).filter((d) => d.up)).toEqual([]);
    expect(most).toBe(4); // the old answer probed all twelve at once, and waited for them
  });
});

describe('GET /api/health for servers without buildinfo', () => {
  it('counts a server that answers the query API as up, without a version', async () => {
    const t = await testApp({
      respond: (url) =>
        url.includes('/status/buildinfo')
          ? new Response('404 page not found', { status: 404 })
          : promJson({ resultType: 'scalar', result: [0, '1'] }),
    });
    const body = (await (await t.request('/api/health')).json()) as { datasources: unknown[] };
    expect(body.datasources).toEqual([
      { uid: 'prometheus', name: 'Prometheus', url: 'http://localhost:9090', up: true },
    ]);
    expect(t.calls.map((c) => c.url)).toEqual([
      'http://localhost:9090/api/v1/status/buildinfo',
      'http://localhost:9090/api/v1/query?query=1',
    ]);
  });

  it('counts a server that answers neither like Prometheus as down', async () => {
    const t = await testApp({ respond: () => new Response('<html></html>', { status: 200 }) });
    const body = (await (await t.request('/api/health')).json()) as {
      datasources: { up: boolean; error?: string }[];
    };
    expect(body.datasources[0]).toMatchObject({
      up: false,
      error: 'http://localhost:9090 does not answer like Prometheus (HTTP 200 from /api/v1/query)',
    });
  });
});

/** Timers the test moves by hand: `advance` runs what falls due, in order, letting probes settle. */
function manualTimers() {
  let clock = 0; // ms
  let nextId = 1;
  const due = new Map<number, { fn: () => void; at: number }>();
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  };
  const timers: Timers = {
    set(fn, ms) {
      const id = nextId++;
      due.set(id, { fn, at: clock + ms });
      return id;
    },
    clear: (id) => void due.delete(id as number),
  };
  return {
    timers,
    now: () => clock,
    settle,
    async advance(ms: number) {
      const until = clock + ms;
      for (;;) {
        const [id, next] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (id === undefined || next!.at > until) break;
        due.delete(id);
        clock = next!.at;
        next!.fn();
        await settle();
      }
      clock = until;
    },
  };
}

describe('HealthChecker: probed in the background, answered from the latest probe', () => {
  const ds = (uid: string, provisioned = false) =>
    ({ uid, name: uid, url: `http://${uid}:9090`, provisioned }) as Datasource;

  /** A fetch answering up or down as `state.down` says per host; `gates` hold a host's answers. */
  function switchable() {
    const state = {
      down: new Set<string>(),
      gates: new Map<string, Promise<void>>(),
      calls: [] as string[],
      inFlight: 0,
      maxInFlight: 0,
    };
    const fetchFn = (async (input: string) => {
      const host = new URL(String(input)).hostname;
      state.calls.push(host);
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      try {
        const gate = state.gates.get(host);
        if (gate) await gate;
        if (state.down.has(host)) connectionRefused();
        return prometheusLike(String(input), {});
      } finally {
        state.inFlight--;
      }
    }) as unknown as typeof fetch;
    return { state, fetchFn };
  }

  function checker(list: Datasource[], fetchFn: typeof fetch) {
    const t = manualTimers();
    const source = { list: () => list, refusal: () => null };
    const c = new HealthChecker(fetchUpstream(fetchFn), source, { timers: t.timers, now: t.now });
    return { c, t };
  }

  const hold = () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    return { gate, open };
  };

  it('answers from the latest probe: a call makes no upstream call of its own', async () => {
    const { state, fetchFn } = switchable();
    const { c, t } = checker([ds('p', true)], fetchFn);
    expect((await c.report())[0]).toMatchObject({ up: true, prometheusVersion: '3.5.0' });
    expect(state.calls).toEqual(['p']); // the first probe, which the first answer waits for
    for (let i = 0; i < 10; i++) await c.report();
    expect(state.calls).toEqual(['p']);
    await t.advance(500);
    expect(state.calls).toEqual(['p', 'p']); // one round, one probe
  });

  it('shows a change within one round (0.5 s), down and up again', async () => {
    const { state, fetchFn } = switchable();
    const { c, t } = checker([ds('p', true)], fetchFn);
    expect((await c.report())[0]!.up).toBe(true);
    state.down.add('p');
    await t.advance(500);
    expect((await c.report())[0]).toMatchObject({ up: false, error: /connection refused/ });
    state.down.delete('p');
    await t.advance(500);
    expect((await c.report())[0]!.up).toBe(true);
  });

  it('never stacks a probe behind a slow one, and the answer does not wait for it', async () => {
    const { state, fetchFn } = switchable();
    const { c, t } = checker([ds('p', true)], fetchFn);
    await c.report();
    const slow = hold();
    state.gates.set('p', slow.gate);
    await t.advance(2000); // four rounds while the first of them hangs
    expect(state.calls).toHaveLength(2);
    expect((await c.report())[0]!.up).toBe(true); // the latest answer, at once
    state.gates.delete('p');
    slow.open();
    await t.settle();
    await t.advance(500);
    expect(state.calls).toHaveLength(3);
  });

  it('probes added datasources at most four at once; the configured one goes on meanwhile', async () => {
    const { state, fetchFn } = switchable();
    const added = Array.from({ length: 12 }, (_, i) => ds(`added-${i}`));
    const stuck = hold();
    for (const a of added) state.gates.set(a.uid, stuck.gate);
    const { c, t } = checker([ds('p', true), ...added], fetchFn);
    const first = c.report();
    await t.advance(3000); // the longest the first answer waits
    const health = await first;
    expect(health[0]).toMatchObject({ uid: 'p', up: true });
    expect(health.slice(1).every((h) => h.checking === true && !h.up)).toBe(true);
    expect(state.calls.filter((h) => h.startsWith('added-'))).toHaveLength(4);
    expect(state.calls.filter((h) => h === 'p').length).toBeGreaterThanOrEqual(6);
    stuck.open();
    await t.settle();
    await t.advance(500);
    expect(state.maxInFlight).toBe(5); // four added ones, and the configured one
    expect((await c.report()).every((h) => h.up)).toBe(true);
  });

  it('stops probing a minute after the last ask, and never serves the old answer after', async () => {
    const { state, fetchFn } = switchable();
    const { c, t } = checker([ds('p', true)], fetchFn);
    await c.report();
    await t.advance(61_000);
    const calls = state.calls.length;
    await t.advance(10_000);
    expect(state.calls).toHaveLength(calls); // idle: nothing probed
    state.down.add('p');
    expect((await c.report())[0]).toMatchObject({ up: false, error: /connection refused/ });
  });

  it('forgets a removed datasource, even with a probe of it under way', async () => {
    const { state, fetchFn } = switchable();
    const list = [ds('p', true), ds('b')];
    const { c, t } = checker(list, fetchFn);
    await c.report();
    const slow = hold();
    state.gates.set('b', slow.gate);
    await t.advance(500);
    list.pop();
    c.forget('b');
    slow.open();
    await t.settle();
    expect((await c.report()).map((h) => h.uid)).toEqual(['p']);
  });
});
