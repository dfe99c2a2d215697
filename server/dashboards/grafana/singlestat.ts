// `singlestat` (Angular, removed in Grafana 8) → `stat`, or `gauge` when its gauge was shown,
// as DashboardMigrator's migrateSinglestat (schemaVersion 28) with the stat and gauge panel
// change handlers and the shared singlestat one (migrateFromAngularSinglestat):
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/stat/StatMigrations.ts
// https://github.com/grafana/grafana/blob/main/packages/grafana-ui/src/components/SingleStatShared/SingleStatBaseOptions.ts
// Stat options: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/stat/
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { singlestatMappings } from './mappings.ts';
import { drop, type Json, mergeFieldConfig } from './types.ts';

// prefix, postfix and tableColumn are kept (Grafana's stat has no such options) and
// reported by undrawn.ts; an empty one is dropped with the rest.
const SINGLESTAT_KEYS = [
  'colorBackground',
  'colorPostfix',
  'colorPrefix',
  'colorValue',
  'colors',
  'decimals',
  'format',
  'gauge',
  'mappingType',
  'mappingTypes',
  'nullPointMode',
  'nullText',
  'postfixFontSize',
  'prefixFontSize',
  'sparkline',
  'thresholds',
  'valueFontSize',
  'valueName',
] as const;

/**
 * Singlestat `valueName` → the stat reducer: Grafana's fieldReducers.getIfExists, which knows
 * reducer ids and the aliases avg, current and total; anything else (name, last_time) is mean.
 */
const VALUE_NAMES: Record<string, string> = {
  avg: 'mean',
  current: 'lastNotNull',
  total: 'sum',
  min: 'min',
  max: 'max',
  first: 'first',
  last: 'last',
  delta: 'delta',
  diff: 'diff',
  range: 'range',
  count: 'count',
  mean: 'mean',
  sum: 'sum',
  lastNotNull: 'lastNotNull',
  firstNotNull: 'firstNotNull',
};
export const singlestatReducer = (name: unknown): string =>
  (typeof name === 'string' && Object.hasOwn(VALUE_NAMES, name) && VALUE_NAMES[name]) || 'mean';

/** The stat panel's default thresholds, which Grafana adds when the singlestat had none. */
const DEFAULT_THRESHOLDS = {
  mode: 'absolute',
  steps: [
    { color: 'green', value: null },
    { color: 'red', value: 80 },
  ],
};

/**
 * `thresholds: "a,b"` + `colors: [c0, c1, c2]` → one step per colour: the first is the base
 * (value null, JSON's -Infinity), colour i starts at value i-1. A value that is not a number
 * stays null, as Grafana's Number() gives NaN. No thresholds or colours: undefined.
 */
export function singlestatThresholds(thresholds: unknown, colors: unknown): Json | undefined {
  if (typeof thresholds !== 'string' || thresholds === '' || !Array.isArray(colors))
    return undefined;
  const levels = thresholds.split(',').map((s) => {
    const n = Number(s.trim());
    return Number.isFinite(n) ? n : null;
  });
  const steps = colors.map((color, i) => ({
    color,
    value: i === 0 ? null : (levels[i - 1] ?? null),
  }));
  return { mode: 'absolute', steps };
}

function fieldDefaults(panel: Json, gauge: Json, asGauge: boolean): Json {
  const defaults: Json = {};
  if (asNonEmptyString(panel.format) !== undefined) defaults.unit = panel.format;
  if (asNonEmptyString(panel.nullPointMode) !== undefined)
    defaults.nullValueMode = panel.nullPointMode;
  if (asNonEmptyString(panel.nullText) !== undefined) defaults.noValue = panel.nullText;
  if (parseFiniteNumber(panel.decimals) !== undefined)
    defaults.decimals = parseFiniteNumber(panel.decimals);
  const thresholds = singlestatThresholds(panel.thresholds, panel.colors);
  defaults.thresholds = thresholds ?? DEFAULT_THRESHOLDS;
  defaults.mappings = singlestatMappings(panel, thresholds);
  if (asGauge) {
    if (parseFiniteNumber(gauge.minValue) !== undefined)
      defaults.min = parseFiniteNumber(gauge.minValue);
    if (parseFiniteNumber(gauge.maxValue) !== undefined)
      defaults.max = parseFiniteNumber(gauge.maxValue);
  }
  // sharedSingleStatMigrationHandler: percent units had an implied 0–100 (0–1) range.
  const range = defaults.unit === 'percent' ? 100 : defaults.unit === 'percentunit' ? 1 : 0;
  if (range > 0) {
    defaults.min ??= 0;
    defaults.max ??= range;
  }
  return defaults;
}

export function singlestatToStat(panel: Json): void {
  const gauge = isRecord(panel.gauge) ? panel.gauge : {};
  const asGauge = gauge.show === true;
  const defaults = fieldDefaults(panel, gauge, asGauge);
  const old = isRecord(panel.options) ? panel.options : {};
  const reduceOptions = {
    calcs: [singlestatReducer(panel.valueName ?? 'avg')],
    fields: '',
    values: false,
  };
  const sparkline = isRecord(panel.sparkline) ? panel.sparkline : {};
  const colorMode =
    panel.colorBackground === true ? 'background' : panel.colorValue === true ? 'value' : 'none';
  const graphMode = sparkline.show === true ? 'area' : 'none';
  // StatMigrations: with the value uncoloured, the sparkline keeps its own line colour.
  if (!asGauge && colorMode === 'none' && graphMode === 'area') {
    const line = asNonEmptyString(sparkline.lineColor);
    if (line !== undefined) defaults.color = { mode: 'fixed', fixedColor: line };
  }
  defaults.color ??= { mode: 'thresholds' };
  mergeFieldConfig(panel, defaults, {}, []);
  panel.options = asGauge
    ? {
        reduceOptions,
        showThresholdLabels: gauge.thresholdLabels === true,
        showThresholdMarkers: gauge.thresholdMarkers !== false,
        orientation: 'auto',
        ...old,
      }
    : {
        reduceOptions,
        colorMode,
        graphMode,
        justifyMode: 'auto',
        orientation: 'horizontal',
        textMode: panel.valueName === 'name' ? 'name' : 'auto',
        ...old,
      };
  // The list `mappingType` did not pick was not applied by the singlestat either; it is kept.
  const unused = unusedMappingList(panel);
  if (unused !== 'valueMaps' || !nonEmptyList(panel.valueMaps)) delete panel.valueMaps;
  if (unused !== 'rangeMaps' || !nonEmptyList(panel.rangeMaps)) delete panel.rangeMaps;
  drop(panel, SINGLESTAT_KEYS);
  for (const k of ['prefix', 'postfix', 'tableColumn'] as const)
    if (asNonEmptyString(panel[k]) === undefined) delete panel[k];
  panel.type = asGauge ? 'gauge' : 'stat';
}

const nonEmptyList = (v: unknown) => Array.isArray(v) && v.length > 0;

/** The list a singlestat did not apply (as singlestatMappings picks), or undefined. */
function unusedMappingList(panel: Json): 'valueMaps' | 'rangeMaps' | undefined {
  const type = panel.mappingType || (nonEmptyList(panel.valueMaps) ? 1 : 2);
  return type === 1 ? 'rangeMaps' : type === 2 ? 'valueMaps' : undefined;
}
