import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson, promUrl, queryRange, rangeSearchParams, upstreamDuration } from './client.ts';

describe('upstreamDuration', () => {
  it("reads the proxy's Server-Timing entry", () => {
    expect(upstreamDuration('upstream;dur=12.3')).toBe(12.3);
    expect(upstreamDuration('cache;desc="hit", upstream;desc="prom";dur=4')).toBe(4);
  });

  it('is undefined without one', () => {
    expect(upstreamDuration(null)).toBeUndefined();
    expect(upstreamDuration('db;dur=3')).toBeUndefined();
  });
});

describe('promUrl', () => {
  it('goes through the proxy with the datasource uid escaped and the parameters encoded', () => {
    const url = promUrl(
      'a/b',
      'query_range',
      rangeSearchParams({ query: 'sum(rate(x{a="1"}[5m]))', start: 1, end: 61, step: 15 }),
    );
    expect(url).toBe(
      '/api/datasources/proxy/uid/a%2Fb/api/v1/query_range?query=sum%28rate%28x%7Ba%3D%221%22%7D%5B5m%5D%29%29&start=1&end=61&step=15',
    );
    expect(new URL(url, 'http://x').searchParams.get('query')).toBe('sum(rate(x{a="1"}[5m]))');
  });

  it('has no query string without parameters', () => {
    expect(promUrl('prom', 'metadata', {})).toBe('/api/datasources/proxy/uid/prom/api/v1/metadata');
  });
});

describe('broken answers become clear errors', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** The error queryRange gives for an answer with this status and body. */
  async function errorFor(body: BodyInit | null, status = 200, type = 'application/json') {
    vi.stubGlobal(
      'fetch',
      async () => new Response(body, { status, headers: { 'Content-Type': type } }),
    );
    const params = { query: 'up', start: 0, end: 60, step: 15 };
    return queryRange('prometheus', params).then(
      () => null,
      (err: Error & { status?: number; errorType?: string }) => err,
    );
  }

  it('says so for invalid JSON, with its length and how it ends', async () => {
    const err = await errorFor('{"status":"success","data":{"resultType":"matrix","result":[{"met');
    expect(err?.message).toBe(
      'HTTP 200: invalid or incomplete JSON (65 characters, ending "":{"resultType":"matrix","result":[{"met")',
    );
    expect(err?.errorType).toBe('bad_response');
  });

  it('names an HTML error page by its title, not by its markup', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const err = await errorFor(html, 502, 'text/html');
    expect(err?.message).toBe('HTTP 502: an HTML page, not Prometheus JSON ("502 Bad Gateway")');
    expect(err?.status).toBe(502);
  });

  it('quotes the text of an HTML page without a title', async () => {
    const err = await errorFor('<html><body><h1>Service Unavailable</h1></body></html>', 503);
    expect(err?.message).toBe(
      'HTTP 503: an HTML page, not Prometheus JSON ("Service Unavailable")',
    );
  });

  it('says the answer broke off when the stream errors after the status line', async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(ctrl) {
        ctrl.enqueue(
          new TextEncoder().encode('{"status":"success","data":{"resultType":"matrix",'),
        );
        ctrl.error(new TypeError('terminated'));
      },
    });
    const err = await errorFor(cut);
    expect(err?.message).toBe(
      "HTTP 200: the answer broke off before its end (the connection was lost, or the answer is over the server's size limit)",
    );
  });

  it('says an empty body is empty', async () => {
    expect((await errorFor('', 502))?.message).toBe('HTTP 502: empty answer, not JSON');
  });

  it("refuses JSON that is not in Prometheus' shape instead of failing later", async () => {
    expect((await errorFor('null'))?.message).toBe(
      "HTTP 200: JSON, but not an answer in Prometheus' shape",
    );
    expect((await errorFor('{"hello":"world"}'))?.message).toBe(
      'not a Prometheus answer (status null)',
    );
    expect((await errorFor('{"status":"success","data":{"resultType":"matrix"}}'))?.message).toBe(
      'a success answer without a list of series',
    );
  });

  it('takes a list as an answer (our own lists are JSON arrays)', async () => {
    vi.stubGlobal('fetch', async () => new Response('[{"uid":"a"}]', { status: 200 }));
    expect(await getJson('/api/datasources')).toEqual([{ uid: 'a' }]);
  });

  it("keeps Prometheus' own words for its errors", async () => {
    const body = JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' });
    const err = await errorFor(body, 400);
    expect(err?.message).toBe('parse error');
    expect(err?.errorType).toBe('bad_data');
  });
});
