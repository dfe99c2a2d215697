// A panel's own time (Grafana's "Query options" → Relative time and Time shift, panel.timeFrom
// and panel.timeShift), pure: the last `timeFrom` up to now instead of the dashboard's range,
// then everything moved back by `timeShift`. The header says so, unless hideTimeOverride.
// https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options

import { parseDuration } from '../time/duration.ts';
import type { PanelTime } from './panel-queries.ts';

interface TimeFields {
  timeFrom?: unknown;
  timeShift?: unknown;
  hideTimeOverride?: unknown;
}

/** `1h`, or Grafana's `now-1h` form of it; ms, or null when it is not one. */
function span(v: unknown): number | null | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const ms = parseDuration(v.trim().replace(/^now-/, ''));
  return ms !== null && ms > 0 ? ms : null;
}

/** The panel's range: its relative time up to `now`, moved back by its time shift. */
export function panelTime(panel: TimeFields, time: PanelTime, now: number): PanelTime {
  const from = span(panel.timeFrom);
  const shift = span(panel.timeShift);
  if (!from && !shift) return time;
  let { start, end } = time;
  if (from) [start, end] = [now - from, now];
  if (shift) [start, end] = [start - shift, end - shift];
  return { ...time, start, end };
}

/** What the header says ("Last 1h · shifted 1d"; empty when none or hidden), and bad values. */
export function timeOverrideInfo(panel: TimeFields): { info: string; errors: string[] } {
  const from = span(panel.timeFrom);
  const shift = span(panel.timeShift);
  const errors: string[] = [];
  if (from === null) errors.push(`relative time "${String(panel.timeFrom)}" is not a duration`);
  if (shift === null) errors.push(`time shift "${String(panel.timeShift)}" is not a duration`);
  const words = (v: unknown) => String(v).trim().replace(/^now-/, '');
  const parts = [
    ...(from ? [`Last ${words(panel.timeFrom)}`] : []),
    ...(shift ? [`shifted ${words(panel.timeShift)}`] : []),
  ];
  return { info: panel.hideTimeOverride === true ? '' : parts.join(' · '), errors };
}
