// A dashboard's time settings, as Grafana's dashboard JSON holds them: `timezone` (`browser`,
// `utc` or an IANA name), `weekStart` (`sunday`, `monday`, `saturday`; empty for the
// browser's), `fiscalYearStartMonth` (0 = January) and `timepicker.quick_ranges`. Panels read
// them from TimeSettingsContext, so axes, tooltips and date math all use the same zone.
import { createContext } from 'preact';
import { type CalendarOptions, readWeekStart } from './calendar.ts';
import { type QuickRange, readQuickRanges } from './time-range.ts';
import { isKnownZone, offsetAt } from './zone.ts';

export interface TimeSettings extends CalendarOptions {
  /** The dashboard's own quick ranges; empty for Grafana's list. */
  quickRanges: QuickRange[];
}

export const BROWSER_TIME: TimeSettings = { quickRanges: [] };

/** The time settings of a dashboard's JSON; anything unreadable falls back to Grafana's default. */
export function readTimeSettings(dash: Record<string, unknown>): TimeSettings {
  const zone = typeof dash.timezone === 'string' ? dash.timezone.trim() : '';
  const fy = dash.fiscalYearStartMonth;
  return {
    // An unknown zone name is read in the browser's zone, as Grafana does.
    timezone: zone && isKnownZone(zone) ? zone : 'browser',
    weekStart: readWeekStart(dash.weekStart),
    fiscalYearStartMonth:
      Number.isInteger(fy) && Number(fy) >= 0 && Number(fy) <= 11 ? Number(fy) : 0,
    quickRanges: readQuickRanges(dash.timepicker),
  };
}

/**
 * The zone's offset east of UTC (s) at `atMs`, for Grafana's step alignment of day-long steps
 * (step.ts alignRange): a 1-day step then starts at the zone's midnight.
 */
export function utcOffsetS(settings: CalendarOptions, atMs: number): number {
  return offsetAt(atMs, settings.timezone) * 60;
}

export const TimeSettingsContext = createContext<TimeSettings>(BROWSER_TIME);
