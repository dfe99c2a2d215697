import { describe, expect, it } from 'vitest';
import { type ClientId, QueueFullError, UpstreamLimiter } from './limiter.ts';

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

describe('UpstreamLimiter fairness between clients', () => {
  const slow: ClientId = { id: '203.0.113.1', capped: true };
  const other: ClientId = { id: '203.0.113.2', capped: true };
  const third: ClientId = { id: '203.0.113.3', capped: true };
  const local = (id: string): ClientId => ({ id, capped: false });

  /** Asks for `n` slots for `client`, recording each grant as `name#i` in `order`. */
  function ask(l: UpstreamLimiter, client: ClientId, n: number, order: string[], name: string) {
    return Array.from({ length: n }, (_, i) =>
      l.acquire('a', undefined, client).then((release) => {
        order.push(`${name}#${i}`);
        return release;
      }),
    );
  }

  it("serves another client's one query next, not after a slow client's 50 queued ones", async () => {
    // Uncapped clients (loopback), so only the order of the queue is tested.
    const l = new UpstreamLimiter(2, 100);
    const order: string[] = [];
    const running = await Promise.all(ask(l, local('127.0.0.2'), 2, order, 'slow-running'));
    const slowQueued = ask(l, local('127.0.0.2'), 50, order, 'slow');
    const otherQueued = ask(l, local('127.0.0.3'), 1, order, 'other');
    expect(l.queued('a')).toBe(51);
    order.length = 0;
    running[0]!();
    await tick();
    expect(order).toEqual(['other#0']);
    // Then the slow client's, in their own order, as slots free up.
    running[1]!();
    (await otherQueued[0]!)();
    await tick();
    expect(order).toEqual(['other#0', 'slow#0', 'slow#1']);
    for (const p of slowQueued) (await p)();
    expect(l.active('a')).toBe(0);
    expect(l.queued('a')).toBe(0);
    expect(l.clients('a')).toBe(0);
  });

  it('serves the other client next with one slot, when both then have none running', async () => {
    const l = new UpstreamLimiter(1, 100, 100);
    const order: string[] = [];
    const [running] = ask(l, slow, 1, order, 'slow-running');
    const slowQueued = ask(l, slow, 50, order, 'slow');
    const [otherQueued] = ask(l, other, 1, order, 'other');
    (await running!)();
    await tick();
    // Both have none running: the slot goes to the one given a slot least recently.
    expect(order).toEqual(['slow-running#0', 'other#0']);
    (await otherQueued!)();
    for (const p of slowQueued) (await p)();
    expect(order).toHaveLength(52);
    expect(l.clients('a')).toBe(0);
  });

  it('takes turns between busy clients, fewest running first', async () => {
    const l = new UpstreamLimiter(3, 100);
    const order: string[] = [];
    const held = new Map<string, () => void>();
    const ask3 = (name: string, n: number, label = name) =>
      Array.from({ length: n }, (_, i) =>
        l.acquire('a', undefined, local(name)).then((release) => {
          order.push(`${label}#${i}`);
          held.set(`${label}#${i}`, release);
        }),
      );
    ask3('x', 3, 'x-running');
    await tick();
    ask3('x', 4);
    ask3('y', 4);
    ask3('z', 4);
    order.length = 0;
    const release = async (name: string) => {
      held.get(name)!();
      held.delete(name);
      await tick();
    };
    // x holds all three slots: each release goes to a client with none running, in turn.
    for (const r of ['x-running#0', 'x-running#1', 'x-running#2']) await release(r);
    expect(order).toEqual(['y#0', 'z#0', 'x#0']);
    // Then one each: whoever lets go is served again, after the others had their turn.
    await release('y#0');
    await release('z#0');
    await release('x#0');
    expect(order.slice(3)).toEqual(['y#1', 'z#1', 'x#1']);
    while (held.size > 0) for (const name of [...held.keys()]) await release(name);
    expect(order).toHaveLength(12);
    expect(l.active('a')).toBe(0);
    expect(l.clients('a')).toBe(0);
  });

  it('leaves one slot free of a capped client for someone else', async () => {
    const l = new UpstreamLimiter(3, 100, 50);
    const order: string[] = [];
    const slowRunning = ask(l, slow, 10, order, 'slow');
    await tick();
    expect(l.active('a')).toBe(2);
    expect(l.queued('a')).toBe(8);
    const [otherGranted] = ask(l, other, 1, order, 'other');
    await tick();
    expect(order).toEqual(['slow#0', 'slow#1', 'other#0']);
    (await otherGranted!)();
    (await slowRunning[0]!)();
    (await slowRunning[1]!)();
    for (const p of slowRunning) (await p)();
    expect(l.active('a')).toBe(0);
    expect(l.clients('a')).toBe(0);
  });

  it('refuses a capped client past its share with 429, and it only', async () => {
    const l = new UpstreamLimiter(3, 100, 5);
    const mine = ask(l, slow, 5, [], 'slow');
    await expect(l.acquire('a', undefined, slow)).rejects.toThrow(
      '203.0.113.1 has 2 upstream requests running and 3 waiting, the most one client may have (UPSTREAM_PER_CLIENT)',
    );
    await expect(l.acquire('a', undefined, slow)).rejects.toBeInstanceOf(QueueFullError);
    // Another client is served at once, and may queue too.
    const theirs = await l.acquire('a', undefined, other);
    const queued = l.acquire('a', undefined, third);
    expect(l.queued('a')).toBe(4);
    // Loopback clients have no share cap.
    const locals = Array.from({ length: 20 }, () => l.acquire('a', undefined, local('127.0.0.1')));
    expect(l.queued('a')).toBe(24);
    theirs();
    await expect(queued).resolves.toBeTypeOf('function');
    (await queued)();
    for (const p of [...mine, ...locals]) (await p)();
    expect(l.active('a')).toBe(0);
  });

  it('still holds every client to the whole queue', async () => {
    const l = new UpstreamLimiter(1, 2, 5);
    await l.acquire('a', undefined, slow);
    void l.acquire('a', undefined, slow);
    void l.acquire('a', undefined, other);
    await expect(l.acquire('a', undefined, third)).rejects.toThrow(
      '1 upstream requests running and 2 waiting; the queue is full',
    );
  });

  it("gives up an aborted waiter's place and forgets a client with nothing left", async () => {
    const l = new UpstreamLimiter(1, 10);
    const first = await l.acquire('a', undefined, local('x'));
    const ac = new AbortController();
    const gone = l.acquire('a', ac.signal, local('y'));
    const next = l.acquire('a', undefined, local('z'));
    expect(l.clients('a')).toBe(3);
    ac.abort(new Error('client left'));
    await expect(gone).rejects.toThrow('client left');
    expect(l.clients('a')).toBe(2);
    first();
    (await next)();
    expect(l.clients('a')).toBe(0);
    expect(l.active('a')).toBe(0);
  });
});
