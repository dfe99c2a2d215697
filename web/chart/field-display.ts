// How one value of a field is shown by stat, gauge, bar gauge, table and legend: a value
// mapping's text and colour first, else the value in the field's unit and its colour by the
// field's colour mode (thresholds by default, a fixed colour, or the series' palette colour).
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/#color-scheme
import { mapValue } from './mappings.ts';
import type { FieldConfig } from './overrides.ts';
import { resolveColor } from './palette.ts';
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
  const t = config.thresholds;
  return thresholdColor(value, absoluteSteps(t?.steps, t?.mode, range));
}
