// `singlestat` (Angular, removed in Grafana 8) → `stat`, or `gauge` when its gauge was shown,
// as DashboardMigrator's migrateSinglestat (schemaVersion 28) and the stat panel change handler:
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/stat/StatMigrations.ts
// Stat options: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/stat/
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { reducer, singlestatMappings, singlestatThresholds } from './legacy.ts';
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
  'rangeMaps',
  'sparkline',
  'thresholds',
  'valueFontSize',
  'valueMaps',
  'valueName',
] as const;

export function singlestatToStat(panel: Json): void {
  const gauge = isRecord(panel.gauge) ? panel.gauge : {};
  const asGauge = gauge.show === true;
  const defaults: Json = {
    unit: asNonEmptyString(panel.format) ?? 'none',
    thresholds: singlestatThresholds(panel.thresholds, panel.colors),
    mappings: singlestatMappings(panel),
    color: { mode: 'thresholds' },
  };
  if (parseFiniteNumber(panel.decimals) !== undefined)
    defaults.decimals = parseFiniteNumber(panel.decimals);
  if (asGauge) {
    if (parseFiniteNumber(gauge.minValue) !== undefined)
      defaults.min = parseFiniteNumber(gauge.minValue);
    if (parseFiniteNumber(gauge.maxValue) !== undefined)
      defaults.max = parseFiniteNumber(gauge.maxValue);
  }
  mergeFieldConfig(panel, defaults, {}, []);
  const old = isRecord(panel.options) ? panel.options : {};
  const reduceOptions = { calcs: [reducer(panel.valueName ?? 'avg')], fields: '', values: false };
  const sparkline = isRecord(panel.sparkline) && panel.sparkline.show === true;
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
        colorMode:
          panel.colorBackground === true
            ? 'background'
            : panel.colorValue === true
              ? 'value'
              : 'none',
        graphMode: sparkline ? 'area' : 'none',
        justifyMode: 'auto',
        orientation: 'horizontal',
        textMode: 'auto',
        ...old,
      };
  drop(panel, SINGLESTAT_KEYS);
  for (const k of ['prefix', 'postfix', 'tableColumn'] as const)
    if (asNonEmptyString(panel[k]) === undefined) delete panel[k];
  panel.type = asGauge ? 'gauge' : 'stat';
}
