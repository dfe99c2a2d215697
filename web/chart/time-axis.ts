// Tick labels for the time axis in the style of Grafana: 24-hour local time, seconds only
// when ticks are under a minute apart, the date only when the range spans days.

import { pad2 as pad } from '../time/time-format.ts';

function label(t: number, incrS: number, spanS: number): string {
  const d = new Date(t * 1000); // t: unix seconds
  const date = `${pad(d.getMonth() + 1)}/${pad(d.getDate())}`;
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (incrS >= 86_400) return date;
  if (incrS < 60) return `${hm}:${pad(d.getSeconds())}`;
  return spanS > 86_400 ? `${date} ${hm}` : hm;
}

/** uPlot axis `values` for a time scale in seconds; incr is the tick step uPlot chose (s). */
export function timeTicks(splits: readonly number[], incrS: number, spanS: number): string[] {
  return splits.map((t) => label(t, incrS, spanS));
}
