// Geometry of Grafana's gauge (pure): a 240° arc opening at the bottom, filled up to the
// value, with the threshold bands drawn as a thin outer ring.
import type { Step } from './thresholds.ts';

export const SWEEP = 240; // degrees of arc
const START = -120; // degrees from 12 o'clock, clockwise

/** Where a value sits between min and max, clamped to 0–1; null for no value. */
export function gaugeFraction(value: number | null, min: number, max: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** Grafana's defaults: 0–100, or 0–1 for a 0–1 percentage. */
export function gaugeRange(unit: string | undefined, min?: number, max?: number): [number, number] {
  return [min ?? 0, max ?? (unit === 'percentunit' ? 1 : 100)];
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
