// Bounded upstream concurrency, one budget per datasource: at most `limit` calls in flight, the
// rest wait first come, first served in a queue of at most `queueMax`; past that the caller
// is told at once (QueueFullError → 429) rather than piling up work Prometheus cannot do.
// A slot is held from the request until the upstream body has been read, because that is
// how long Prometheus is busy with it.

export class QueueFullError extends Error {}

interface Waiter {
  grant: (release: () => void) => void;
}

interface Budget {
  active: number;
  queue: Waiter[];
}

export class UpstreamLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    readonly limit: number,
    readonly queueMax: number,
  ) {}

  private budget(uid: string): Budget {
    let b = this.budgets.get(uid);
    if (!b) {
      b = { active: 0, queue: [] };
      this.budgets.set(uid, b);
    }
    return b;
  }

  active(uid: string): number {
    return this.budgets.get(uid)?.active ?? 0;
  }

  queued(uid: string): number {
    return this.budgets.get(uid)?.queue.length ?? 0;
  }

  datasources(): string[] {
    return [...this.budgets.keys()];
  }

  /**
   * Resolves with a release function once a slot is free (call it exactly once; later calls
   * do nothing). Rejects with QueueFullError when the queue is full, and with the signal's
   * reason when it aborts while waiting (the place in the queue is given up).
   */
  acquire(uid: string, signal?: AbortSignal): Promise<() => void> {
    const b = this.budget(uid);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (b.active < this.limit) {
      b.active++;
      return Promise.resolve(this.releaser(b));
    }
    if (b.queue.length >= this.queueMax) {
      return Promise.reject(
        new QueueFullError(
          `${b.active} upstream requests running and ${b.queue.length} waiting; the queue is full`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = b.queue.indexOf(waiter);
        if (i !== -1) b.queue.splice(i, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      b.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(b: Budget): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = b.queue.shift();
      // The slot passes straight to the next in line, so `active` never dips in between.
      if (next) next.grant(this.releaser(b));
      else b.active--;
    };
  }
}
