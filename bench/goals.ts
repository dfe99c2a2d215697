// Tables of the big dashboard and issue #15's goals, each goal printed
// ✓ or ✗ missed with its figure and the floor it is set against.
import type { BigReport } from './big-dashboard.ts';
import type { OverheadRow } from './proxy-overhead.ts';
import { bytes, fmt, mark, median, percentile, table } from './stats.ts';
import type { TickBytesRow } from './tick-bytes.ts';
import type { TickCost } from './trace.ts';

export function bigTable(reports: BigReport[], direct: Map<string, number[]>): string {
  const rows: string[][] = [];
  for (const r of reports) {
    for (const [name, p] of [
      ['load', r.load],
      ['scrolled to the bottom', r.scrolled],
    ] as const) {
      const d = direct.get(r.window) ?? [];
      rows.push([
        r.window,
        name,
        `${fmt(p.firstVisibleMs, 0)} ms`,
        `${fmt(p.allVisibleMs, 0)} ms (${p.drawn}/${p.visible})`,
        `${p.requests} / ${p.panelsQueried} panels`,
        bytes(p.bytesIn),
        `${p.farQueried.length} / ${p.collapsedQueried.length}`,
        `${p.longTasks}, longest ${fmt(p.longestTaskMs, 0)} ms`,
        `${fmt(p.heapMB, 1)} MB`,
        name === 'load'
          ? `median ${fmt(median(d), 1)} ms, max ${fmt(percentile(d, 100), 1)} ms`
          : '',
      ]);
    }
  }
  return table(
    [
      'window',
      'phase',
      'first visible panel drawn',
      'all visible drawn (drawn/visible)',
      'requests / panels queried',
      'bytes received',
      'panels queried far from view / in collapsed rows',
      'long tasks',
      'JS heap',
      'Prometheus direct, per query (floor)',
    ],
    rows,
  );
}

const p50 = (r: OverheadRow['direct']) => median(r.latenciesMs);

/** A goal's row: what it asks, the figure, the floor it is set against, and ✓ / ✗ missed. */
export type GoalRow = [goal: string, figure: string, floor: string, verdict: string];

/**
 * Below this a p50 difference (ms) is not a measurement: the clock's and the load
 * generator's own jitter on one keep-alive connection.
 */
export const MIN_RESOLUTION_MS = 0.02;

/**
 * How far apart two p50s of the same load can land by chance (ms): the gap between the p50s
 * of the first and second half of the direct run, at least MIN_RESOLUTION_MS.
 */
export function latencyResolution(directMs: readonly number[]): number {
  const half = Math.floor(directMs.length / 2);
  const a = median(directMs.slice(0, half));
  const b = median(directMs.slice(half));
  const gap = Math.abs(a - b);
  return Number.isFinite(gap) ? Math.max(MIN_RESOLUTION_MS, gap) : MIN_RESOLUTION_MS;
}

/**
 * Proxy, light distinct query: Promscope's added p50 latency ≤ 1.5× the bare pass-through's.
 * When the floor adds nothing measurable (≤ 0, or within the resolution) a ratio to it means
 * nothing, and the row says so instead of judging.
 */
export function proxyLightGoal(light: Pick<OverheadRow, 'direct' | 'proxy' | 'floor'>): GoalRow {
  const direct = p50(light.direct);
  const added = p50(light.proxy) - direct;
  const floorAdded = p50(light.floor) - direct;
  const resolution = latencyResolution(light.direct.latenciesMs);
  const goal = 'Proxy, light distinct (conc. 1): added p50 latency ≤ 1.5× the floor’s';
  const floor = `floor ${signed(floorAdded)} ms (direct p50 ${fmt(direct, 2)} ms)`;
  if (!(floorAdded > resolution)) {
    return [
      goal,
      `${signed(added)} ms`,
      floor,
      `n/a (floor added latency ${fmt(floorAdded, 2)} ms below resolution ${fmt(resolution, 2)} ms)`,
    ];
  }
  return [
    goal,
    `${signed(added)} ms (${fmt(added / floorAdded, 2)}× the floor’s)`,
    floor,
    mark(added <= 1.5 * floorAdded),
  ];
}

const signed = (ms: number) => (ms >= 0 ? `+${fmt(ms, 2)}` : fmt(ms, 2));

