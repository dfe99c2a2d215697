// Bench 1, proxy overhead: the same query_range sent straight to Prometheus and through the
// Promscope proxy, side by side, at a fixed concurrency for a fixed time each. Two kinds of
// load: "same" — every request in a 5 s slot identical (end = now aligned to the step), where
// the proxy may merge in-flight calls; and "distinct" — a no-op `+ 0*N` makes every request
// unique, so the proxy has to make one upstream call per request and the figure is its bare
// overhead. Ranges end at now, which the proxy's cache never holds.
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
      await runLoad({
        url: (n) => `${proxied}?${rangeQs(query, n, true)}`,
        concurrency,
        durationMs: 500,
        acceptEncoding: ACCEPT_ENCODING,
      });
      const d = await run(direct);
      const before = await promQueryCount(opts.prometheusUrl);
      const p = await run(proxied);
      const proxyUpstream = (await promQueryCount(opts.prometheusUrl)) - before;
      rows.push({
        query,
        kind,
        concurrency,
        direct: d,
        proxy: p,
        proxyUpstream: Math.max(0, proxyUpstream),
      });
      opts.log(
        `proxy overhead ${query} ${kind} c=${concurrency}: direct ${fmt(d.requests / d.durationS)} req/s, proxy ${fmt(p.requests / p.durationS)} req/s`,
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
      'upstream calls / proxied req',
      'errors d/p',
    ],
    rows.map((r) => {
      const d50 = percentile(r.direct.latenciesMs, 50);
      const p50 = percentile(r.proxy.latenciesMs, 50);
      const d99 = percentile(r.direct.latenciesMs, 99);
      const p99 = percentile(r.proxy.latenciesMs, 99);
      const dt = r.direct.requests / r.direct.durationS;
      const pt = r.proxy.requests / r.proxy.durationS;
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
        fmt(r.proxyUpstream / Math.max(1, r.proxy.requests), 2),
        `${r.direct.errors}/${r.proxy.errors}`,
      ];
    }),
  );
}
