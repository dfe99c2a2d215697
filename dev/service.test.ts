import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { ROUTES } from './routes.ts';
import { type DemoService, DURATION_BUCKETS, SKUS, startDemoService } from './service.ts';

describe('demo service', () => {
  let svc: DemoService;
  beforeAll(async () => {
    svc = await startDemoService({ port: await freePort() });
  });
  afterAll(() => svc.close());

  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${svc.url}${path}`, init);
    await res.arrayBuffer();
    return res.status;
  };

  it('serves routes with expected client errors', async () => {
    const statuses = await Promise.all([
      call('/api/users/99999'),
      call('/api/users/abc'),
      call('/api/users/7'),
      call('/api/products'),
      call('/healthz'),
      call('/api/orders', { method: 'POST', body: '{"sku":' }),
      call('/api/search'),
      call('/no/such/path'),
      call('/api/users', { method: 'DELETE' }),
    ]);
    expect(statuses.slice(0, 2)).toEqual([404, 404]);
    expect([200, 404, 500]).toContain(statuses[2]);
    expect([200, 500]).toContain(statuses[3]);
    expect(statuses.slice(4)).toEqual([200, 400, 400, 404, 405]);
  });

  it('exposes counters and histograms labelled by route pattern', async () => {
    const res = await fetch(`${svc.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();

    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/users/:id",status="404"} 2',
    );
    expect(text).toContain('http_requests_total{method="POST",route="/api/orders",status="400"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain(
      'http_requests_total{method="DELETE",route="/api/users",status="405"} 1',
    );
    expect(text).toMatch(/^demo_process_cpu_seconds_total /m);

    // Buckets of one series, in order, ending with +Inf.
    const series = 'method="GET",route="/healthz",status="200"';
    const les = [...text.matchAll(/^http_request_duration_seconds_bucket\{(.*)\} \d+$/gm)]
      .map((m) => m[1] ?? '')
      .filter((labels) => labels.includes(series))
      .map((labels) => /le="([^"]+)"/.exec(labels)?.[1]);
    expect(les).toEqual([...DURATION_BUCKETS.map(String), '+Inf']);
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1$/m,
    );

    // The route label is always a pattern, never a raw path like /api/users/99999.
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
    const allowed = new Set([...ROUTES.map((r) => r.pattern), 'unmatched']);
    for (const r of routes) expect(allowed).toContain(r);
    expect(text).not.toContain('/api/users/99999');
  });

  it('exports one stock gauge per SKU, never negative', async () => {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const lines = text.split('\n').filter((l) => l.startsWith('demo_inventory_items{'));
    expect(lines).toHaveLength(SKUS);
    expect(lines[0]).toMatch(/^demo_inventory_items\{sku="sku-0001"\} \d+$/);
    expect(lines.every((l) => Number(l.split(' ')[1]) >= 0)).toBe(true);
  });

  it('close() is idempotent and frees the port', async () => {
    const other = await startDemoService({ port: 0 });
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
  });
});
