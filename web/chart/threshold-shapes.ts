// What a timeseries draws for its thresholds (custom.thresholdsStyle.mode): bands between
// the steps, lines at each step, or both; pure geometry in data units, drawn by
// thresholds-plugin.ts. https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/time-series/#show-thresholds
import { resolveColor } from '../fields/palette.ts';
import type { Step } from '../fields/thresholds.ts';

export interface ThresholdShapes {
  /** Bands from one step to the next, clipped to the visible y range. */
  areas: { from: number; to: number; color: string }[];
  /** A line at each step after the base, where it is within the visible y range. */
  lines: { value: number; color: string }[];
  dashed: boolean;
}

const NONE: ThresholdShapes = { areas: [], lines: [], dashed: false };

/**
 * `mode` is the thresholds' own mode: `percentage` steps are percent of `range` (the field's
 * min–max, or the data's when not set), as Grafana's percentage thresholds.
 */
export function thresholdShapes(
  steps: readonly Step[] | undefined,
  style: string | undefined,
  visible: [yMin: number, yMax: number],
  mode?: string,
  range?: [min: number, max: number],
): ThresholdShapes {
  const areas = style === 'area' || style === 'line+area' || style === 'dashed+area';
  const lines =
    style === 'line' || style === 'dashed' || style === 'line+area' || style === 'dashed+area';
  const [yMin, yMax] = visible;
  if (!steps || steps.length === 0 || (!areas && !lines) || !(yMax > yMin)) return NONE;
  const toAbs = (v: number) =>
    mode === 'percentage' && range ? range[0] + ((range[1] - range[0]) * v) / 100 : v;
  // The base step (value null) reaches down to -∞; the rest in ascending order.
  const sorted = steps
    .map((s) => ({
      value: s.value === null ? -Infinity : toAbs(s.value),
      color: resolveColor(s.color),
    }))
    .filter((s) => !Number.isNaN(s.value))
    .sort((a, b) => a.value - b.value);
  const out: ThresholdShapes = {
    areas: [],
    lines: [],
    dashed: style?.startsWith('dashed') ?? false,
  };
  sorted.forEach((s, i) => {
    if (areas) {
      const from = Math.max(s.value, yMin);
      const to = Math.min(sorted[i + 1]?.value ?? Infinity, yMax);
      if (to > from) out.areas.push({ from, to, color: s.color });
    }
    if (lines && Number.isFinite(s.value) && s.value >= yMin && s.value <= yMax) {
      out.lines.push({ value: s.value, color: s.color });
    }
  });
  return out;
}
