import { describe, expect, it } from 'vitest';
import { connectionRefused, prometheusLike, promJson, testApp } from '../test-helpers.ts';
import { VERSION } from '../version.ts';
import { HealthChecker } from './health.ts';
import type { Datasource } from './registry.ts';

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

describe('HealthChecker freshness', () => {
  const ds = { uid: 'p', name: 'P', url: 'http://p:9090', isDefault: true } as Datasource;

  /** A fetch that answers up or down as `state.up` says, counting calls; `gate` holds answers. */
  function switchable() {
    const state = { up: false, calls: 0, gate: null as Promise<void> | null };
    const fetchFn = (async (url: string) => {
      state.calls++;
      if (state.gate) await state.gate;
      if (!state.up) connectionRefused();
      return prometheusLike(String(url), {});
    }) as unknown as typeof fetch;
    return { state, fetchFn };
  }

  it('re-probes on request once the last answer is older than the ttl, so a change shows within a second', async () => {
    const { state, fetchFn } = switchable();
    let clock = 0;
    const checker = new HealthChecker(fetchFn, 3000, 1000, () => clock);
    expect((await checker.check(ds)).up).toBe(false);
    state.up = true;
    clock = 900; // ms: still fresh, the cached "down" stands
    expect((await checker.check(ds)).up).toBe(false);
    clock = 1001;
    expect((await checker.check(ds)).up).toBe(true);
    expect(state.calls).toBe(2);
    state.up = false;
    clock = 2100;
    expect(await checker.check(ds)).toMatchObject({ up: false, error: /connection refused/ });
  });

  it('joins a probe under way however long it takes, never stacking a second one', async () => {
    const { state, fetchFn } = switchable();
    state.up = true;
    let open!: () => void;
    state.gate = new Promise((r) => {
      open = r;
    });
    let clock = 0;
    const checker = new HealthChecker(fetchFn, 3000, 1000, () => clock);
    const first = checker.check(ds);
    clock = 2500; // ms: the probe is slow, older than the ttl, and still running
    const second = checker.check(ds);
    open();
    expect((await Promise.all([first, second])).map((h) => h.up)).toEqual([true, true]);
    expect(state.calls).toBe(1);
    // Fresh for a ttl after it answered, not after it started.
    expect((await checker.check(ds)).up).toBe(true);
    expect(state.calls).toBe(1);
  });
});
