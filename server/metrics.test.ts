import { describe, expect, it } from 'vitest';
import { connectionRefused, prometheusLike, type Responder, testApp } from './test-helpers.ts';

async function scrape(t: { request: (p: string) => Promise<Response> }): Promise<string> {
  const res = await t.request('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('/metrics', () => {
  it('counts requests by route pattern, never by raw path', async () => {
    const t = await testApp();
    await t.request('/api/health');
    await t.request('/api/datasources/uid/prometheus');
    await t.request('/api/datasources/uid/nope');
    const text = await scrape(t);
    expect(text).toContain(
      'promscope_http_requests_total{method="GET",route="/api/health",status="200"} 1',
    );
    expect(text).toContain(
      'promscope_http_requests_total{method="GET",route="/api/datasources/uid/:uid",status="200"} 1',
    );
    expect(text).toContain(
      'promscope_http_requests_total{method="GET",route="/api/datasources/uid/:uid",status="404"} 1',
    );
    expect(text).not.toContain('route="/api/datasources/uid/nope"');
    expect(text).toMatch(
      /promscope_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1/,
    );
  });

  it('times upstream calls by datasource and endpoint', async () => {
    const t = await testApp();
    await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query_range?query=up&step=15');
    const text = await scrape(t);
    expect(text).toContain(
      'promscope_upstream_request_duration_seconds_bucket{le="0.001",datasource="prometheus",endpoint="query_range",status="200"}',
    );
    expect(text).toMatch(
      /promscope_upstream_request_duration_seconds_count\{datasource="prometheus",endpoint="query_range",status="200"\} 1/,
    );
    expect(text).toContain(
      'promscope_http_requests_total{method="GET",route="/api/datasources/proxy/uid/:uid/*",status="200"} 1',
    );
  });

  it('collapses label values calls into one endpoint', async () => {
    const t = await testApp();
    for (const name of ['job', 'instance', '__name__']) {
      await t.request(`/api/datasources/proxy/uid/prometheus/api/v1/label/${name}/values`);
    }
    const text = await scrape(t);
    expect(text).toMatch(
      /promscope_upstream_request_duration_seconds_count\{datasource="prometheus",endpoint="label\/:name\/values",status="200"\} 3/,
    );
    expect(text).not.toMatch(/endpoint="label\/(job|instance|__name__)\/values"/);
  });

  it('records upstream failures by kind and upstream errors by status', async () => {
    let respond: Responder = connectionRefused;
    const t = await testApp({ respond: (url, init) => respond(url, init) });
    await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up');
    respond = () => new Response('{}', { status: 422 });
    await t.request('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up');
    respond = prometheusLike;
    const text = await scrape(t);
    expect(text).toMatch(
      /promscope_upstream_request_duration_seconds_count\{datasource="prometheus",endpoint="query",status="unavailable"\} 1/,
    );
    expect(text).toMatch(
      /promscope_upstream_request_duration_seconds_count\{datasource="prometheus",endpoint="query",status="422"\} 1/,
    );
  });

  it('keeps each app on its own registry', async () => {
    const a = await testApp();
    const b = await testApp();
    await a.request('/api/health');
    expect(await scrape(b)).not.toContain('route="/api/health"');
  });
});
