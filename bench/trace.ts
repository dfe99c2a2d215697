// Reads a Chrome trace (pure): what the renderer's main thread spent on each live tick. A
// tick starts at the first query_range request sent after 2 s without one; its cost is every
// top-level task of the page's main thread from 100 ms before that (the timer task that sends
// the requests) to 3 s after, overlaps counted once, and, of that, the time inside JS entry
// points. What is not JS is style, layout, paint and compositing. The tick's long tasks are
// its real ones: main-thread tasks of over 50 ms that start in that window (what Chrome's
// `longtask` entries are), not the window's sum, which adds up many short tasks.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number; // µs
  dur?: number; // µs
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Time (µs) covered by `spans` inside [from, to), overlaps counted once. */
export function covered(spans: (readonly [number, number])[], from: number, to: number): number {
  let total = 0;
  let reached = from;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const s = Math.max(a, reached);
    const e = Math.min(b, to);
    if (e > s) {
      total += e - s;
      reached = e;
    }
  }
  return total;
}

/** What the renderer's main thread did for one live tick (ms). */
export interface TickCost {
  busyMs: number; // ms: every task
  scriptMs: number; // ms: of which running JS (the app's fetch handling, merge, Preact, uPlot)
  longTasks: number; // main-thread tasks over LONG_TASK_MS that started in the tick's window
  longestTaskMs: number; // ms: the longest main-thread task that started in the window
}

/** A long task, as the Long Tasks API defines it (ms). */
export const LONG_TASK_MS = 50;

/** JS entry points in a Chrome trace; what is not inside one is style, layout, paint, commit. */
const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'V8.Execute']);

/** Main-thread cost of each live tick from a Chrome trace (see the header). */
export function ticksFromTrace(events: TraceEvent[], windowMs = 3000): TickCost[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const sends = events
    .filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.includes('query_range'))
    .sort((a, b) => a.ts - b.ts);
  if (sends.length === 0) return [];
  const pid = sends[0]!.pid;
  const onMain = (e: TraceEvent) => e.ph === 'X' && e.pid === pid && mains.has(`${e.pid}:${e.tid}`);
  const taskName = events.some((e) => e.name === 'RunTask' && e.ph === 'X')
    ? 'RunTask'
    : 'ThreadControllerImpl::RunTask';
  const span = (e: TraceEvent) => [e.ts, e.ts + (e.dur ?? 0)] as const;
  const tasks = events.filter((e) => onMain(e) && e.name === taskName).map(span);
  const scripts = events.filter((e) => onMain(e) && SCRIPT.has(e.name)).map(span);
  // A tick starts at a request sent more than 2 s after the one before it.
  const starts: number[] = [];
  let prev = Number.NEGATIVE_INFINITY;
  for (const s of sends) {
    if (s.ts - prev > 2_000_000) starts.push(s.ts);
    prev = s.ts;
  }
  return starts.map((t0) => {
    const from = t0 - 100_000; // µs: the timer task that sends the tick's requests
    const to = t0 + windowMs * 1000;
    const own = tasks.filter(([a]) => a >= from && a < to).map(([a, b]) => (b - a) / 1000);
    return {
      busyMs: covered(tasks, from, to) / 1000,
      scriptMs: covered(scripts, from, to) / 1000,
      longTasks: own.filter((d) => d > LONG_TASK_MS).length,
      longestTaskMs: Math.max(0, ...own),
    };
  });
}
