import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connectionRefused, fakeUpstream, MemoryFs, testApp, testConfig } from './test-helpers.ts';

describe('createApp', () => {
  it('puts the security headers on API answers too', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('answers 404 in the error envelope for an unknown API route, whatever the method', async () => {
    const t = await testApp();
    const res = await t.request('/api/dashboards/nothing-here', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'not_found',
      error: 'no API route POST /api/dashboards/nothing-here',
    });
  });

  it('refuses a body over 1 MiB with 413 before reading it', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'http://prom-b:9090', name: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect(t.calls).toHaveLength(0);
  });

  it('answers 500 without details and logs the cause when a handler throws', async () => {
    const fs = new MemoryFs();
    fs.readDir = async () => {
      throw new Error('EACCES: permission denied, scandir /dash');
    };
    const lines: string[] = [];
    const { app } = await createApp(testConfig(), {
      files: fs,
      fetch: fakeUpstream().fetch,
      log: (line) => lines.push(line),
    });
    const res = await app.request('/api/search');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'internal',
      error: 'internal server error',
    });
    // At start, the temp-file sweep of DATA_DIR could not read it either, and said so.
    expect(lines[0]).toMatch(/^promscope: could not clear temp files in DATA_DIR: Error: EACCES/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^error: GET \/api\/search: Error: EACCES/);
  });

  it('loads datasources added earlier from DATA_DIR', async () => {
    const fs = new MemoryFs({
      '/data/datasources.json': JSON.stringify({
        datasources: [
          { uid: 'prom-b', name: 'B', url: 'http://prom-b:9090' },
          // The default URL again: not listed twice.
          { uid: 'dup', name: 'Dup', url: 'http://localhost:9090' },
        ],
      }),
    });
    const t = await testApp({ fs });
    expect(t.registry.list().map((d) => d.uid)).toEqual(['prometheus', 'prom-b']);
  });

  it('sends the credentials from PROMETHEUS_URL upstream and shows them nowhere', async () => {
    const config = loadConfig({ PROMETHEUS_URL: 'http://alice:s3cret@prom:9090/' }, [], {
      dataDir: '/data',
      dashboardsDir: '/dash',
      webDir: '/web',
    });
    const t = await testApp({ config });
    await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up');
    expect(t.calls[0]!.url).toBe('http://prom:9090/api/v1/query?query=up&timeout=29000ms');
    expect(t.calls[0]!.headers.authorization).toBe(`Basic ${btoa('alice:s3cret')}`);
    for (const path of ['/api/datasources', '/api/health', '/api/datasources/uid/prometheus']) {
      const text = await (await t.request(path)).text();
      expect(text).toContain('http://prom:9090');
      expect(text).not.toMatch(/alice|s3cret|YWxpY2U6czNjcmV0/);
    }
    expect(await (await t.request('/metrics')).text()).not.toMatch(/alice|s3cret|YWxpY2U6/);
    // Nor an error that names the datasource.
    const down = await testApp({ config, respond: connectionRefused });
    const error = await (
      await down.request('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up')
    ).text();
    expect(error).toMatch(/http:\/\/prom:9090\) is unreachable/);
    expect(error).not.toMatch(/alice|s3cret|YWxpY2U6/);
  });
});
