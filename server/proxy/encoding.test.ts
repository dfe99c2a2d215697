import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  encodingOf,
  GzipMeter,
  gunzip,
  gzip,
  MAX_GZIP_RATIO,
  mayInflatePast,
  readAll,
} from './encoding.ts';

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['*;q=0', false],
    ['identity', false],
    ['br, deflate', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('encodingOf', () => {
  it('knows gzip and no encoding, and nothing else', () => {
    expect(encodingOf(null)).toBe('identity');
    expect(encodingOf('identity')).toBe('identity');
    expect(encodingOf('gzip')).toBe('gzip');
    expect(encodingOf(' GZIP ')).toBe('gzip');
    expect(encodingOf('br')).toBeNull();
    expect(encodingOf('gzip, br')).toBeNull();
  });
});

describe('mayInflatePast', () => {
  it('is false only while even the largest ratio stays within the cap', () => {
    expect(mayInflatePast(1000, 1000 * MAX_GZIP_RATIO)).toBe(false);
    expect(mayInflatePast(1001, 1000 * MAX_GZIP_RATIO)).toBe(true);
  });

  it('holds for what zlib does at its best: a long run of one byte', () => {
    const decoded = 8 * 1024 * 1024;
    const encoded = gzipSync(Buffer.alloc(decoded), { level: 9 }).byteLength;
    expect(decoded / encoded).toBeLessThanOrEqual(MAX_GZIP_RATIO);
    expect(mayInflatePast(encoded, decoded - 1)).toBe(true);
  });
});

describe('gzip and gunzip', () => {
  it('round-trip whole bodies and streams', async () => {
    const text = '{"status":"success"}'.repeat(100);
    const zipped = await readAll(gzip(new TextEncoder().encode(text)));
    expect(gunzipSync(zipped).toString()).toBe(text);
    const back = await readAll(gunzip(new Blob([zipped as BlobPart]).stream()));
    expect(new TextDecoder().decode(back)).toBe(text);
  });
});

describe('GzipMeter', () => {
  const feed = async (meter: GzipMeter, body: Uint8Array, chunk = 100) => {
    for (let at = 0; at < body.byteLength; at += chunk) meter.write(body.subarray(at, at + chunk));
    await meter.end();
  };

  it('counts the decoded bytes of a body fed in chunks', async () => {
    const meter = new GzipMeter(1_000_000);
    await feed(meter, gzipSync(Buffer.alloc(300_000, 'a')));
    expect(meter.decodedBytes).toBe(300_000);
    expect(meter.over).toBe(false);
  });

  it('turns over once the decoded bytes pass the cap', async () => {
    const meter = new GzipMeter(100_000);
    await feed(meter, gzipSync(Buffer.alloc(4_000_000)));
    expect(meter.over).toBe(true);
    expect(meter.decodedBytes).toBeGreaterThan(100_000);
  });

  it('rejects a body that is not gzip', async () => {
    const meter = new GzipMeter(100_000);
    await expect(feed(meter, new TextEncoder().encode('not gzip at all'))).rejects.toThrow();
  });
});
