import { describe, expect, it } from 'vitest';
import { ResponseCache } from './cache.ts';

const answer = (bytes: number) => ({
  body: new Uint8Array(bytes),
  encoding: 'identity' as const,
});

describe('ResponseCache', () => {
  it('returns what was stored until the TTL has passed', () => {
    let now = 1000;
    const c = new ResponseCache(1000, 60_000, () => now);
    const body = new TextEncoder().encode('{"a":1}');
    c.set('k', { body, encoding: 'gzip' });
    expect(c.get('k')!.encoding).toBe('gzip');
    expect(new TextDecoder().decode(c.get('k')!.body)).toBe('{"a":1}');
    now += 59_999;
    expect(c.get('k')).toBeDefined();
    now += 1;
    expect(c.get('k')).toBeUndefined();
    expect(c.bytes).toBe(0);
  });

  it('evicts the least recently used to stay within its bytes', () => {
    const c = new ResponseCache(400, 60_000, () => 0);
    c.set('a', answer(98)); // 100 bytes with the key
    c.set('b', answer(98));
    c.set('c', answer(98));
    c.get('a'); // b is now the least recently used
    c.set('d', answer(98));
    c.set('e', answer(98));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('e')).toBeDefined();
    expect(c.bytes).toBeLessThanOrEqual(400);
    expect(c.size).toBe(4);
  });

  it('refuses an answer bigger than a quarter of it, and everything when off', () => {
    expect(new ResponseCache(400, 60_000).set('a', answer(99))).toBe(false);
    expect(new ResponseCache(400, 60_000).set('a', answer(98))).toBe(true);
    expect(new ResponseCache(0, 60_000).set('a', answer(1))).toBe(false);
  });

  it('replaces an entry under the same key without counting it twice', () => {
    const c = new ResponseCache(1000, 60_000, () => 0);
    c.set('a', answer(50));
    c.set('a', answer(60));
    expect(c.size).toBe(1);
    expect(c.bytes).toBe(62);
    expect(c.get('a')!.body.byteLength).toBe(60);
  });
});
