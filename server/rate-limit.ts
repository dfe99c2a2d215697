// Per-client request rate: a token bucket per client IP (RATE_LIMIT tokens per second, up to
// RATE_BURST), so one client cannot flood the server or, through the proxy, Prometheus.
// Loopback clients are not limited: on a loopback-only server every client is this machine's
// own user, and a reverse proxy on this machine (all its clients arriving as 127.0.0.1) has
// to limit by itself, since it alone knows who they are.
import type { MiddlewareHandler } from 'hono';
import type { RequestEnv } from './deps.ts';
import { apiError } from './errors.ts';

interface Bucket {
  tokens: number;
  at: number; // ms: when `tokens` was last brought up to date
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(), // ms
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one token for `client`: 0 when granted, else the seconds until one is due. */
  take(client: string): number {
    const now = this.now();
    let b = this.buckets.get(client);
    if (b) {
      b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
      b.at = now;
    } else {
      if (this.buckets.size >= this.maxClients) this.sweep(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(client, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.perSecond; // seconds
  }

  get clients(): number {
    return this.buckets.size;
  }

  /** Forgets full buckets (those idle long enough to have refilled): they hold no state. */
  private sweep(now: number): void {
    const refillMs = (this.burst / this.perSecond) * 1000;
    for (const [k, b] of this.buckets) if (now - b.at >= refillMs) this.buckets.delete(k);
    // Still full of active clients: start over rather than grow without bound.
    if (this.buckets.size >= this.maxClients) this.buckets.clear();
  }
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/** Whether a client address is this machine's own (exempt from per-client limits). */
export function isLoopbackClient(addr: string): boolean {
  return LOOPBACK.test(addr);
}

export function rateLimit(perSecond: number, burst: number): MiddlewareHandler {
  const limiter = perSecond > 0 ? new RateLimiter(perSecond, burst) : undefined;
  return async (c, next) => {
    const client = (c.env as RequestEnv | undefined)?.remoteAddr;
    if (!limiter || client === undefined || isLoopbackClient(client)) return next();
    const waitS = limiter.take(client);
    if (waitS === 0) return next();
    c.header('Retry-After', String(Math.max(1, Math.ceil(waitS))));
    return apiError(
      c,
      429,
      'too_many_requests',
      `over ${perSecond} requests per second from ${client} (RATE_LIMIT); slow down`,
    );
  };
}
