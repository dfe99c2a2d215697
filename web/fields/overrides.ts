// A series' effective field config: the panel's fieldConfig.defaults with every matching
// override applied on top, in order, as Grafana's applyFieldOverrides does. Also the series'
// display name and colour that follow from it.
// https://grafana.com/docs/grafana/latest/panels-visualizations/configure-overrides/
// Matchers: packages/grafana-data/src/transformations/matchers/ids.ts (FieldMatcherID).
import type { ValueMapping } from './mappings.ts';
import { toRegex } from './mappings.ts';
import { resolveColor } from './palette.ts';
import type { Step } from './thresholds.ts';

export interface FieldCustom {
  /** 'line' | 'bars' | 'points' */
  drawStyle?: string;
  fillOpacity?: number; // 0–100 %
  /** 'none' | 'opacity' | 'hue' | 'scheme' */
  gradientMode?: string;
  lineWidth?: number; // px
  /** 'auto' | 'always' | 'never' */
  showPoints?: string;
  pointSize?: number; // px
  stacking?: { mode?: string; group?: string };
  /** 'off' | 'line' | 'dashed' | 'area' | 'line+area' | 'dashed+area' */
  thresholdsStyle?: { mode?: string };
  hideFrom?: { legend?: boolean; tooltip?: boolean; viz?: boolean };
  /** 'auto' | 'left' | 'right' | 'hidden' */
  axisPlacement?: string;
  /** 'linear' | 'smooth' | 'stepBefore' | 'stepAfter' */
  lineInterpolation?: string;
  /** fill 'solid' | 'dash' | 'dot'; dash: [on, off] in px */
  lineStyle?: { fill?: string; dash?: number[] };
  /** 'negative-Y' | 'constant' */
  transform?: string;
  axisLabel?: string;
  axisSoftMin?: number;
  axisSoftMax?: number;
  axisCenteredZero?: boolean;
  axisWidth?: number;
  axisGridShow?: boolean;
  /** type 'linear' | 'log' | 'symlog'; log 2 or 10 */
  scaleDistribution?: { type?: string; log?: number; linearThreshold?: number };
}

export interface FieldConfig {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  /** Grafana's "Field min/max": a range from the series' own values, not the panel's. */
  fieldMinMax?: boolean;
  displayName?: string;
  color?: { mode?: string; fixedColor?: string };
  thresholds?: { mode?: string; steps: Step[] };
  mappings?: ValueMapping[];
  custom?: FieldCustom;
}

export interface FieldOverride {
  matcher: { id: string; options?: unknown };
  properties: { id: string; value?: unknown }[];
}

/** What a matcher can see of a series. */
export interface FieldTarget {
  /** The name before any override: the legend format's text. */
  name: string;
  refId: string;
  labels: Readonly<Record<string, string>>;
}

export interface ResolvedField {
  config: FieldConfig;
  name: string;
  color: string;
}

export function matches(matcher: FieldOverride['matcher'] | undefined, f: FieldTarget): boolean {
  const options = matcher?.options;
  switch (matcher?.id) {
    case 'byName':
      return options === f.name;
    case 'byRegexp':
      return typeof options === 'string' && options !== '' && !!toRegex(options)?.test(f.name);
    case 'byFrameRefID':
      return options === f.refId;
    case 'byNames': {
      const o = (typeof options === 'object' && options ? options : {}) as {
        mode?: string;
        names?: unknown;
      };
      const listed = Array.isArray(o.names) && o.names.includes(f.name);
      return o.mode === 'exclude' ? !listed : listed;
    }
    case 'byType':
      return options === 'number'; // every Prometheus series is a number field
    default:
      return false;
  }
}

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** A copy of `config` with `value` at a dotted property id such as `custom.lineWidth`. */
export function setProperty(config: FieldConfig, id: string, value: unknown): FieldConfig {
  const path = id.split('.');
  if (path.some((p) => p === '' || UNSAFE.has(p))) return config;
  const root: Record<string, unknown> = { ...config };
  let node = root;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    const copy = typeof child === 'object' && child !== null && !Array.isArray(child) ? child : {};
    node[key] = { ...copy };
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root as FieldConfig;
}

export function fieldConfigFor(
  defaults: FieldConfig | undefined,
  overrides: readonly FieldOverride[] | undefined,
  target: FieldTarget,
): FieldConfig {
  let config: FieldConfig = { ...defaults };
  for (const o of Array.isArray(overrides) ? overrides : []) {
    if (!o || !Array.isArray(o.properties) || !matches(o.matcher, target)) continue;
    for (const p of o.properties) {
      if (p && typeof p.id === 'string') config = setProperty(config, p.id, p.value);
    }
  }
  return config;
}

const TEMPLATE_RE = /\$\{__(field|series)\.(labels\.([^}]+)|name|displayName)\}/g;

/** `displayName`, with Grafana's `${__field.labels.x}` and `${__series.name}` filled in. */
export function displayNameOf(config: FieldConfig, target: FieldTarget): string {
  const template = config.displayName;
  if (typeof template !== 'string' || template === '') return target.name;
  return template.replace(TEMPLATE_RE, (_all, _scope, _what, label: string | undefined) =>
    label === undefined
      ? target.name
      : Object.hasOwn(target.labels, label)
        ? (target.labels[label] ?? '')
        : '',
  );
}

/** A fixed colour when the config asks for one (mode `fixed`), else the palette's. */
export function colorOf(config: FieldConfig, paletteColor: string): string {
  const c = config.color;
  if (c?.mode === 'fixed' && typeof c.fixedColor === 'string') {
    return resolveColor(c.fixedColor, paletteColor);
  }
  return paletteColor;
}

/** Each series' config, name and colour, given the panel's fieldConfig. */
export function resolveFields(
  fieldConfig: { defaults?: FieldConfig; overrides?: FieldOverride[] } | undefined,
  series: readonly {
    label: string;
    refId: string;
    metric: Record<string, string>;
    color: string;
  }[],
): ResolvedField[] {
  return series.map((s) => {
    const target = { name: s.label, refId: s.refId, labels: s.metric };
    const config = fieldConfigFor(fieldConfig?.defaults, fieldConfig?.overrides, target);
    return { config, name: displayNameOf(config, target), color: colorOf(config, s.color) };
  });
}
