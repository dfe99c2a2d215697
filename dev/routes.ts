/**
 * Route table of the demo service. Each route has its own latency profile and fault
 * rates so that dashboards show distinct, realistic shapes per `route` label.
 */
import { chance, type LatencyProfile, pick, randomInt } from './latency.ts';

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Raw request body (utf8); empty for GET. */
  body: string;
}

export interface RouteResponse {
  status: number;
  body: unknown;
}

export interface Route {
  method: string;
  /** Pattern used as the `route` label, e.g. `/api/users/:id`. */
  pattern: string;
  latency: LatencyProfile;
  handle(req: RouteRequest): RouteResponse;
}

/** Highest valid user id; the traffic generator asks for higher ones to provoke 404s. */
export const MAX_USER_ID = 500;

const NAMES = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Dennis', 'Frances'];
const PRODUCTS = ['widget', 'gadget', 'sprocket', 'gizmo', 'doohickey', 'thingamajig'];

// Typical web-API shape: body around the median, 1.5% of requests take 1–4 s.
// Rare enough that the service-wide p99 stays under a second while p99.9 and /api/search show it.
const tail = { tailP: 0.003, tailMinMs: 1_000, tailMaxMs: 4_000 };

const serverError = (): RouteResponse => ({ status: 500, body: { error: 'internal error' } });

function user(id: number) {
  return { id, name: NAMES[id % NAMES.length], email: `user${id}@example.com` };
}

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/users',
    latency: { medianMs: 40, sigma: 0.5, ...tail },
    handle: () => {
      if (chance(0.005)) return serverError();
      const start = randomInt(1, MAX_USER_ID - 20);
      return { status: 200, body: Array.from({ length: 20 }, (_, i) => user(start + i)) };
    },
  },
  {
    method: 'GET',
    pattern: '/api/users/:id',
    latency: { medianMs: 15, sigma: 0.6, ...tail },
    handle: ({ params }) => {
      const id = Number(params.id);
      // Unknown ids plus a trickle of "deleted" users → 404.
      if (!Number.isInteger(id) || id < 1 || id > MAX_USER_ID || chance(0.01)) {
        return { status: 404, body: { error: 'user not found' } };
      }
      if (chance(0.01)) return serverError();
      return { status: 200, body: user(id) };
    },
  },
  {
    method: 'POST',
    pattern: '/api/orders',
    latency: { medianMs: 80, sigma: 0.45, ...tail },
    handle: ({ body }) => {
      let order: unknown;
      try {
        order = JSON.parse(body);
      } catch {
        return { status: 400, body: { error: 'invalid JSON' } };
      }
      // Simulated validation failures on top of genuinely malformed bodies.
      if (typeof order !== 'object' || order === null || chance(0.04)) {
        return { status: 400, body: { error: 'invalid order' } };
      }
      // Orders touch the payment backend, so they fail more often than reads.
      if (chance(0.04))
        return { status: chance(0.5) ? 502 : 500, body: { error: 'payment failed' } };
      return { status: 201, body: { id: randomInt(10_000, 99_999), ...order } };
    },
  },
  {
    method: 'GET',
    pattern: '/api/products',
    latency: { medianMs: 30, sigma: 0.4, ...tail },
    handle: () => {
      if (chance(0.01)) return serverError();
      return { status: 200, body: PRODUCTS.map((name, i) => ({ id: i + 1, name })) };
    },
  },
  {
    method: 'GET',
    pattern: '/api/search',
    // Search is the slow endpoint: higher median, wider spread, fatter tail.
    latency: { medianMs: 150, sigma: 0.7, tailP: 0.02, tailMinMs: 1_000, tailMaxMs: 4_000 },
    handle: ({ query }) => {
      const q = query.get('q');
      if (!q) return { status: 400, body: { error: 'missing q' } };
      if (chance(0.02)) return { status: 503, body: { error: 'search backend unavailable' } };
      const hits = PRODUCTS.filter((p) => p.includes(q.toLowerCase()));
      return { status: 200, body: { q, hits: hits.length ? hits : [pick(PRODUCTS)] } };
    },
  },
  {
    method: 'GET',
    pattern: '/healthz',
    latency: { medianMs: 1, sigma: 0.3, tailP: 0, tailMinMs: 0, tailMaxMs: 0 },
    handle: () => ({ status: 200, body: { ok: true } }),
  },
];

/** Match a concrete path against a `:param` pattern; returns params or null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      params[w.slice(1)] = safeDecode(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // Malformed %-escapes: keep the raw segment; the handler will reject it.
    return s;
  }
}
