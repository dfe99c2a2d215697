// A dashboard's time settings (zone, week start, fiscal year, quick ranges) as its page holds
// them, and its zone for date units (dateTimeAsIso, time:FORMAT…): set before the panels
// render, so that the first values drawn are already in it, and undone when the page goes.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { setTimeZoneResolver } from '../../fields/unit-date.ts';
import { readTimeSettings, type TimeSettings } from '../../time/time-settings.ts';

/** `json`: the dashboard shown (the working copy while editing), as JSON. */
export function useDashboardTimeSettings(json: Record<string, unknown>): TimeSettings {
  const timeSettings = useMemo(() => readTimeSettings(json), [json]);
  const zoneRef = useRef(timeSettings.timezone);
  zoneRef.current = timeSettings.timezone;
  const unsetZone = useMemo(() => setTimeZoneResolver(() => zoneRef.current), []);
  useEffect(() => unsetZone, []);
  return timeSettings;
}
