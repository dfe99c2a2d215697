/**
 * A small keep-alive load generator for `npm run load` and the e2e load smoke test: N
 * connections (one node:http Agent, maxSockets N) each send request after request for a
 * fixed time, picking from a mix of what a room full of dashboards asks — live range
 * queries on the tick, instant queries, label values, the SPA's page and assets, health and
 * search. It counts answers by status, keeps every latency for percentiles, and samples the
 * server's RSS from /proc when given its pid. Node built-ins only; loopback use only.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** http://127.0.0.1:port of the server under load (plain HTTP, loopback). */
  base: string;
  connections: number;
  seconds: number; // s
  /** The next path to ask for (with query string). */
  next: () => string;
  /** The server's pid, to sample its resident memory (Linux /proc); optional. */
  pid?: number;
  rssEveryMs?: number; // ms
}

export interface LoadReport {
  connections: number;
  seconds: number; // s, as run
  requests: number;
  ok: number; // 2xx and 3xx
  rejected: number; // deliberate 429s
  failed: number; // everything else: 4xx/5xx other than 429, and network errors
  failures: Record<string, number>; // status or error code → count
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** By kind of request (proxy endpoint, SPA page, asset, API). */
  byKind: Record<string, { requests: number; p50: number; p99: number }>;
  /** Server RSS in MiB: after the first tenth of the run (warm), halfway, at the end, the highest. */
  rssMiB?: { warm: number; mid: number; end: number; max: number };
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** A request's kind, for the per-kind latencies: the proxy endpoint, "page", "asset" or the API path. */
export function kindOf(path: string): string {
  const p = path.split('?')[0]!;
  const proxied = /\/api\/v1\/(query_range|query|label|series|metadata)/.exec(p);
  if (proxied) return `proxy ${proxied[1]}`;
  if (p.startsWith('/assets/')) return 'SPA asset';
  if (p.startsWith('/api/')) return p;
  return 'SPA page';
}

/** Resident set size of a process in MiB, from /proc/<pid>/status; undefined off Linux. */
export function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What dashboards ask for: live query_range on 5 s ticks (so viewers coalesce), instant
 * queries, label values, the SPA (page and assets), health and search.
 */
export function dashboardMix(assets: string[], dsUid = 'prometheus'): () => string {
  const proxy = `/api/datasources/proxy/uid/${dsUid}/api/v1`;
  const exprs = [
    'sum by (route) (rate(http_requests_total{job="demo"}[20s]))',
    'sum by (status) (rate(http_requests_total{job="demo"}[20s]))',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[20s])))',
    'sum(demo_inventory_items)',
    'up',
  ];
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const kinds: (() => string)[] = [
    () => {
      const step = 5;
      const end = Math.floor(Date.now() / 1000 / step) * step;
      const q = new URLSearchParams({
        query: pick(exprs),
        start: String(end - 3600),
        end: String(end),
        step: String(step),
      });
      return `${proxy}/query_range?${q}`;
    },
    () =>
      `${proxy}/query_range?${new URLSearchParams({ query: pick(exprs), start: String(Math.floor(Date.now() / 1000 / 5) * 5 - 300), end: String(Math.floor(Date.now() / 1000 / 5) * 5), step: '1' })}`,
    () =>
      `${proxy}/query?${new URLSearchParams({ query: pick(exprs), time: String(Math.floor(Date.now() / 1000)) })}`,
    () => `${proxy}/label/__name__/values`,
    () => '/',
    () => '/d/service-overview',
    () => pick(assets),
    () => '/api/health',
    () => '/api/search',
  ];
  return () => pick(kinds)();
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const url = new URL(opts.base);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`load only against loopback, not ${url.hostname}`);
  }
  const latencies: number[] = [];
  const kinds = new Map<string, number[]>();
  const failures: Record<string, number> = {};
  let ok = 0;
  let rejected = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const rss: number[] = [];
  const sampler =
    opts.pid === undefined
      ? undefined
      : setInterval(() => {
          const v = rssMiB(opts.pid!);
          if (v !== undefined) rss.push(v);
        }, opts.rssEveryMs ?? 1000);

  const once = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port,
          path,
          headers: { 'Accept-Encoding': 'gzip', 'Sec-Fetch-Site': 'same-origin' },
          timeout: 60_000,
        },
        (res) => {
          res.on('data', () => {});
          res.on('error', (err) => {
            failed++;
            failures[(err as NodeJS.ErrnoException).code ?? err.message] =
              (failures[(err as NodeJS.ErrnoException).code ?? err.message] ?? 0) + 1;
            resolve();
          });
          res.on('end', () => {
            const ms = performance.now() - t0;
            latencies.push(ms);
            const kind = kindOf(path);
            if (!kinds.has(kind)) kinds.set(kind, []);
            kinds.get(kind)!.push(ms);
            const s = res.statusCode ?? 0;
            if (s === 429) rejected++;
            else if (s >= 200 && s < 400) ok++;
            else {
              failed++;
              failures[`HTTP ${s} ${path.split('?')[0]}`] =
                (failures[`HTTP ${s} ${path.split('?')[0]}`] ?? 0) + 1;
            }
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        failed++;
        const key = (err as NodeJS.ErrnoException).code ?? err.message;
        failures[key] = (failures[key] ?? 0) + 1;
        resolve();
      });
      req.end();
    });

  const worker = async () => {
    while (performance.now() < deadline) await once(opts.next());
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  if (sampler) clearInterval(sampler);
  agent.destroy();

  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const round = (n: number) => Math.round(n * 10) / 10;
  const warmAt = Math.floor(rss.length / 10);
  return {
    connections: opts.connections,
    seconds: round(seconds),
    requests: ok + rejected + failed,
    ok,
    rejected,
    failed,
    failures,
    perSecond: Math.round((ok + rejected + failed) / seconds),
    latencyMs: {
      p50: round(quantile(sorted, 0.5)),
      p90: round(quantile(sorted, 0.9)),
      p99: round(quantile(sorted, 0.99)),
      max: round(quantile(sorted, 1)),
    },
    byKind: Object.fromEntries(
      [...kinds].sort().map(([kind, list]) => {
        const k = Float64Array.from(list).sort();
        return [
          kind,
          { requests: k.length, p50: round(quantile(k, 0.5)), p99: round(quantile(k, 0.99)) },
        ];
      }),
    ),
    ...(rss.length
      ? {
          rssMiB: {
            warm: round(rss[warmAt]!),
            mid: round(rss[Math.floor(rss.length / 2)]!),
            end: round(rss[rss.length - 1]!),
            max: round(Math.max(...rss)),
          },
        }
      : {}),
  };
}
