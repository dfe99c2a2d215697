// `singlestat` (Angular, removed in Grafana 8) → `stat`, or `gauge` when its gauge was shown,
// as DashboardMigrator's migrateSinglestat (schemaVersion 28) and the stat panel change handler:
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/stat/StatMigrations.ts
// Stat options: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/stat/
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { reducer, singlestatMappings, singlestatThresholds } from './legacy.ts';
import { drop, type IssueLog, type Json, mergeFieldConfig } from './types.ts';

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
  'postfix',
  'postfixFontSize',
  'prefix',
  'prefixFontSize',
  'rangeMaps',
  'sparkline',
  'tableColumn',
  'thresholds',
  'valueFontSize',
  'valueMaps',
  'valueName',
] as const;

export function singlestatToStat(panel: Json, path: string, log: IssueLog): void {
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
  if (
    asNonEmptyString(panel.prefix) !== undefined ||
    asNonEmptyString(panel.postfix) !== undefined
  ) {
    log.add(panel, `${path}.prefix`, 'singlestat prefix/postfix text is not drawn');
  }
  if (asNonEmptyString(panel.tableColumn) !== undefined) {
    log.add(
      panel,
      `${path}.tableColumn`,
      'singlestat tableColumn is not drawn; all fields are shown',
    );
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
  panel.type = asGauge ? 'gauge' : 'stat';
}
