// Times as people read them on a dashboard: 24-hour, year first, in the dashboard's zone.

import { fieldsAt, type TimeZone } from './zone.ts';

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A full timestamp in `zone` (the browser's by default), e.g. "2026-11-22 14:05:30". */
export function formatTimestamp(ms: number, zone?: TimeZone): string {
  const f = fieldsAt(ms, zone);
  const date = `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`;
  return `${date} ${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}`;
}

/**
 * "7 days ago", "in 2 hours", "a few seconds ago": moment's fromNow, with its thresholds
 * (under 45 s "a few seconds", under 45 min minutes, under 22 h hours, under 26 days days,
 * under 11 months months, then years), each count rounded.
 */
export function fromNow(ms: number, now: number): string {
  if (!Number.isFinite(ms)) return 'Invalid date';
  const diff = now - ms;
  const abs = Math.abs(diff);
  const secs = Math.round(abs / 1000);
  const mins = Math.round(abs / 60_000);
  const hrs = Math.round(abs / 3_600_000);
  const dys = Math.round(abs / 86_400_000);
  const months = Math.round((abs / 86_400_000) * (4800 / 146_097));
  const years = Math.round((abs / 86_400_000) * (400 / 146_097));
  const words =
    secs < 45
      ? 'a few seconds'
      : mins <= 1
        ? 'a minute'
        : mins < 45
          ? `${mins} minutes`
          : hrs <= 1
            ? 'an hour'
            : hrs < 22
              ? `${hrs} hours`
              : dys <= 1
                ? 'a day'
                : dys < 26
                  ? `${dys} days`
                  : months <= 1
                    ? 'a month'
                    : months < 11
                      ? `${months} months`
                      : years <= 1
                        ? 'a year'
                        : `${years} years`;
  return diff >= 0 ? `${words} ago` : `in ${words}`;
}
