// `graph` (Angular, removed in Grafana 11) → `timeseries`, following graphPanelChangedHandler:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Target model: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/time-series/
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { graphThresholds, legendOptions } from './legacy.ts';
import { drop, type IssueLog, type Json, mergeFieldConfig } from './types.ts';

const GRAPH_KEYS = [
  'aliasColors',
  'bars',
  'dashLength',
  'dashes',
  'decimals',
  'fill',
  'fillGradient',
  'hiddenSeries',
  'legend',
  'lines',
  'linewidth',
  'nullPointMode',
  'percentage',
  'pointradius',
  'points',
  'renderer',
  'seriesOverrides',
  'spaceLength',
  'stack',
  'steppedLine',
  'thresholds',
  'tooltip',
  'xaxis',
  'yaxes',
  'yaxis',
] as const;

const fixedColor = (color: unknown) => ({
  id: 'color',
  value: { mode: 'fixed', fixedColor: color },
});

/** byName for plain aliases, byRegexp for `/…/` aliases (Grafana's override matchers). */
function matcher(alias: string): Json {
  const re = /^\/(.*)\/[a-z]*$/.exec(alias);
  return re ? { id: 'byRegexp', options: re[1] ?? '' } : { id: 'byName', options: alias };
}

function seriesOverrides(panel: Json, path: string, log: IssueLog): unknown[] {
  const out: unknown[] = [];
  if (isRecord(panel.aliasColors)) {
    for (const [alias, color] of Object.entries(panel.aliasColors)) {
      if (typeof color === 'string')
        out.push({ matcher: { id: 'byName', options: alias }, properties: [fixedColor(color)] });
    }
  }
  const list = Array.isArray(panel.seriesOverrides) ? panel.seriesOverrides.filter(isRecord) : [];
  for (const o of list) {
    const alias = asNonEmptyString(o.alias);
    if (alias === undefined) continue;
    const props: Json[] = [];
    for (const [key, value] of Object.entries(o)) {
      if (key === 'alias' || key === '$$hashKey') continue;
      if (key === 'color') props.push(fixedColor(value));
      else if (key === 'fill' && parseFiniteNumber(value) !== undefined)
        props.push({ id: 'custom.fillOpacity', value: (parseFiniteNumber(value) ?? 0) * 10 });
      else if (key === 'linewidth' && parseFiniteNumber(value) !== undefined)
        props.push({ id: 'custom.lineWidth', value: parseFiniteNumber(value) });
      else if (key === 'stack')
        props.push({
          id: 'custom.stacking',
          value:
            value === false
              ? { mode: 'none' }
              : { mode: 'normal', group: String(value === true ? 'A' : value) },
        });
      else if (key === 'yaxis' && value === 1) continue;
      else if (key === 'yaxis')
        log.add(
          panel,
          `${path}.seriesOverrides`,
          'series on a second Y axis are drawn on the first axis',
          'yaxis',
        );
      else if (key === 'transform' && value === 'negative-Y')
        log.add(
          panel,
          `${path}.seriesOverrides`,
          'negative-Y transform is not drawn; series shown positive',
          'negY',
        );
      else if (key === 'fillBelowTo')
        log.add(panel, `${path}.seriesOverrides`, 'fillBelowTo is not drawn', 'fillBelowTo');
      else
        log.add(
          panel,
          `${path}.seriesOverrides`,
          `series override "${key}" is not drawn`,
          `override:${key}`,
        );
    }
    if (props.length > 0) out.push({ matcher: matcher(alias), properties: props });
  }
  return out;
}

export function graphToTimeseries(panel: Json, path: string, log: IssueLog): void {
  const y = Array.isArray(panel.yaxes) && isRecord(panel.yaxes[0]) ? panel.yaxes[0] : {};
  const defaults: Json = {};
  const unit = asNonEmptyString(y.format);
  if (unit !== undefined) defaults.unit = unit;
  for (const k of ['min', 'max', 'decimals'] as const) {
    const v = parseFiniteNumber(y[k]);
    if (v !== undefined) defaults[k] = v;
  }
  if (defaults.decimals === undefined && parseFiniteNumber(panel.decimals) !== undefined)
    defaults.decimals = parseFiniteNumber(panel.decimals);
  const bars = panel.bars === true;
  const lines = panel.lines !== false;
  const points = panel.points === true;
  const custom: Json = {
    drawStyle: bars ? 'bars' : lines ? 'line' : points ? 'points' : 'line',
    lineWidth: parseFiniteNumber(panel.linewidth) ?? 1,
    fillOpacity: (parseFiniteNumber(panel.fill) ?? 1) * 10,
    showPoints: points ? 'always' : 'never',
    spanNulls: panel.nullPointMode === 'connected',
    stacking:
      panel.stack === true
        ? { mode: panel.percentage ? 'percent' : 'normal', group: 'A' }
        : { mode: 'none', group: 'A' },
  };
  if (panel.steppedLine === true) custom.lineInterpolation = 'stepAfter';
  if (asNonEmptyString(y.label) !== undefined) custom.axisLabel = y.label;
  if ((parseFiniteNumber(y.logBase) ?? 1) > 1)
    custom.scaleDistribution = { type: 'log', log: parseFiniteNumber(y.logBase) };
  const thresholds = graphThresholds(panel.thresholds);
  if (thresholds) {
    defaults.thresholds = thresholds.thresholds;
    custom.thresholdsStyle = thresholds.style;
  }
  if (
    isRecord(panel.xaxis) &&
    asNonEmptyString(panel.xaxis.mode) !== undefined &&
    panel.xaxis.mode !== 'time'
  ) {
    log.add(
      panel,
      `${path}.xaxis`,
      `graph x-axis mode "${panel.xaxis.mode}" is not drawn; shown over time`,
    );
  }
  const overrides = seriesOverrides(panel, path, log);
  mergeFieldConfig(panel, defaults, custom, overrides);
  const options = isRecord(panel.options) ? { ...panel.options } : {};
  delete options.dataLinks;
  options.legend = legendOptions(panel.legend);
  const shared = !isRecord(panel.tooltip) || panel.tooltip.shared !== false;
  options.tooltip = { mode: shared ? 'multi' : 'single', sort: 'none' };
  panel.options = options;
  drop(panel, GRAPH_KEYS);
  panel.type = 'timeseries';
}
