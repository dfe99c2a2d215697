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
    const start = () => {
      stop();
      timer = setTimeout(
        () => {
          refresh();
          start();
        },
        msToNextTick(Date.now(), intervalMs),
      );
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

/** ms from `now` to the next wall-clock multiple of the interval (never 0: a full interval). */
export function msToNextTick(now: number, intervalMs: number): number {
  return intervalMs - (now % intervalMs);
}
