import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoService, startDemoService } from './service.ts';
import { startTraffic } from './traffic.ts';

describe('traffic generator', () => {
  let svc: DemoService;
  beforeAll(async () => {
    svc = await startDemoService({ port: 0 });
  });
  afterAll(() => svc.close());

  it('refuses non-loopback targets', () => {
    expect(() => startTraffic({ target: 'http://example.com' })).toThrow(/loopback/);
    expect(() => startTraffic({ target: 'http://10.0.0.1:8081' })).toThrow(/loopback/);
  });

  it('sends a mix of routes and stops cleanly', async () => {
    const traffic = startTraffic({ target: svc.url, rps: 100 });
    await new Promise((r) => setTimeout(r, 1_500));
    traffic.stop();
    traffic.stop(); // idempotent

    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const total = [...text.matchAll(/^http_requests_total\{.*\} (\d+)$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(total).toBeGreaterThan(20);
    expect(text).toContain('route="/api/users/:id"');
    expect(text).toContain('route="/api/products"');
    expect(text).not.toContain('route="unmatched"');
  });
});
