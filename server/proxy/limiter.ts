// Bounded upstream concurrency, one budget per datasource: at most `limit` calls in flight, the
// rest wait in a queue of at most `queueMax`; past that the caller is told at once
// (QueueFullError → 429) rather than piling up work Prometheus cannot do. A slot is held from
// the request until the upstream body has been read, because that is how long Prometheus is
// busy with it.
//
// The queue is fair between clients, so one client sending many slow queries cannot keep
// everyone else waiting: a freed slot goes to the waiting client with the fewest calls
// running, and among equals to the one given a slot least recently (round robin), each
// client's own calls first come, first served. So another viewer's one query is served next after a slow
// client's fifty, not fifty-first. A capped client (proxy.ts: one not on loopback, as for
// RATE_LIMIT) also never holds every slot (at most limit − 1 run, so one is left for someone
// else) and may have at most `perClient` calls running and waiting; past that it alone gets
// a 429. Loopback clients are not capped: on a loopback-only server they are all this
// machine's user, and behind a reverse proxy on this machine they are everyone.

export class QueueFullError extends Error {}

/** Who asks for a slot: `id` tells clients apart (an IP address); `capped` as above. */
export interface ClientId {
  id: string;
  capped: boolean;
}

/** One unnamed, uncapped client: what a caller that names none is. */
const ANYONE: ClientId = { id: '', capped: false };

interface Waiter {
  grant: (release: () => void) => void;
}

/** One client's share of one datasource's budget. */
interface Share {
  client: ClientId;
  running: number;
  waiting: Waiter[];
  /** When it was last given a slot (Budget.grants then); 0 if never. */
  served: number;
}

interface Budget {
  active: number;
  /** Waiters of every client. */
  queued: number;
  /** Clients with calls running or waiting; forgotten when they have neither. */
  shares: Map<string, Share>;
  /** Clients with calls waiting. */
  turns: Map<string, Share>;
  /** Slots given so far: the clock of Share.served. */
  grants: number;
}

export class UpstreamLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    readonly limit: number,
    readonly queueMax: number,
    /** Calls one capped client may have running and waiting per datasource. */
    readonly perClient = Number.POSITIVE_INFINITY,
  ) {}

  private budget(uid: string): Budget {
    let b = this.budgets.get(uid);
    if (!b) {
      b = { active: 0, queued: 0, shares: new Map(), turns: new Map(), grants: 0 };
      this.budgets.set(uid, b);
    }
    return b;
  }

  active(uid: string): number {
    return this.budgets.get(uid)?.active ?? 0;
  }

  queued(uid: string): number {
    return this.budgets.get(uid)?.queued ?? 0;
  }

  /** Clients with calls running or waiting on the datasource. */
  clients(uid: string): number {
    return this.budgets.get(uid)?.shares.size ?? 0;
  }

  datasources(): string[] {
    return [...this.budgets.keys()];
  }

  /** Calls the client may have running at once: all but one slot when capped. */
  private runCap(s: Share): number {
    return s.client.capped && this.limit > 1 ? this.limit - 1 : this.limit;
  }

  /**
   * Resolves with a release function once a slot is free (call it exactly once; later calls
   * do nothing). Rejects with QueueFullError when the queue, or a capped client's share of
   * it, is full, and with the signal's reason when it aborts while waiting (the place in the
   * queue is given up).
   */
  acquire(uid: string, signal?: AbortSignal, client: ClientId = ANYONE): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const b = this.budget(uid);
    const s = b.shares.get(client.id) ?? { client, running: 0, waiting: [], served: 0 };
    if (client.capped && s.running + s.waiting.length >= this.perClient) {
      return Promise.reject(
        new QueueFullError(
          `${client.id} has ${s.running} upstream requests running and ${s.waiting.length} ` +
            `waiting, the most one client may have (UPSTREAM_PER_CLIENT)`,
        ),
      );
    }
    // No waiter can use a free slot (release hands each one on), so taking it jumps no one.
    if (b.active < this.limit && s.running < this.runCap(s)) {
      b.shares.set(client.id, s);
      return Promise.resolve(this.grant(b, s));
    }
    if (b.queued >= this.queueMax) {
      return Promise.reject(
        new QueueFullError(
          `${b.active} upstream requests running and ${b.queued} waiting; the queue is full`,
        ),
      );
    }
    b.shares.set(client.id, s);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = s.waiting.indexOf(waiter);
        if (i !== -1) {
          s.waiting.splice(i, 1);
          b.queued--;
          if (s.waiting.length === 0) b.turns.delete(client.id);
          this.forgetIdle(b, s);
        }
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      s.waiting.push(waiter);
      b.queued++;
      b.turns.set(client.id, s);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Gives `s` a slot: returns its release function. */
  private grant(b: Budget, s: Share): () => void {
    s.running++;
    s.served = ++b.grants;
    b.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.running--;
      b.active--;
      this.handOn(b);
      this.forgetIdle(b, s);
    };
  }

  /**
   * Gives the slot just freed to the next waiter: of the waiting clients that may run one
   * more, the one with the fewest running, the one given a slot least recently among equals.
   * (Only the releasing client's room changed, so one grant is all a release can allow.)
   */
  private handOn(b: Budget): void {
    let next: Share | undefined;
    for (const s of b.turns.values()) {
      if (s.running >= this.runCap(s)) continue;
      if (
        !next ||
        s.running < next.running ||
        (s.running === next.running && s.served < next.served)
      ) {
        next = s;
      }
    }
    if (!next) return;
    const waiter = next.waiting.shift()!;
    b.queued--;
    if (next.waiting.length === 0) b.turns.delete(next.client.id);
    waiter.grant(this.grant(b, next));
  }

  /** Forgets a client with nothing running or waiting: it holds no state worth keeping. */
  private forgetIdle(b: Budget, s: Share): void {
    if (s.running === 0 && s.waiting.length === 0 && b.shares.get(s.client.id) === s) {
      b.shares.delete(s.client.id);
    }
  }
}
