/**
 * Synthetic client for the demo service: a weighted route mix over keep-alive HTTP with
 * a slowly breathing request rate, so graphs have shape instead of flat lines.
 */
import { Agent, type ClientRequest, request } from 'node:http';
import { chance, pick, randomInt } from './latency.ts';
import { MAX_USER_ID } from './routes.ts';

export interface Traffic {
  stop(): void;
}

/** Never more than this many requests in flight; excess ticks are dropped, not queued. */
const MAX_IN_FLIGHT = 50;
/** Scheduler tick, ms. */
const TICK_MS = 100;
/** Period of the load sine, ms (10 min: visible on a 1 h graph, smooth on a 5 min one). */
const WAVE_PERIOD_MS = 10 * 60_000;
/** Relative amplitude of the load sine: rate swings between 50% and 150% of rps. */
const WAVE_AMPLITUDE = 0.5;

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const SEARCH_TERMS = ['widget', 'gadget', 'gizmo', 'blue', 'cheap', 'sprocket', 'new'];

/** Route mix, weights are relative. */
const MIX: readonly { weight: number; make: () => Call }[] = [
  { weight: 20, make: () => ({ method: 'GET', path: '/api/users' }) },
  {
    weight: 30,
    make: () => {
      // ~5% bad ids (out of range or not a number) so the 404 series is never empty.
      const id = chance(0.05)
        ? pick([String(randomInt(MAX_USER_ID + 1, 99_999)), 'abc', '0'])
        : String(randomInt(1, MAX_USER_ID));
      return { method: 'GET', path: `/api/users/${id}` };
    },
  },
  {
    weight: 15,
    make: () => ({
      method: 'POST',
      path: '/api/orders',
      // An occasional truncated body exercises the 400 path.
      body: chance(0.01)
        ? '{"sku":'
        : JSON.stringify({ sku: `SKU-${randomInt(1, 300)}`, qty: randomInt(1, 5) }),
    }),
  },
  { weight: 20, make: () => ({ method: 'GET', path: '/api/products' }) },
  {
    weight: 10,
    make: () => ({
      method: 'GET',
      path: chance(0.02) ? '/api/search' : `/api/search?q=${pick(SEARCH_TERMS)}`,
    }),
  },
  { weight: 5, make: () => ({ method: 'GET', path: '/healthz' }) },
];
const TOTAL_WEIGHT = MIX.reduce((sum, m) => sum + m.weight, 0);

function nextCall(): Call {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const m of MIX) {
    r -= m.weight;
    if (r < 0) return m.make();
  }
  return { method: 'GET', path: '/healthz' };
}

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function startTraffic({ target, rps = 20 }: { target: string; rps?: number }): Traffic {
  const base = new URL(target);
  // This is a load generator: refuse to point it at anything but this machine.
  if (base.protocol !== 'http:' || !isLoopback(base.hostname)) {
    throw new Error(`startTraffic: target must be a loopback http:// URL, got ${target}`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const inFlight = new Set<ClientRequest>();
  const startedAt = Date.now(); // ms
  const phase = Math.random() * 2 * Math.PI; // so two demo runs do not breathe in sync
  let credit = 0; // fractional requests owed by the scheduler
  let stopped = false;

  function send(call: Call): void {
    const req = request(new URL(call.path, base), {
      method: call.method,
      agent,
      headers: call.body
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) }
        : undefined,
    });
    inFlight.add(req);
    const done = () => inFlight.delete(req);
    req.on('response', (res) => {
      res.resume(); // drain so the socket returns to the keep-alive pool
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', done); // refused/reset/aborted: the demo keeps going
    req.on('close', done);
    req.end(call.body);
  }

  const timer = setInterval(() => {
    if (stopped) return;
    const t = Date.now() - startedAt;
    const rate = rps * (1 + WAVE_AMPLITUDE * Math.sin((2 * Math.PI * t) / WAVE_PERIOD_MS + phase));
    credit += (rate * TICK_MS) / 1000;
    while (credit >= 1) {
      credit -= 1;
      if (inFlight.size >= MAX_IN_FLIGHT) continue; // shed load rather than queue it
      send(nextCall());
    }
  }, TICK_MS);

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      for (const req of inFlight) req.destroy();
      inFlight.clear();
      agent.destroy();
    },
  };
}
