// Health, datasources, dashboards, the SPA and /metrics, on Node and on Deno.
import { expect, prometheusUrl, test } from '../fixtures.ts';

test('health reports the datasource up with its Prometheus version', async ({ request }) => {
  const body = await (await request.get('/api/health')).json();
  expect(body.status).toBe('ok');
  expect(body.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(body.readOnly).toBe(false);
  const ds = body.datasources.find((d: { uid: string }) => d.uid === 'prometheus');
  expect(ds).toMatchObject({ up: true, url: prometheusUrl() });
  expect(ds.prometheusVersion).toMatch(/^\d+\.\d+\.\d+/);
});

test('datasources are listed without secrets', async ({ request }) => {
  const list = await (await request.get('/api/datasources')).json();
  expect(list[0]).toMatchObject({ uid: 'prometheus', type: 'prometheus', isDefault: true });
  expect(list[0].jsonData.timeInterval).toBe('1s'); // SCRAPE_INTERVAL of the e2e setup
  expect(JSON.stringify(list)).not.toMatch(/authorization|password/i);
});

test('adding a bad or unreachable datasource explains why and adds nothing', async ({
  request,
}) => {
  const json = { 'Content-Type': 'application/json' };
  const malformed = await request.post('/api/datasources', {
    headers: json,
    data: Buffer.from('{"url":'),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatch(/malformed JSON/);
  const ftp = await request.post('/api/datasources', {
    headers: json,
    data: { url: 'ftp://example.com' },
  });
  expect(ftp.status()).toBe(400);
  expect((await ftp.json()).error).toMatch(/only http and https/);
  const down = await request.post('/api/datasources', {
    headers: json,
    data: { url: 'http://127.0.0.1:1' },
  });
  expect(down.status()).toBe(502);
  expect((await down.json()).error).toMatch(/unreachable/);
  const foreign = await request.post('/api/datasources', {
    headers: { ...json, Origin: 'http://evil.example' },
    data: { url: 'http://127.0.0.1:9' },
  });
  expect(foreign.status()).toBe(403);
  // Other specs may add good datasources meanwhile; none of these may be among them.
  const urls = (await (await request.get('/api/datasources')).json()).map(
    (d: { url: string }) => d.url,
  );
  for (const refused of ['ftp://example.com', 'http://127.0.0.1:1', 'http://127.0.0.1:9']) {
    expect(urls).not.toContain(refused);
  }
});

test('the provisioned Service overview dashboard is served as Grafana JSON', async ({
  request,
}) => {
  const hits = await (await request.get('/api/search?query=service')).json();
  expect(hits).toContainEqual(
    expect.objectContaining({
      uid: 'service-overview',
      url: '/d/service-overview/service-overview',
    }),
  );
  const { dashboard, meta } = await (
    await request.get('/api/dashboards/uid/service-overview')
  ).json();
  expect(meta).toMatchObject({ provisioned: true, slug: 'service-overview' });
  expect(dashboard.refresh).toBe('5s');
  const types = dashboard.panels.map((p: { type: string }) => p.type);
  expect(types.filter((t: string) => t === 'stat')).toHaveLength(3);
  expect(types.filter((t: string) => t === 'timeseries').length).toBeGreaterThanOrEqual(4);
});

test('page routes get index.html with a strict CSP; assets are cached for a year', async ({
  request,
}) => {
  for (const path of ['/', '/d/service-overview/service-overview', '/explore', '/dashboards']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-cache');
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<)/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await request.get(asset!);
    expect(js.headers()['cache-control']).toContain('immutable');
    expect(js.headers()['content-type']).toContain('javascript');
  }
});

test("/metrics exposes the server's own request and upstream metrics", async ({ request }) => {
  await request.get('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up');
  const text = await (await request.get('/metrics')).text();
  expect(text).toMatch(
    /promscope_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/,
  );
  expect(text).toMatch(
    /promscope_upstream_request_duration_seconds_bucket\{[^}]*datasource="prometheus"[^}]*endpoint="query"/,
  );
});
