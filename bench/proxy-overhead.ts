// Bench 1, proxy overhead: the same query_range sent straight to Prometheus and through the
// Promscope proxy, side by side, at a fixed concurrency for a fixed time each. Two kinds of
// load: "same" — every request in a 5 s slot identical (end = now aligned to the step), where
// the proxy may merge in-flight calls; and "distinct" — a no-op `+ 0*N` makes every request
// unique, so the proxy has to make one upstream call per request and the figure is its bare
// overhead. Ranges end at now, which the proxy's cache never holds. Beside them, the floor: a
// bare Node pass-through proxy (floor-proxy.ts), what any proxy in Node costs on this machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from './http.ts';
import { queryRequests } from './metrics-text.ts';
import { fmt, mark, percentile, table } from './stats.ts';

import { syntheticSeries } from './tick-bytes.ts';

/** The queries compared: one Prometheus answers in about a millisecond, one that works. */
export const QUERIES = {
  light: {
    expr: 'sum by (route) (rate(http_requests_total{job="demo"}[1m]))',
    windowS: 900, // s: 15 m
    stepS: 5, // s
  },
  heavy: {
    expr: syntheticSeries(20),
    windowS: 21_600, // s: 6 h
    stepS: 60, // s: 361 points × 20 series
  },
} as const;
export type QueryName = keyof typeof QUERIES;
export const ACCEPT_ENCODING = 'gzip';

export interface OverheadRow {
  query: QueryName;
  kind: 'same' | 'distinct';
  concurrency: number;
  direct: LoadResult;
  proxy: LoadResult;
  /** The bare Node pass-through proxy (floor-proxy.ts). */
  floor: LoadResult;
  /** Upstream query calls Prometheus counted during the proxy run. */
  proxyUpstream: number;
}

function rangeQs(name: QueryName, n: number, distinct: boolean): string {
  const { expr, windowS, stepS } = QUERIES[name];
  const end = Math.floor(Date.now() / 1000 / stepS) * stepS;
  const query = distinct ? `${expr} + 0*${n}` : expr;
  return new URLSearchParams({
    query,
    start: String(end - windowS),
    end: String(end),
    step: String(stepS),
  }).toString();
}

