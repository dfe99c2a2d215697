// On the real Node server and raw sockets, so request targets arrive byte for byte as written
// (@hono/node-server resolves dot segments before the app sees the URL): only allowlisted,
// read-only calls ever reach the "Prometheus" here, a node:http server that records every
// request and answers with a Set-Cookie that must not come back out.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startNodeServer } from '../main.node.ts';
import { testConfig } from '../test-helpers.ts';
import { HOSTILE_PROXY_TARGETS, rawRequest } from '../test-raw-http.ts';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const recorded: Recorded[] = [];
let upstream: Server;
let running: RunningServer;

/** Browser credentials that must never be forwarded. */
const BROWSER = { Cookie: 'grafana_session=browser-secret', Authorization: 'Bearer browser-token' };

/** Only these paths may ever arrive upstream (the allowlist, seen from Prometheus' side). */
const ALLOWED_UPSTREAM =
  /^\/api\/v1\/(query|query_range|query_exemplars|series|labels|metadata|status\/buildinfo|label\/[A-Za-z_][A-Za-z0-9_]*\/values)(\?|$)/;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Set-Cookie': 'upstream_session=leak; Path=/',
    });
    res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const { port } = upstream.address() as AddressInfo;
  running = await startNodeServer(
    testConfig({
      port: 0,
      prometheusUrl: `http://127.0.0.1:${port}`,
      dataDir: '/nonexistent-promscope-test',
    }),
    () => {},
  );
});

afterAll(async () => {
  await running.close();
  upstream.closeAllConnections();
  await new Promise((r) => upstream.close(r));
});

describe('raw request targets on the Node server', () => {
  it('refuses every hostile target with a 4xx and never calls upstream', async () => {
    recorded.length = 0;
    const answers: string[] = [];
    for (const target of HOSTILE_PROXY_TARGETS) {
      for (const method of ['GET', 'POST']) {
        const res = await rawRequest(
          running.url,
          method,
          target,
          { ...BROWSER, 'Content-Type': 'application/x-www-form-urlencoded' },
          method === 'POST' ? 'query=up' : '',
        );
        if (res.status < 400 || res.status >= 500)
          answers.push(`${method} ${target} → ${res.status}`);
      }
    }
    expect(answers).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('refuses an absolute-form request line naming another host', async () => {
    const res = await rawRequest(
      running.url,
      'GET',
      'http://evil.example/api/datasources/proxy/uid/prometheus/api/v1/query?query=up',
    );
    expect(res.status).toBe(403);
    const own = new URL(running.url).host;
    const dotted = await rawRequest(
      running.url,
      'GET',
      `http://${own}/api/datasources/proxy/uid/prometheus/api/v1/admin/tsdb/../../query?query=up`,
    );
    expect(dotted.status).toBe(400);
    expect(recorded).toEqual([]);
  });

  it('refuses a rebinding Host header', async () => {
    const res = await rawRequest(
      running.url,
      'GET',
      '/api/datasources/proxy/uid/prometheus/api/v1/query?query=up',
      { Host: `evil.example:${new URL(running.url).port}` },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/DNS rebinding/);
    expect(recorded).toEqual([]);
  });

  it('forwards allowed calls, and only those, without browser credentials or Set-Cookie', async () => {
    recorded.length = 0;
    const base = '/api/datasources/proxy/uid/prometheus/api/v1';
    const calls: [string, string, string][] = [
      ['GET', `${base}/query?query=up`, ''],
      ['POST', `${base}/query_range`, 'query=up&start=1&end=2&step=1'],
      ['GET', `${base}/label/__name__/values`, ''],
      ['GET', `${base}/series?match%5B%5D=up`, ''],
      ['GET', `${base}/status/buildinfo`, ''],
    ];
    for (const [method, target, body] of calls) {
      const res = await rawRequest(
        running.url,
        method,
        target,
        { ...BROWSER, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      );
      expect(res.status, target).toBe(200);
      expect(res.headers.get('set-cookie')).toBeUndefined();
      expect(res.headers.get('content-security-policy')).toEqual(['sandbox']);
      expect(res.headers.get('x-content-type-options')).toEqual(['nosniff']);
    }
    expect(recorded.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'GET /api/v1/query',
      'POST /api/v1/query_range',
      'GET /api/v1/label/__name__/values',
      'GET /api/v1/series',
      'GET /api/v1/status/buildinfo',
    ]);
    for (const r of recorded) {
      expect(r.url).toMatch(ALLOWED_UPSTREAM);
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
    }
  });
});
