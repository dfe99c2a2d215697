// The proxy with an upstream that gzips, as Prometheus does through node:http: gzip passed
// through to a browser that takes it, decoded for one that does not and for a live tick's
// delta, cached as received, and a gzip bomb refused by its decoded size.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import { promJson, testApp } from '../test-helpers.ts';

const PROXY = '/api/datasources/proxy/uid/prometheus/api/v1';
const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' };
const IDENTITY = { 'Accept-Encoding': 'identity' };

/** A matrix big enough (over 1 KiB) to be worth gzipping. */
const series = Array.from({ length: 20 }, (_, i) => ({
  metric: { __name__: 'up', instance: `host-${i}:9100` },
  values: [
    [100, '1'],
    [110, '2'],
    [120, String(i)],
  ] as [number, string][],
}));
const MATRIX = { resultType: 'matrix', result: series };

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

/** An old, step-aligned range (cacheable). */
function oldRange() {
  const step = 60;
  const end = Math.floor(Date.now() / 1000 / step) * step - 3600;
  return `?${new URLSearchParams({ query: 'up', start: String(end - 3600), end: String(end), step: String(step) })}`;
}

describe('gzip from the upstream', () => {
  it('is asked for, and passed through undecoded to a browser that accepts it', async () => {
    const t = await testApp({ gzip: true, respond: () => promJson(MATRIX) });
    const res = await t.request(`${PROXY}/query?query=up`, { headers: GZIP });
    expect(t.calls[0]!.headers['accept-encoding']).toBe('gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    const body = await bytes(res);
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
    expect(JSON.parse(gunzipSync(body).toString())).toEqual({ status: 'success', data: MATRIX });
  });

  it('is decoded for a browser that does not accept gzip', async () => {
    const t = await testApp({ gzip: true, respond: () => promJson(MATRIX) });
    const res = await t.request(`${PROXY}/query?query=up`, { headers: IDENTITY });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.json()).toEqual({ status: 'success', data: MATRIX });
  });

  it('is cached as received and served from the cache either way', async () => {
    const t = await testApp({ gzip: true, respond: () => promJson(MATRIX) });
    const search = oldRange();
    const first = await t.request(`${PROXY}/query_range${search}`, { headers: GZIP });
    const firstBody = await bytes(first);
    await new Promise((r) => setTimeout(r, 50)); // the cache is filled once the flight ends
    const hit = await t.request(`${PROXY}/query_range${search}`, { headers: GZIP });
    expect(hit.headers.get('X-Promscope-Cache')).toBe('hit');
    expect(hit.headers.get('Content-Encoding')).toBe('gzip');
    expect(await bytes(hit)).toEqual(firstBody);
    const plain = await t.request(`${PROXY}/query_range${search}`, { headers: IDENTITY });
    expect(plain.headers.get('X-Promscope-Cache')).toBe('hit');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect((await plain.json()).data).toEqual(MATRIX);
    expect(t.calls).toHaveLength(1);
  });

  it("is decoded for a live tick's delta, which goes out gzipped when worth it", async () => {
    const t = await testApp({ gzip: true, respond: () => promJson(MATRIX) });
    const known = formatKnown({ t: 110, digest: digestUpTo(series, 110) });
    const tick = `${PROXY}/query_range?query=up&start=100&end=120&step=10`;
    const delta = await t.request(tick, { headers: { ...GZIP, 'X-Promscope-Known': known } });
    expect(delta.headers.get('X-Promscope-Delta')).toBe('applied');
    const later = series.map((s) => ({ metric: s.metric, values: [s.values[2]] }));
    const decoded = (res: Uint8Array) =>
      JSON.parse(
        (res[0] === 0x1f ? gunzipSync(res) : Buffer.from(res)).toString(),
      ) as typeof MATRIX;
    const body = await bytes(delta);
    // 20 series of one point each: over 1 KiB, so gzipped
    expect(delta.headers.get('Content-Encoding')).toBe('gzip');
    expect(decoded(body)).toEqual({
      status: 'success',
      data: { resultType: 'matrix', result: later },
    });
    const plain = await t.request(tick, { headers: { ...IDENTITY, 'X-Promscope-Known': known } });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect((await plain.json()).data.result).toEqual(later);
  });

  it('an unencoded answer is gzipped for a browser that accepts gzip', async () => {
    const t = await testApp({ respond: () => promJson(MATRIX) }); // upstream never gzips
    const big = await t.request(`${PROXY}/query?query=up`, { headers: GZIP });
    expect(big.headers.get('Content-Encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(big)).toString()).data).toEqual(MATRIX);
  });
});

describe('the size cap on a gzip answer', () => {
  // 4 MiB of JSON whitespace: a few KiB gzipped, far over a 1 MiB cap decoded.
  const bomb = () =>
    new Response(
      gzipSync(
        `{"status":"success","data":{"resultType":"matrix","result":[]}${' '.repeat(4 * 1024 * 1024)}}`,
      ),
      { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } },
    );
  const config = { maxResponseBytes: 1024 * 1024 };

  it('counts decoded bytes: a small gzip that inflates past the cap is a JSON 502', async () => {
    const declared = async () => {
      const zipped = new Uint8Array(await bomb().arrayBuffer());
      return new Response(zipped, {
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': String(zipped.byteLength),
        },
      });
    };
    const t = await testApp({ config, gzip: true, respond: declared });
    const res = await t.request(`${PROXY}/query?query=up`, { headers: GZIP });
    expect(res.status).toBe(502);
    expect((await res.json()).errorType).toBe('too_large');
  });

  it('refuses a streamed one, whose length was not declared, with the JSON 502 too', async () => {
    // Relayed only once counted decoded: a browser taking gzip would inflate it itself.
    const t = await testApp({ config, gzip: true, respond: bomb });
    for (const headers of [GZIP, IDENTITY]) {
      const res = await t.request(`${PROXY}/query?query=up`, { headers });
      expect(res.status).toBe(502);
      expect((await res.json()).errorType).toBe('too_large');
    }
  });

  it('answers a live tick with the JSON 502 too_large', async () => {
    const t = await testApp({ config, gzip: true, respond: bomb });
    const known = formatKnown({ t: 110, digest: digestUpTo([], 110) });
    const res = await t.request(`${PROXY}/query_range?query=up&start=100&end=120&step=10`, {
      headers: { ...GZIP, 'X-Promscope-Known': known },
    });
    expect(res.status).toBe(502);
    expect((await res.json()).errorType).toBe('too_large');
  });
});
