// Options of a drawn panel kind that Promscope does not draw (pure; shared by the import
// report and the panel itself, which shows them beside its title). They stay in the JSON as
// they came, so a save here loses nothing Grafana would draw. Messages name the option as
// Grafana's panel editor does ("transform constant", "gradient mode opacity").
import { isObj, type Json } from './types.ts';

export interface Undrawn {
  /** Where in the panel, e.g. `transformations` or `fieldConfig.defaults.links`. */
  path: string;
  message: string;
}

/** What the table panel already shows: one row per series, labels as columns, reduced. */
const TABLE_TRANSFORMS = new Set(['merge', 'reduce', 'seriesToRows', 'labelsToFields']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Grafana's custom.* options of a time series that are drawn here, whatever their value. */
const DRAWN_CUSTOM = new Set([
  'drawStyle',
  'lineWidth',
  'fillOpacity',
  'showPoints',
  'pointSize',
  'thresholdsStyle',
  'hideFrom',
  'lineInterpolation',
  'lineStyle',
  'axisLabel',
  'axisSoftMin',
  'axisSoftMax',
  'axisCenteredZero',
  'axisWidth',
  'axisGridShow',
  // Said to Grafana's editor but drawing nothing of their own in a time series.
  'barWidthFactor',
  'barMaxWidth',
  'pointSymbol',
]);

/**
 * Why a time series' custom option is not drawn as Grafana draws it, or undefined when it is
 * (or has Grafana's default value, which is what is drawn).
 */
export function customUndrawn(key: string, value: unknown): string | undefined {
  if (DRAWN_CUSTOM.has(key) || value === null || value === undefined) return undefined;
  switch (key) {
    case 'transform':
      return value === 'negative-Y' ? undefined : `transform ${String(value)} is not drawn`;
    case 'stacking': {
      const mode = isObj(value) ? value.mode : undefined;
      return mode === undefined || ['none', 'normal', 'percent'].includes(String(mode))
        ? undefined
        : `stacking ${String(mode)} is not drawn`;
    }
    case 'axisPlacement':
      return ['auto', 'left', 'right', 'hidden'].includes(String(value))
        ? undefined
        : `axis placement ${String(value)} is drawn left`;
    case 'scaleDistribution': {
      const type = isObj(value) ? value.type : undefined;
      return type === undefined || ['linear', 'log', 'symlog'].includes(String(type))
        ? undefined
        : `scale ${String(type)} is drawn linear`;
    }
    case 'gradientMode':
      return value === 'none' ? undefined : `the ${String(value)} gradient fill is drawn flat`;
    case 'fillBelowTo':
      return nonEmpty(value) ? `fill below to "${value}" is not drawn` : undefined;
    case 'spanNulls':
      return value === false ? undefined : 'connect null values is not drawn; gaps are shown';
    case 'insertNulls':
      return value === false ? undefined : 'disconnect values is not drawn';
    case 'axisColorMode':
      return value === 'text' ? undefined : `axis colour ${String(value)} is not drawn`;
    case 'axisBorderShow':
      return value === false ? undefined : 'axis border is not drawn';
    case 'barAlignment':
      return value === 0 ? undefined : 'bar alignment is drawn centred';
    case 'lineColor':
    case 'fillColor':
    case 'pointColor':
      return `${key === 'lineColor' ? 'line' : key === 'fillColor' ? 'fill' : 'point'} colour is drawn in the series colour`;
    default:
      return `option ${key} is not drawn`;
  }
}

/** Field config properties an override may set that are drawn here. */
const DRAWN_PROPERTIES = new Set([
  'unit',
  'decimals',
  'min',
  'max',
  'displayName',
  'color',
  'thresholds',
  'mappings',
]);

function overridesUndrawn(panel: Json, add: (path: string, message: string) => void): void {
  const fc = isObj(panel.fieldConfig) ? panel.fieldConfig : {};
  const overrides = Array.isArray(fc.overrides) ? fc.overrides : [];
  overrides.forEach((o, i) => {
    if (!isObj(o) || !Array.isArray(o.properties)) return;
    const who = isObj(o.matcher) ? o.matcher.options : undefined;
    const of = typeof who === 'string' && who !== '' ? ` (override of "${who}")` : ' (override)';
    o.properties.forEach((p, j) => {
      if (!isObj(p) || typeof p.id !== 'string') return;
      const path = `fieldConfig.overrides[${i}].properties[${j}]`;
      if (DRAWN_PROPERTIES.has(p.id)) return;
      if (p.id === 'links') {
        if (Array.isArray(p.value) && p.value.length > 0)
          add(path, `data links are not drawn${of}`);
        return;
      }
      if (p.id === 'custom' && isObj(p.value)) {
        for (const [k, v] of Object.entries(p.value)) {
          const why = customUndrawn(k, v);
          if (why) add(path, `${why}${of}`);
        }
        return;
      }
      if (p.id.startsWith('custom.')) {
        const why = customUndrawn(p.id.slice('custom.'.length), p.value);
        if (why) add(path, `${why}${of}`);
        return;
      }
      add(path, `option ${p.id} is not drawn${of}`);
    });
  });
}

export function undrawnOptions(panel: Json): Undrawn[] {
  const out: Undrawn[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const transforms = (Array.isArray(panel.transformations) ? panel.transformations : [])
    .filter((t): t is Json => isObj(t) && t.disabled !== true)
    .map((t) => String(t.id))
    .filter((id) => panel.type !== 'table' || !TABLE_TRANSFORMS.has(id));
  if (transforms.length > 0) {
    add('transformations', `transformations are not applied (${transforms.join(', ')})`);
  }
  const fc = isObj(panel.fieldConfig) ? panel.fieldConfig : {};
  const defaults = isObj(fc.defaults) ? fc.defaults : {};
  if (Array.isArray(defaults.links) && defaults.links.length > 0) {
    add('fieldConfig.defaults.links', 'data links are not drawn');
  }
  if (panel.type === 'timeseries') {
    const custom = isObj(defaults.custom) ? defaults.custom : {};
    for (const [key, value] of Object.entries(custom)) {
      const why = customUndrawn(key, value);
      if (why) add(`fieldConfig.defaults.custom.${key}`, why);
    }
    overridesUndrawn(panel, add);
  }
  const targets = Array.isArray(panel.targets) ? panel.targets : [];
  targets.forEach((t, i) => {
    if (isObj(t) && t.exemplar === true && t.hide !== true) {
      add(`targets[${i}].exemplar`, 'exemplars are not drawn');
    }
  });
  return out;
}
