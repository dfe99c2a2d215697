// Geometry of Grafana's gauge (pure): a 240° arc opening at the bottom, filled up to the
// value, with the threshold bands drawn as a thin outer ring.
import type { Step } from '../fields/thresholds.ts';

export const SWEEP = 240; // degrees of arc
const START = -120; // degrees from 12 o'clock, clockwise

/** Where a value sits between min and max, clamped to 0–1; null for no value. */
export function gaugeFraction(value: number | null, min: number, max: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The smallest and largest value of some series, gaps and non-finite values skipped. */
export interface DataRange {
  min: number | null;
  max: number | null;
}

/**
 * Grafana's findNumericFieldMinMax: the range over every value of every series given (every
 * sample of the window, not the reduced values); nulls when there is none.
 */
export function dataRange(ys: readonly (readonly (number | null)[])[]): DataRange {
  let min: number | null = null;
  let max: number | null = null;
  for (const column of ys) {
    for (const v of column) {
      if (v === null || !Number.isFinite(v)) continue;
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
    }
  }
  return { min, max };
}

/** What of a field's config decides its range. */
export interface RangeConfig {
  unit?: string;
  min?: number | null;
  max?: number | null;
  /** Grafana's "Field min/max": each series' own range instead of the whole panel's. */
  fieldMinMax?: boolean;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The min and max a gauge or bar gauge is drawn between, as Grafana picks them: the field's
 * own min and max where set; a side left unset comes from the data, over every series of the
 * panel (applyFieldOverrides' global range) or, with `fieldMinMax`, over the series' own
 * values (getMinMaxAndDelta). The gauge alone first gives `percent` 0–100 and `percentunit`
 * 0–1 (GaugePanel.tsx; `gauge`). With no data at all, 0–100.
 */
export function fieldRange(
  config: RangeConfig,
  own: DataRange,
  all: DataRange,
  gauge = false,
): [number, number] {
  const { unit } = config;
  const min = isNum(config.min) ? config.min : undefined;
  const max = isNum(config.max) ? config.max : undefined;
  if (gauge && (unit === 'percent' || unit === 'percentunit')) {
    return [min ?? 0, max ?? (unit === 'percent' ? 100 : 1)];
  }
  if (min !== undefined && max !== undefined) return [min, max];
  const data = config.fieldMinMax === true ? own : all;
  return [min ?? data.min ?? 0, max ?? data.max ?? 100];
}

const point = (cx: number, cy: number, r: number, deg: number) => {
  const rad = ((deg - 90) * Math.PI) / 180;
  return `${(cx + r * Math.cos(rad)).toFixed(2)} ${(cy + r * Math.sin(rad)).toFixed(2)}`;
};

/** SVG path of the arc from fraction a to fraction b of the sweep, radius r. */
export function arcPath(cx: number, cy: number, r: number, a: number, b: number): string {
  const from = START + SWEEP * a;
  const to = START + SWEEP * b;
  const large = to - from > 180 ? 1 : 0;
  return `M ${point(cx, cy, r, from)} A ${r} ${r} 0 ${large} 1 ${point(cx, cy, r, to)}`;
}

/** The threshold ring: [fromFraction, toFraction, color name] per step, within min–max. */
export function thresholdBands(
  steps: readonly Step[],
  min: number,
  max: number,
): [number, number, string][] {
  const bands: [number, number, string][] = [];
  steps.forEach((s, i) => {
    const lo = s.value === null ? 0 : (gaugeFraction(s.value, min, max) ?? 0);
    const next = steps[i + 1];
    const hi = next?.value == null ? 1 : (gaugeFraction(next.value, min, max) ?? 1);
    if (hi > lo) bands.push([lo, hi, s.color]);
  });
  return bands;
}
