// The live clock of a dashboard: "now" advances every refresh interval while the page is
// visible; a hidden tab sends Prometheus nothing and catches up at once when shown again.
// Ticks fall on wall-clock multiples of the interval (…:05, …:10 for 5 s), so every viewer
// of a dashboard asks at the same moment and the server serves them all with one upstream
// call.
import { useCallback, useEffect, useState } from 'preact/hooks';

export function useNow(intervalMs: number | null): { now: number; refresh: () => void } {
  const [now, setNow] = useState(() => Date.now());
  const refresh = useCallback(() => setNow(Date.now()), []);

  useEffect(() => {
    if (!intervalMs) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // ms: the wall-clock multiple the timer is set for. A timer may fire a little before it
    // by Date.now(); the tick still counts as that moment, or its aligned range would not
    // have moved and the next tick would be a whole interval away.
    const start = (after = Date.now()) => {
      stop();
      const due = after + msToNextTick(after, intervalMs);
      timer = setTimeout(() => {
        const now = tickTime(Date.now(), due);
        setNow(now);
        start(now);
      }, due - Date.now());
    };
    const stop = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) stop();
      else {
        refresh();
        start();
      }
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, refresh]);

  return { now, refresh };
}

/** The time a tick due at `due` stands for: never before it, though its timer may fire early. */
export function tickTime(now: number, due: number): number {
  return Math.max(now, due);
}

/** ms from `now` to the next wall-clock multiple of the interval (never 0: a full interval). */
export function msToNextTick(now: number, intervalMs: number): number {
  return intervalMs - (now % intervalMs);
}