/** Live tick of the 8-panel dashboard against the bare-uPlot page with the same data. */
export function liveTickGoals(ticks: TickCost[], floor: TickCost[] | null): GoalRow[] {
  const ours = median(ticks.map((t) => t.busyMs));
  const bare = floor && floor.length > 0 ? median(floor.map((t) => t.busyMs)) : Number.NaN;
  const long = ticks.reduce((n, t) => n + t.longTasks, 0);
  const longest = Math.max(0, ...ticks.map((t) => t.longestTaskMs));
  const bareLongest = floor ? Math.max(0, ...floor.map((t) => t.longestTaskMs)) : Number.NaN;
  const bareLong = floor ? floor.reduce((n, t) => n + t.longTasks, 0) : Number.NaN;
  return [
    [
      'Live tick, 8 panels: main-thread time ≤ 1.3× bare uPlot (median per tick, Chrome trace)',
      `${fmt(ours, 1)} ms (${fmt(ours / bare, 2)}×, ${ticks.length} ticks)`,
      Number.isFinite(bare)
        ? `${fmt(bare, 1)} ms bare uPlot setData (${floor?.length} ticks)`
        : 'not measured in this run',
      Number.isFinite(bare) ? mark(ours <= 1.3 * bare) : '✗ missed (no floor)',
    ],
    [
      'Live tick: no long task over 50 ms (main-thread tasks, Chrome trace)',
      `${long} over ${ticks.length} ticks, longest ${fmt(longest, 1)} ms`,
      Number.isFinite(bareLongest)
        ? `bare uPlot: ${bareLong}, longest ${fmt(bareLongest, 1)} ms`
        : 'not measured in this run',
      mark(long === 0),
    ],
  ];
}

export function goalsTable(g: {
  ticks: TickCost[] | null;
  uplotFloor: TickCost[] | null;
  big: BigReport[] | null;
  /** Prometheus' own answer time (ms) of each query the big dashboard sent, per window. */
  direct: Map<string, number[]>;
  overhead: OverheadRow[] | null;
  tickBytes: TickBytesRow[] | null;
}): string {
  const rows: GoalRow[] = [];
  if (g.ticks) rows.push(...liveTickGoals(g.ticks, g.uplotFloor));
  const seven = g.big?.find((b) => b.window === '7d');
  if (seven) {
    const l = seven.load;
    const d = g.direct.get('7d') ?? [];
    const prom = `Prometheus direct per query: median ${fmt(median(d), 0)} ms, max ${fmt(percentile(d, 100), 0)} ms`;
    const long = l.longTasks + seven.scrolled.longTasks;
    const longest = Math.max(l.longestTaskMs, seven.scrolled.longestTaskMs);
    rows.push([
      'Big dashboard 7 d: first visible drawn ≤ 1.5 s',
      `${fmt(l.firstVisibleMs, 0)} ms`,
      prom,
      mark(l.firstVisibleMs <= 1500),
    ]);
    rows.push([
      'Big dashboard 7 d: all visible drawn ≤ 3 s',
      `${fmt(l.allVisibleMs, 0)} ms (${l.drawn}/${l.visible})`,
      prom,
      mark(l.allVisibleMs <= 3000 && l.drawn === l.visible),
    ]);
    rows.push([
      'Big dashboard 7 d: no long task over 200 ms (load and scroll, longtask observer)',
      `${long} long tasks (> 50 ms), longest ${fmt(longest, 0)} ms`,
      'a limit (no floor)',
      mark(longest <= 200),
    ]);
    const far = l.farQueried.length + seven.scrolled.farQueried.length;
    const col = l.collapsedQueried.length + seven.scrolled.collapsedQueried.length;
    rows.push([
      'Big dashboard 7 d: requests only for visible (or near) panels, none for collapsed rows',
      `${l.panelsQueried} panels queried on load; ${far} far, ${col} collapsed`,
      `${l.visible} visible on load; 0 far, 0 collapsed`,
      mark(far === 0 && col === 0),
    ]);
  }
  const row = (q: string, k: string, c: number) =>
    g.overhead?.find((r) => r.query === q && r.kind === k && r.concurrency === c);
  const light = row('light', 'distinct', 1);
  if (light) rows.push(proxyLightGoal(light));
  const heavy = row('heavy', 'distinct', 1);
  if (heavy) {
    const ratio = p50(heavy.proxy) / p50(heavy.direct);
    rows.push([
      'Proxy, heavy (conc. 1): p50 ≤ 1.1× direct',
      `${fmt(p50(heavy.proxy), 2)} ms (${fmt(ratio, 2)}×)`,
      `direct ${fmt(p50(heavy.direct), 2)} ms, floor ${fmt(p50(heavy.floor), 2)} ms (${fmt(p50(heavy.floor) / p50(heavy.direct), 2)}×)`,
      mark(ratio <= 1.1),
    ]);
  }
  const day = g.tickBytes?.find((r) => r.window === '24h');
  if (day) {
    const ratio = day.full.body / Math.max(1, day.incremental.body);
    rows.push([
      '24 h live tick bytes ≥ 100× fewer than a reload',
      `${bytes(day.incremental.body / day.ticks)} per tick (${fmt(ratio, 1)}×)`,
      `reload ${bytes(day.full.body / day.ticks)} per tick`,
      mark(ratio >= 100),
    ]);
  }
  return table(['goal (issue #15)', 'figure', 'floor', ''], rows);
}
