// Values that are moments (milliseconds since 1970) shown as dates: Grafana's dateTimeAsIso,
// dateTimeAsUS, dateTimeFromNow and the custom `time:FORMAT`, whose FORMAT is a moment.js
// pattern, written by web/time/date-format.ts.

import { fieldsAt, type TimeZone } from '../time/zone.ts';

export { formatDate } from '../time/date-format.ts';
export type { TimeZone };

/** True when both moments fall on the same calendar day in `zone`. */
export function sameDay(a: number, b: number, zone?: TimeZone): boolean {
  const x = fieldsAt(a, zone);
  const y = fieldsAt(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

export { fromNow } from '../time/time-format.ts';
