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

export function goalsTable(g: {
  ticks: TickCost[] | null;
  uplotFloor: TickCost[] | null;
  big: BigReport[] | null;
  overhead: OverheadRow[] | null;
  tickBytes: TickBytesRow[] | null;
}): string {
  const rows: string[][] = [];
  const miss = (ok: boolean) => (ok ? '✓' : '✗ missed');
  if (g.ticks) {
    const ours = median(g.ticks.map((t) => t.busyMs));
    const worst = percentile(
      g.ticks.map((t) => t.busyMs),
      100,
    );
    const floor = g.uplotFloor ? median(g.uplotFloor.map((t) => t.busyMs)) : Number.NaN;
    rows.push([
      'Live tick, 8 panels: main-thread time ≤ 1.3× bare uPlot',
      `${fmt(ours, 1)} ms (${fmt(ours / floor, 2)}×)`,
      g.uplotFloor ? `${fmt(floor, 1)} ms bare uPlot setData` : 'not measured in this run',
      g.uplotFloor ? miss(ours <= 1.3 * floor) : '✗ missed (no floor)',
    ]);
    rows.push([
      'Live tick: no long task over 50 ms (upper bound: a tick’s whole main-thread time)',
      `max ${fmt(worst, 1)} ms`,
      '',
      worst <= 50 ? '✓' : '✗ missed (or split into tasks < 50 ms: the trace sums them)',
    ]);
  }
  const seven = g.big?.find((b) => b.window === '7d');
  if (seven) {
    const l = seven.load;
    const longest = Math.max(l.longestTaskMs, seven.scrolled.longestTaskMs);
    rows.push([
      'Big dashboard 7 d: first visible drawn ≤ 1.5 s',
      `${fmt(l.firstVisibleMs, 0)} ms`,
      '',
      miss(l.firstVisibleMs <= 1500),
    ]);
    rows.push([
      'Big dashboard 7 d: all visible drawn ≤ 3 s',
      `${fmt(l.allVisibleMs, 0)} ms`,
      '',
      miss(l.allVisibleMs <= 3000),
    ]);
    rows.push([
      'Big dashboard 7 d: no long task over 200 ms',
      `longest ${fmt(longest, 0)} ms`,
      '',
      miss(longest <= 200),
    ]);
    const far = l.farQueried.length + seven.scrolled.farQueried.length;
    const col = l.collapsedQueried.length + seven.scrolled.collapsedQueried.length;
    rows.push([
      'Big dashboard 7 d: requests only for visible (or near) panels, none for collapsed rows',
      `${l.panelsQueried} panels queried on load; ${far} far, ${col} collapsed`,
      '',
      mark(far === 0 && col === 0),
    ]);
  }
  const row = (q: string, k: string, c: number) =>
    g.overhead?.find((r) => r.query === q && r.kind === k && r.concurrency === c);
  const light = row('light', 'distinct', 1);
  if (light) {
    const added = p50(light.proxy) - p50(light.direct);
    const floorAdded = p50(light.floor) - p50(light.direct);
    rows.push([
      'Proxy, light distinct (conc. 1): added p50 latency ≤ 1.5× the floor’s',
      `+${fmt(added, 2)} ms (${fmt(added / floorAdded, 2)}×)`,
      `floor +${fmt(floorAdded, 2)} ms`,
      miss(added <= 1.5 * floorAdded),
    ]);
  }
  const heavy = row('heavy', 'distinct', 1);
  if (heavy) {
    const ratio = p50(heavy.proxy) / p50(heavy.direct);
    rows.push([
      'Proxy, heavy (conc. 1): p50 ≤ 1.1× direct',
      `${fmt(p50(heavy.proxy), 2)} ms (${fmt(ratio, 2)}×)`,
      `direct ${fmt(p50(heavy.direct), 2)} ms, floor ${fmt(p50(heavy.floor), 2)} ms`,
      miss(ratio <= 1.1),
    ]);
  }
  const day = g.tickBytes?.find((r) => r.window === '24h');
  if (day) {
    const ratio = day.full.body / Math.max(1, day.incremental.body);
    rows.push([
      '24 h live tick bytes ≥ 100× fewer than a reload',
      `${fmt(ratio, 1)}×`,
      `reload ${bytes(day.full.body / day.ticks)} per tick`,
      miss(ratio >= 100),
    ]);
  }
  return table(['goal (issue #15)', 'figure', 'floor', ''], rows);
}
