// How one value of a field is shown by stat, gauge, bar gauge, table and legend: a value
// mapping's text and colour first, else the value in the field's unit and its colour by the
// field's colour mode (thresholds by default, a fixed colour, or the series' palette colour).
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/#color-scheme
import { mapValue } from './mappings.ts';
import type { FieldConfig } from './overrides.ts';
import { resolveColor, toRgb } from './palette.ts';
import { absoluteSteps, thresholdColor } from './thresholds.ts';
import { formatValue } from './units.ts';

export interface Display {
  text: string;
  color: string;
  /** A value mapping decided the text or colour. */
  mapped: boolean;
}

/** `range`: the field's min–max (fieldRange), the base of percentage thresholds. */
export function displayValue(
  config: FieldConfig,
  value: number | null,
  paletteColor: string,
  range?: readonly [number, number],
): Display {
  const mapped = mapValue(value, config.mappings);
  const text = mapped?.text ?? formatValue(value, config.unit, config.decimals);
  const color = mapped?.color ?? fieldColor(config, value, paletteColor, range);
  return { text, color, mapped: mapped !== null };
}

export function fieldColor(
  config: FieldConfig,
  value: number | null,
  paletteColor: string,
  range?: readonly [number, number],
) {
  const mode = config.color?.mode;
  if (mode === 'fixed' || mode === 'shades') {
    return resolveColor(config.color?.fixedColor, paletteColor);
  }
  if (mode?.startsWith('palette-')) return paletteColor;
  const scheme = mode ? CONTINUOUS[mode] : undefined;
  if (scheme && value !== null && range) return continuousColor(scheme, percentOf(value, range));
  const t = config.thresholds;
  return thresholdColor(value, absoluteSteps(t?.steps, t?.mode, range));
}

/** Grafana's continuous colour schemes by value (fieldColor.ts), lowest value first. */
const CONTINUOUS: Record<string, readonly string[]> = {
  'continuous-GrYlRd': ['green', 'yellow', 'red'],
  'continuous-RdYlGr': ['red', 'yellow', 'green'],
  'continuous-BlYlRd': ['dark-blue', 'super-light-yellow', 'dark-red'],
  'continuous-YlRd': ['super-light-yellow', 'dark-red'],
  'continuous-BlPu': ['blue', 'purple'],
  'continuous-YlBl': ['super-light-yellow', 'dark-blue'],
};

/** Where a value sits in the field's range, 0–1 (0 for an empty range). */
function percentOf(value: number, [min, max]: readonly [number, number]): number {
  const p = (value - min) / (max - min);
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

/** A colour along a scheme as d3's interpolateRgbBasis, which Grafana uses: a B-spline. */
export function continuousColor(names: readonly string[], t: number): string {
  const rgb = names.map((n) => toRgb(resolveColor(n)) ?? [0, 0, 0]);
  const channel = (c: 0 | 1 | 2) => {
    const v = rgb.map((x) => x[c]);
    const n = v.length - 1;
    const tt = Math.min(1, Math.max(0, t));
    const i = tt >= 1 ? n - 1 : Math.floor(tt * n);
    const v1 = v[i]!;
    const v2 = v[i + 1]!;
    const v0 = i > 0 ? v[i - 1]! : 2 * v1 - v2;
    const v3 = i < n - 1 ? v[i + 2]! : 2 * v2 - v1;
    const t1 = (tt - i / n) * n;
    const t2 = t1 * t1;
    const t3 = t2 * t1;
    const out =
      ((1 - 3 * t1 + 3 * t2 - t3) * v0 +
        (4 - 6 * t2 + 3 * t3) * v1 +
        (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 +
        t3 * v3) /
      6;
    return Math.round(Math.min(255, Math.max(0, out)));
  };
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}
