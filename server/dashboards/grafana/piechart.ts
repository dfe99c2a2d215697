// `grafana-piechart-panel` (the Angular plugin) → the core `piechart`, as Grafana migrates it
// when it opens such a dashboard (PieChartPanelChangedHandler):
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/piechart/migrations.ts
// What the new pie chart has no place for (the "Others" slice of `combine`, the font size,
// the stroke width, the legend's breakpoint) is kept in the JSON and reported.
import { asNonEmptyString, asRecord, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { drop, type IssueLog, type Json } from './types.ts';

/**
 * Mapped onto the new panel's options and field config, so dropped from the panel. The old
 * `legend` stays: its percentageDecimals has no place in the new one.
 */
const MAPPED_KEYS = [
  'aliasColors',
  'format',
  'decimals',
  'valueName',
  'legendType',
  'pieType',
  'nullPointMode',
] as const;

const CALCS: Record<string, string> = {
  current: 'lastNotNull',
  min: 'min',
  max: 'max',
  avg: 'mean',
  total: 'sum',
};

export function piechartPanelToPiechart(panel: Json, path: string, log: IssueLog): void {
  const overrides: unknown[] = [];
  for (const [alias, color] of Object.entries(asRecord(panel.aliasColors))) {
    if (typeof color !== 'string' || color === '') continue;
    overrides.push({
      matcher: { id: 'byName', options: alias },
      properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: color } }],
    });
  }
  const defaults: Json = {};
  const unit = asNonEmptyString(panel.format);
  if (unit !== undefined) defaults.unit = unit;
  // The old pie chart showed no decimals unless told; the new one shows one (migrations.ts).
  defaults.decimals = parseFiniteNumber(panel.decimals) || 0;
  panel.fieldConfig = { defaults, overrides };

  const options: Json = { ...asRecord(panel.options) };
  const legend: Json = {
    placement: 'right',
    values: [] as string[],
    displayMode: 'table',
    showLegend: true,
    calcs: [],
  };
  const values = legend.values as string[];
  options.legend = legend;
  const calc = typeof panel.valueName === 'string' ? CALCS[panel.valueName] : undefined;
  if (typeof panel.valueName === 'string' && panel.valueName !== '') {
    options.reduceOptions = { calcs: calc ? [calc] : [] };
  }
  if (panel.legendType === 'Under graph') legend.placement = 'bottom';
  if (panel.pieType === 'pie' || panel.pieType === 'donut') options.pieType = panel.pieType;
  const old = isRecord(panel.legend) ? panel.legend : undefined;
  if (old) {
    if (!old.show) legend.showLegend = false;
    if (old.values) values.push('value');
    if (old.percentage) values.push('percent');
  }
  if (panel.legendType === 'On graph') {
    legend.showLegend = false;
    options.displayLabels = [
      'name',
      ...(old?.values ? ['value'] : []),
      ...(old?.percentage ? ['percent'] : []),
    ];
  }
  panel.options = options;

  const combine = asRecord(panel.combine);
  const threshold = parseFiniteNumber(combine.threshold);
  if (threshold !== undefined && threshold > 0) {
    log.add(
      panel,
      `${path}.combine`,
      `slices under ${threshold * 100}% are not combined into one "${asNonEmptyString(combine.label) ?? 'Others'}" slice (the new pie chart has no such option); each is drawn`,
    );
  }
  if (old && parseFiniteNumber(old.percentageDecimals) !== undefined) {
    log.add(
      panel,
      `${path}.legend.percentageDecimals`,
      "the legend's percent decimals are the field's decimals, as in Grafana's pie chart",
    );
  }
  drop(panel, MAPPED_KEYS);
  panel.type = 'piechart';
}
