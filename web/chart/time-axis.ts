// Tick labels for the time axis in the style of Grafana: 24-hour time in the dashboard's zone,
// seconds only when ticks are under a minute apart, the date only when the range spans days.

import { pad2 as pad } from '../time/time-format.ts';
import { fieldsAt, type TimeZone } from '../time/zone.ts';

function label(t: number, incrS: number, spanS: number, zone: TimeZone): string {
  const f = fieldsAt(t * 1000, zone); // t: unix seconds
  const date = `${pad(f.month)}/${pad(f.day)}`;
  const hm = `${pad(f.hour)}:${pad(f.minute)}`;
  if (incrS >= 86_400) return date;
  if (incrS < 60) return `${hm}:${pad(f.second)}`;
  return spanS > 86_400 ? `${date} ${hm}` : hm;
}

/** uPlot axis `values` for a time scale in seconds; incr is the tick step uPlot chose (s). */
export function timeTicks(
  splits: readonly number[],
  incrS: number,
  spanS: number,
  zone?: TimeZone,
): string[] {
  return splits.map((t) => label(t, incrS, spanS, zone));
}
