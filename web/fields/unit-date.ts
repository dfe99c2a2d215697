// Values that are moments (milliseconds since 1970) shown as dates: Grafana's dateTimeAsIso,
// dateTimeAsUS, dateTimeFromNow and the custom `time:FORMAT`, whose FORMAT is a moment.js
// pattern, written by web/time/date-format.ts.

import { fieldsAt, type TimeZone } from '../time/zone.ts';

export { formatDate } from '../time/date-format.ts';
export type { TimeZone };

type ZoneResolver = () => TimeZone | undefined;
const NO_ZONE: ZoneResolver = () => undefined;
let resolveZone: ZoneResolver = NO_ZONE;

/**
 * Where date units read a zone when their caller gives none: the open dashboard's `timezone`.
 * Grafana's own formatters do the same through setTimeZoneResolver (grafana-data
 * datetime/common.ts), so every place a unit is shown (stat, gauge, table, legend, tooltip,
 * axis) follows the dashboard without each passing it. Returns the way to undo it, which
 * undoes only this one (a newer dashboard's resolver stays).
 */
export function setTimeZoneResolver(resolver: ZoneResolver): () => void {
  resolveZone = resolver;
  return () => {
    if (resolveZone === resolver) resolveZone = NO_ZONE;
  };
}

/** The zone given, else the resolver's (the dashboard's), else the browser's (undefined). */
export function unitZone(given?: TimeZone): TimeZone | undefined {
  return given ?? resolveZone();
}

/** True when both moments fall on the same calendar day in `zone`. */
export function sameDay(a: number, b: number, zone?: TimeZone): boolean {
  const x = fieldsAt(a, zone);
  const y = fieldsAt(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

export { fromNow } from '../time/time-format.ts';
