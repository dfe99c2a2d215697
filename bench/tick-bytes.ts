// Bench 3, live tick bytes: what a live panel costs per 5 s tick with incremental refresh
// against reloading the whole window, measured as response bytes through the proxy (the
// JSON as sent, and gzip on the wire). The panel asks for 10 synthetic series
// (syntheticSeries: full-precision floats like real rates) so the whole 1 h or 24 h window
// has points from the first second; a fresh Prometheus has only minutes of real history.
// The ticks are the last 10 minutes of wall-clock 5 s ticks, replayed one after the other:
// each tick plans the query with the app's planQueries and fetches with its fetchSliding,
// and a tick whose aligned range has not moved sends nothing, in both modes.

import { planQueries } from '../web/panels/panel-queries.ts';
import { fetchSliding, LiveBases } from '../web/query/incremental.ts';
import { agent } from './http.ts';
import { bytes, fmt, mark, table } from './stats.ts';
import { proxyRangeFetch } from './viewer.ts';

/**
 * `n` series of full-precision floats that exist at every instant: a sine of time, offset per
 * series by the value of one of the demo's histogram buckets at one instant, so the selector
 * is evaluated once, where data exists, whatever the window. `at` (unix seconds) fixes that
 * instant, so a point's value never changes once written, as with real series; without it the
 * instant is the query's end (`@ end()`), and every query sees other values.
 */
export function syntheticSeries(n: number, salt = 0, at?: number): string {
  const when = at === undefined ? 'end()' : String(at);
  return `sin(vector(time()) / ${300 + salt} + on() group_right() topk(${n}, http_request_duration_seconds_bucket{job="demo"} @ ${when}))`;
}

export interface TickBytesRow {
  window: string;
  overlapS: number; // s
  step: number; // s
  ticks: number;
  fetches: number;
  /** Incremental fetches the proxy answered with only the points after what was held. */
  applied: number;
  incremental: { body: number; wire: number }; // bytes summed over the ticks
  full: { body: number; wire: number }; // bytes summed over the ticks
  /** Points per series in one incremental fetch, and in the window. */
  deltaPoints: number;
  windowPoints: number;
}

const WIDTH_PX = 704; // px: a half-width panel (w 12 at 1440 px, less its frame)
const REPLAY_MS = 600_000; // ms: ten minutes of ticks
const REFRESH_MS = 5_000; // ms

export async function benchTickBytes(opts: {
  serverUrl: string;
  dsUid: string;
  scrapeIntervalS: number; // s
  overlaps: number[]; // s
  windows: { label: string; ms: number }[];
  log: (line: string) => void;
}): Promise<TickBytesRow[]> {
  const expr = syntheticSeries(10, 0, Math.floor(Date.now() / 1000) - 10);
  const panel = { targets: [{ refId: 'A', expr }] };
  const pool = agent(4);
  const rows: TickBytesRow[] = [];
  const lastTick = Math.floor(Date.now() / REFRESH_MS) * REFRESH_MS;
  for (const win of opts.windows) {
    for (const overlapS of opts.overlaps) {
      const inc = { body: 0, wire: 0 };
      const full = { body: 0, wire: 0 };
      const bases = new LiveBases();
      let lastEnd = -1;
      let fetches = 0;
      let applied = 0;
      let deltaPoints = 0;
      let windowPoints = 0;
      let step = 0;
      const ticks = REPLAY_MS / REFRESH_MS;
      for (let k = 0; k <= ticks; k++) {
        const now = lastTick - REPLAY_MS + k * REFRESH_MS;
        const [q] = planQueries(
          panel,
          { start: now - win.ms, end: now },
          WIDTH_PX,
          opts.scrapeIntervalS,
        );
        if (!q) throw new Error('no query planned');
        step = q.step;
        const grid = { start: q.start, end: q.end, step: q.step };
        if (grid.end === lastEnd) continue; // unmoved: cached in the browser, nothing sent
        lastEnd = grid.end;
        const count = (into: { body: number; wire: number }) => (wire: number, body: number) => {
          // The first tick loads the page in both modes: not counted.
          if (k === 0) return;
          into.wire += wire;
          into.body += body;
        };
        const key = LiveBases.key(opts.dsUid, expr, grid, 0);
        const answer = await fetchSliding(
          bases,
          key,
          grid,
          proxyRangeFetch(opts.serverUrl, opts.dsUid, expr, pool, count(inc)),
          overlapS,
        );
        await proxyRangeFetch(opts.serverUrl, opts.dsUid, expr, pool, count(full))(grid);
        if (k > 0) {
          fetches++;
          if (answer.delta === 'applied') applied++;
          deltaPoints = Math.round((answer.fetched.end - answer.fetched.start) / step) + 1;
          windowPoints = Math.round((grid.end - grid.start) / step) + 1;
        }
      }
      rows.push({
        window: win.label,
        overlapS,
        step,
        ticks,
        fetches,
        applied,
        incremental: inc,
        full,
        deltaPoints,
        windowPoints,
      });
      opts.log(
        `tick bytes ${win.label} overlap ${overlapS}s: incremental ${bytes(inc.body / ticks)}/tick, full ${bytes(full.body / ticks)}/tick`,
      );
    }
  }
  pool.destroy();
  return rows;
}

export function tickBytesTable(rows: TickBytesRow[]): string {
  return table(
    [
      'window',
      'overlap',
      'step',
      'fetching ticks / ticks',
      'only later points sent',
      'points per series asked of Prometheus: overlap / window',
      'incremental per tick (JSON / gzip)',
      'full reload per tick (JSON / gzip)',
      'ratio JSON',
      'ratio gzip',
    ],
    rows.map((r) => {
      const goal = r.window === '24h' ? 100 : 20;
      const rj = r.full.body / r.incremental.body;
      const rg = r.full.wire / r.incremental.wire;
      return [
        r.window,
        `${r.overlapS} s`,
        `${r.step} s`,
        `${r.fetches} / ${r.ticks}`,
        `${r.applied} / ${r.fetches}`,
        `${r.deltaPoints} / ${r.windowPoints}`,
        `${bytes(r.incremental.body / r.ticks)} / ${bytes(r.incremental.wire / r.ticks)}`,
        `${bytes(r.full.body / r.ticks)} / ${bytes(r.full.wire / r.ticks)}`,
        `${fmt(rj, 1)}× ${mark(rj >= goal)}`,
        `${fmt(rg, 1)}×`,
      ];
    }),
  );
}
