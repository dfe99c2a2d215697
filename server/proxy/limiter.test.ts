import { describe, expect, it } from 'vitest';
import { QueueFullError, UpstreamLimiter } from './limiter.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UpstreamLimiter', () => {
  it('runs up to the limit at once, queues the rest first come first served', async () => {
    const l = new UpstreamLimiter(2, 10);
    const order: string[] = [];
    const r1 = await l.acquire('a');
    const r2 = await l.acquire('a');
    const granted = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const p3 = l.acquire('a').then(granted('3'));
    const p4 = l.acquire('a').then(granted('4'));
    expect(l.active('a')).toBe(2);
    expect(l.queued('a')).toBe(2);
    r2();
    await tick();
    expect(order).toEqual(['3']);
    expect(l.active('a')).toBe(2);
    r1();
    await tick();
    expect(order).toEqual(['3', '4']);
    (await p3)();
    (await p4)();
    expect(l.active('a')).toBe(0);
  });

  it('keeps one budget per datasource', async () => {
    const l = new UpstreamLimiter(1, 0);
    await l.acquire('a');
    await expect(l.acquire('b')).resolves.toBeTypeOf('function');
    await expect(l.acquire('a')).rejects.toBeInstanceOf(QueueFullError);
  });

  it('refuses once the queue is full, saying how busy it is', async () => {
    const l = new UpstreamLimiter(1, 1);
    await l.acquire('a');
    void l.acquire('a');
    await expect(l.acquire('a')).rejects.toThrow(
      '1 upstream requests running and 1 waiting; the queue is full',
    );
  });

  it('gives up a queued place when the signal aborts, and the next in line moves up', async () => {
    const l = new UpstreamLimiter(1, 5);
    const first = await l.acquire('a');
    const ac = new AbortController();
    const gone = l.acquire('a', ac.signal);
    const next = l.acquire('a');
    ac.abort(new Error('client left'));
    await expect(gone).rejects.toThrow('client left');
    expect(l.queued('a')).toBe(1);
    first();
    await expect(next).resolves.toBeTypeOf('function');
    expect(l.active('a')).toBe(1);
  });

  it('ignores a second release of the same slot', async () => {
    const l = new UpstreamLimiter(1, 5);
    const r = await l.acquire('a');
    r();
    r();
    expect(l.active('a')).toBe(0);
  });
});