/** Starts floor-proxy.js as its own process; resolves with its URL and a stop. */
function startFloor(upstreamUrl: string): Promise<{ url: string; stop: () => void }> {
  const file = fileURLToPath(new URL('floor-proxy.js', import.meta.url));
  const child = spawn(process.execPath, [file, upstreamUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the floor proxy exited (${code})`)));
    child.stdout.once('data', (line: Buffer) => {
      resolve({ url: line.toString().trim(), stop: () => child.kill() });
    });
  });
}

async function promQueryCount(promUrl: string): Promise<number> {
  return queryRequests(await (await fetch(`${promUrl}/metrics`)).text());
}

export async function benchProxyOverhead(opts: {
  prometheusUrl: string;
  serverUrl: string;
  dsUid: string;
  concurrencies: number[];
  durationMs: number; // ms per run
  log: (line: string) => void;
}): Promise<OverheadRow[]> {
  const direct = `${opts.prometheusUrl}/api/v1/query_range`;
  const proxied = `${opts.serverUrl}/api/datasources/proxy/uid/${encodeURIComponent(opts.dsUid)}/api/v1/query_range`;
  const floorProxy = await startFloor(opts.prometheusUrl);
  const floor = `${floorProxy.url}/api/v1/query_range`;
  try {
    return await measure(opts, direct, proxied, floor);
  } finally {
    floorProxy.stop();
  }
}

async function measure(
  opts: {
    prometheusUrl: string;
    concurrencies: number[];
    durationMs: number;
    log: (line: string) => void;
  },
  direct: string,
  proxied: string,
  floor: string,
): Promise<OverheadRow[]> {
  const rows: OverheadRow[] = [];
  const runs: [QueryName, 'distinct' | 'same'][] = [
    ['light', 'distinct'],
    ['light', 'same'],
    ['heavy', 'distinct'],
  ];
  for (const [query, kind] of runs) {
    // The heavy query at 64 at once only measures Prometheus' own queue on a small machine.
    const levels =
      query === 'heavy' ? opts.concurrencies.filter((c) => c <= 16) : opts.concurrencies;
    for (const concurrency of levels) {
      const run = (base: string) =>
        runLoad({
          url: (n) => `${base}?${rangeQs(query, n, kind === 'distinct')}`,
          concurrency,
          durationMs: opts.durationMs,
          acceptEncoding: ACCEPT_ENCODING,
        });
      // Warm both paths (sockets, Prometheus' caches) before measuring.
      await runLoad({
        url: (n) => `${direct}?${rangeQs(query, n, true)}`,
        concurrency,
        durationMs: 500,
        acceptEncoding: ACCEPT_ENCODING,
      });
      for (const base of [proxied, floor]) {
        await runLoad({
          url: (n) => `${base}?${rangeQs(query, n, true)}`,
          concurrency,
          durationMs: 500,
          acceptEncoding: ACCEPT_ENCODING,
        });
      }
      const d = await run(direct);
      const f = await run(floor);
      const before = await promQueryCount(opts.prometheusUrl);
      const p = await run(proxied);
      const proxyUpstream = (await promQueryCount(opts.prometheusUrl)) - before;
      rows.push({
        query,
        kind,
        concurrency,
        direct: d,
        proxy: p,
        floor: f,
        proxyUpstream: Math.max(0, proxyUpstream),
      });
      opts.log(
        `proxy overhead ${query} ${kind} c=${concurrency}: direct ${fmt(d.requests / d.durationS)} req/s, proxy ${fmt(p.requests / p.durationS)} req/s, floor ${fmt(f.requests / f.durationS)} req/s`,
      );
    }
  }
  return rows;
}

export function overheadTable(rows: OverheadRow[]): string {
  return table(
    [
      'query',
      'load',
      'conc.',
      'direct p50 / p99 (ms)',
      'proxy p50 / p99 (ms)',
      'p50 ratio',
      'p99 ratio',
      'direct req/s',
      'proxy req/s',
      'throughput ratio',
      'floor p50 / p99 (ms)',
      'floor p50 ratio',
      'floor throughput ratio',
      'upstream calls / proxied req',
      'errors d/p/f',
    ],
    rows.map((r) => {
      const d50 = percentile(r.direct.latenciesMs, 50);
      const p50 = percentile(r.proxy.latenciesMs, 50);
      const d99 = percentile(r.direct.latenciesMs, 99);
      const p99 = percentile(r.proxy.latenciesMs, 99);
      const dt = r.direct.requests / r.direct.durationS;
      const pt = r.proxy.requests / r.proxy.durationS;
      const f50 = percentile(r.floor.latenciesMs, 50);
      const f99 = percentile(r.floor.latenciesMs, 99);
      const ft = r.floor.requests / r.floor.durationS;
      return [
        r.query,
        r.kind,
        String(r.concurrency),
        `${fmt(d50, 2)} / ${fmt(d99, 2)}`,
        `${fmt(p50, 2)} / ${fmt(p99, 2)}`,
        `${fmt(p50 / d50, 2)}× ${mark(p50 / d50 <= 1.05)}`,
        `${fmt(p99 / d99, 2)}×`,
        fmt(dt, 0),
        fmt(pt, 0),
        `${fmt(pt / dt, 2)}× ${mark(pt / dt >= 0.9)}`,
        `${fmt(f50, 2)} / ${fmt(f99, 2)}`,
        `${fmt(f50 / d50, 2)}×`,
        `${fmt(ft / dt, 2)}×`,
        fmt(r.proxyUpstream / Math.max(1, r.proxy.requests), 2),
        `${r.direct.errors}/${r.proxy.errors}/${r.floor.errors}`,
      ];
    }),
  );
}
