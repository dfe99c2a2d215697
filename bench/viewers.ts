// Bench 2, viewers: N simulated viewers (viewer.ts) of a dashboard at its refresh, opened at
// random moments within one refresh interval. Upstream load is what Prometheus itself counts
// (prometheus_http_requests_total over its query handlers, read from its own /metrics before
// and after). The steady-state window starts once every viewer has loaded and ticked once;
// the figure with the page loads included is reported beside it. The server's resident
// memory is read from its /metrics at the start and the end of each run.

import type { Panel } from '../web/model/model.ts';
import { agent } from './http.ts';
import { queryRequests, sumSamples } from './metrics-text.ts';
import { fmt, mark, table } from './stats.ts';
import { Viewer } from './viewer.ts';

export interface ViewersRow {
  viewers: number;
  durationS: number; // s
  upstreamPerS: number; // upstream query requests per second, steady state
  upstreamWithLoadsPerS: number; // the same, page loads included
  sentPerS: number; // requests the viewers sent to Promscope per second, steady state
  errors: number;
  rssStart: number; // bytes
  rssEnd: number; // bytes
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function promQueries(promUrl: string): Promise<number> {
  return queryRequests(await (await fetch(`${promUrl}/metrics`)).text());
}

export async function serverRss(serverUrl: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  return sumSamples(text, 'process_resident_memory_bytes');
}

export async function benchViewers(opts: {
  prometheusUrl: string;
  serverUrl: string;
  dsUid: string;
  panels: Panel[];
  windowMs: number; // ms
  refreshMs: number; // ms
  scrapeIntervalS: number; // s
  overlapS: number; // s
  counts: number[];
  durationMs: number; // ms of steady state measured
  log: (line: string) => void;
}): Promise<ViewersRow[]> {
  const rows: ViewersRow[] = [];
  for (const n of opts.counts) {
    const pool = agent(Math.max(6, n * 6)); // a browser keeps up to 6 connections per host
    const viewers = Array.from(
      { length: n },
      () =>
        new Viewer({
          serverUrl: opts.serverUrl,
          dsUid: opts.dsUid,
          panels: opts.panels,
          windowMs: opts.windowMs,
          refreshMs: opts.refreshMs,
          scrapeIntervalS: opts.scrapeIntervalS,
          overlapS: opts.overlapS,
          agent: pool,
        }),
    );
    const rssStart = await serverRss(opts.serverUrl);
    const before = await promQueries(opts.prometheusUrl);
    const t0 = Date.now();
    // Viewers open the page at random moments within one refresh interval.
    await Promise.all(
      viewers.map(async (v) => {
        await sleep(Math.random() * opts.refreshMs);
        await v.start();
      }),
    );
    // Every viewer has loaded; wait for the first tick all of them share to be over.
    await sleep(opts.refreshMs - (Date.now() % opts.refreshMs) + opts.refreshMs / 2);
    const steadyFrom = Date.now();
    const sentBefore = viewers.reduce((s, v) => s + v.counts.sent, 0);
    const steadyBefore = await promQueries(opts.prometheusUrl);
    await sleep(opts.durationMs);
    const steadyAfter = await promQueries(opts.prometheusUrl);
    const sentAfter = viewers.reduce((s, v) => s + v.counts.sent, 0);
    const steadyS = (Date.now() - steadyFrom) / 1000;
    for (const v of viewers) v.stop();
    const rssEnd = await serverRss(opts.serverUrl);
    pool.destroy();
    const totalS = (Date.now() - t0) / 1000;
    const row: ViewersRow = {
      viewers: n,
      durationS: steadyS,
      upstreamPerS: (steadyAfter - steadyBefore) / steadyS,
      upstreamWithLoadsPerS: (steadyAfter - before) / totalS,
      sentPerS: (sentAfter - sentBefore) / steadyS,
      errors: viewers.reduce((s, v) => s + v.counts.errors, 0),
      rssStart,
      rssEnd,
    };
    rows.push(row);
    opts.log(
      `viewers ${n}: upstream ${fmt(row.upstreamPerS, 2)}/s, sent ${fmt(row.sentPerS, 2)}/s, errors ${row.errors}`,
    );
    await sleep(opts.refreshMs); // let the last answers land before the next run
  }
  return rows;
}

const mb = (b: number) => `${fmt(b / 1024 / 1024, 1)} MiB`;

export function viewersTable(rows: ViewersRow[]): string {
  const one = rows.find((r) => r.viewers === 1)?.upstreamPerS ?? Number.NaN;
  return table(
    [
      'viewers',
      'measured (s)',
      'sent to Promscope (req/s)',
      'upstream (req/s, Prometheus counted)',
      'vs 1 viewer',
      'upstream incl. page loads (req/s)',
      'errors',
      'server RSS start → end',
    ],
    rows.map((r) => {
      const ratio = r.upstreamPerS / one;
      return [
        String(r.viewers),
        fmt(r.durationS, 0),
        fmt(r.sentPerS, 2),
        fmt(r.upstreamPerS, 2),
        `${fmt(ratio, 2)}×${r.viewers === 1 ? '' : ` ${mark(ratio <= 1.2)}`}`,
        fmt(r.upstreamWithLoadsPerS, 2),
        String(r.errors),
        `${mb(r.rssStart)} → ${mb(r.rssEnd)} (${r.rssEnd >= r.rssStart ? '+' : ''}${fmt(((r.rssEnd - r.rssStart) / r.rssStart) * 100, 0)}%)`,
      ];
    }),
  );
}
