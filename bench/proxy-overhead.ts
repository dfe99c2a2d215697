// Bench 1, proxy overhead: the same query_range sent straight to Prometheus and through the
// Promscope proxy, side by side, at a fixed concurrency for a fixed time each. Two kinds of
// load: "same" — every request in a 5 s slot identical (end = now aligned to the step), where
// the proxy may merge in-flight calls; and "distinct" — a no-op `+ 0*N` makes every request
// unique, so the proxy has to make one upstream call per request and the figure is its bare
// overhead. Ranges end at now, which the proxy's cache never holds.
import { type LoadResult, runLoad } from './http.ts';
import { queryRequests } from './metrics-text.ts';
import { fmt, mark, percentile, table } from './stats.ts';

export const EXPR = 'sum by (route) (rate(http_requests_total{job="demo"}[1m]))';
const WINDOW_S = 900; // s: a 15 m window
const STEP_S = 5; // s
export const ACCEPT_ENCODING = 'gzip';

export interface OverheadRow {
  kind: 'same' | 'distinct';
  concurrency: number;
  direct: LoadResult;
  proxy: LoadResult;
  /** Upstream query calls Prometheus counted during the proxy run. */
  proxyUpstream: number;
}

function rangeQs(n: number, distinct: boolean): string {
  const end = Math.floor(Date.now() / 1000 / STEP_S) * STEP_S;
  const query = distinct ? `${EXPR} + 0*${n}` : EXPR;
  return new URLSearchParams({
    query,
    start: String(end - WINDOW_S),
    end: String(end),
    step: String(STEP_S),
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
  for (const kind of ['distinct', 'same'] as const) {
    for (const concurrency of opts.concurrencies) {
      const run = (base: string) =>
        runLoad({
          url: (n) => `${base}?${rangeQs(n, kind === 'distinct')}`,
          concurrency,
          durationMs: opts.durationMs,
          acceptEncoding: ACCEPT_ENCODING,
        });
      // Warm both paths (sockets, Prometheus' caches) before measuring.
      await runLoad({
        url: (n) => `${direct}?${rangeQs(n, true)}`,
        concurrency,
        durationMs: 500,
        acceptEncoding: ACCEPT_ENCODING,
      });
      await runLoad({
        url: (n) => `${proxied}?${rangeQs(n, true)}`,
        concurrency,
        durationMs: 500,
        acceptEncoding: ACCEPT_ENCODING,
      });
      const d = await run(direct);
      const before = await promQueryCount(opts.prometheusUrl);
      const p = await run(proxied);
      const proxyUpstream = (await promQueryCount(opts.prometheusUrl)) - before;
      rows.push({
        kind,
        concurrency,
        direct: d,
        proxy: p,
        proxyUpstream: Math.max(0, proxyUpstream),
      });
      opts.log(
        `proxy overhead ${kind} c=${concurrency}: direct ${fmt(d.requests / d.durationS)} req/s, proxy ${fmt(p.requests / p.durationS)} req/s`,
      );
    }
  }
  return rows;
}

export function overheadTable(rows: OverheadRow[]): string {
  return table(
    [
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
