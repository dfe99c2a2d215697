// Grafana's absolute thresholds: the first step (value null) is the base colour, and a value
// takes the colour of the highest step it reaches.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-thresholds/
import { resolveColor } from './palette.ts';

export interface Step {
  color: string;
  value: number | null;
}

export function thresholdColor(value: number | null, steps: readonly Step[] | undefined): string {
  const fallback = resolveColor('green');
  if (!steps || steps.length === 0) return fallback;
  let color = steps[0]!.color;
  if (value === null) return resolveColor(color, fallback);
  for (const step of steps) {
    if (step.value === null || value >= step.value) color = step.color;
  }
  return resolveColor(color, fallback);
}

/**
 * Steps as absolute values: Grafana's `percentage` thresholds are percent of the field's range
 * (its min–max, or the data's where unset), so 80 % of 0–200 is 160. Absolute steps as given.
 */
export function absoluteSteps(
  steps: readonly Step[] | undefined,
  mode: string | undefined,
  range: readonly [min: number, max: number] | undefined,
): readonly Step[] | undefined {
  if (mode !== 'percentage' || !steps || !range) return steps;
  const [min, max] = range;
  return steps.map((s) =>
    s.value === null ? s : { ...s, value: min + ((max - min) * s.value) / 100 },
  );
}
