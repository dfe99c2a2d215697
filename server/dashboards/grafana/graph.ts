// `graph` (Angular, removed in Grafana 11) → `timeseries`, following graphPanelChangedHandler:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Target model: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/time-series/
import { graphThresholds, legendOptions } from './legacy.ts';
import { drop, type IssueLog, isObj, type Json, mergeFieldConfig, num, str } from './types.ts';

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

/**
 * A graph y axis as timeseries field config (Grafana's getFieldConfigFromOldAxis): unit,
 * decimals, min, max, and custom axisPlacement (hidden when the axis was), label, log scale.
 */
export function oldAxisConfig(y: Json): { std: Json; custom: Json } {
  const std: Json = {};
  const unit = str(y.format);
  if (unit !== undefined) std.unit = unit;
  for (const k of ['decimals', 'min', 'max'] as const) {
    const v = num(y[k]);
    if (v !== undefined) std[k] = v;
  }
  const custom: Json = {};
  if (y.show === false) custom.axisPlacement = 'hidden';
  if (str(y.label) !== undefined) custom.axisLabel = y.label;
  const log = num(y.logBase);
  if (log === 2 || log === 10) custom.scaleDistribution = { type: 'log', log };
  return { std, custom };
}

/**
 * Series on the graph's right axis: the settings of that axis that differ from the left one,
 * as override properties (Grafana's fillY2DynamicValues). The timeseries panel then gives
 * them their own scale, on the right as the second auto axis. Equal axes need nothing.
 */
function secondAxis(panel: Json): Json[] {
  const yaxes = Array.isArray(panel.yaxes) ? panel.yaxes : [];
  const y1 = oldAxisConfig(isObj(yaxes[0]) ? yaxes[0] : {});
  const y2 = oldAxisConfig(isObj(yaxes[1]) ? yaxes[1] : {});
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const props: Json[] = [];
  for (const [k, v] of Object.entries(y2.std))
    if (!same(v, y1.std[k])) props.push({ id: k, value: v });
  for (const [k, v] of Object.entries(y2.custom)) {
    if (!same(v, y1.custom[k])) props.push({ id: `custom.${k}`, value: v });
  }
  return props;
}

function seriesOverrides(panel: Json, path: string, log: IssueLog): unknown[] {
  const out: unknown[] = [];
  if (isObj(panel.aliasColors)) {
    for (const [alias, color] of Object.entries(panel.aliasColors)) {
      if (typeof color === 'string')
        out.push({ matcher: { id: 'byName', options: alias }, properties: [fixedColor(color)] });
    }
  }
  const list = Array.isArray(panel.seriesOverrides) ? panel.seriesOverrides.filter(isObj) : [];
  for (const o of list) {
    const alias = str(o.alias);
    if (alias === undefined) continue;
    const props: Json[] = [];
    for (const [key, value] of Object.entries(o)) {
      if (key === 'alias' || key === '$$hashKey') continue;
      if (key === 'color') props.push(fixedColor(value));
      else if (key === 'fill' && num(value) !== undefined)
        props.push({ id: 'custom.fillOpacity', value: (num(value) ?? 0) * 10 });
      else if (key === 'linewidth' && num(value) !== undefined)
        props.push({ id: 'custom.lineWidth', value: num(value) });
      else if (key === 'stack')
        // Grafana's getStackingFromOverrides: a name is a stacking group, false takes it out.
        props.push({
          id: 'custom.stacking',
          value: {
            mode: value === false ? 'none' : 'normal',
            group: typeof value === 'string' && value !== '' ? value : 'A',
          },
        });
      else if (key === 'yaxis') {
        if (value === 2) props.push(...secondAxis(panel));
      } else if (key === 'transform')
        props.push({
          id: 'custom.transform',
          value: value === 'negative-Y' ? 'negative-Y' : 'constant',
        });
      else if (key === 'fillBelowTo')
        // Kept in the override, where the not-drawn list reports it.
        props.push({ id: 'custom.fillBelowTo', value });
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
  const y = Array.isArray(panel.yaxes) && isObj(panel.yaxes[0]) ? panel.yaxes[0] : {};
  const axis = oldAxisConfig(y);
  const logBase = num(y.logBase) ?? 1;
  if (logBase > 1 && logBase !== 2 && logBase !== 10) {
    // Grafana's timeseries has log 2 and 10 only; it draws others linear too.
    log.add(panel, `${path}.yaxes`, `log base ${logBase} y axis is drawn linear`);
  }
  const defaults: Json = { ...axis.std };
  if (defaults.decimals === undefined && num(panel.decimals) !== undefined)
    defaults.decimals = num(panel.decimals);
  const bars = panel.bars === true;
  const lines = panel.lines !== false;
  const points = panel.points === true;
  const custom: Json = {
    ...axis.custom,
    drawStyle: bars ? 'bars' : lines ? 'line' : points ? 'points' : 'line',
    lineWidth: num(panel.linewidth) ?? 1,
    fillOpacity: (num(panel.fill) ?? 1) * 10,
    showPoints: points ? 'always' : 'never',
    spanNulls: panel.nullPointMode === 'connected',
    stacking:
      panel.stack === true
        ? { mode: panel.percentage ? 'percent' : 'normal', group: 'A' }
        : { mode: 'none', group: 'A' },
  };
  if (panel.steppedLine === true) custom.lineInterpolation = 'stepAfter';
  const thresholds = graphThresholds(panel.thresholds);
  if (thresholds) {
    defaults.thresholds = thresholds.thresholds;
    custom.thresholdsStyle = thresholds.style;
  }
  if (isObj(panel.xaxis) && str(panel.xaxis.mode) !== undefined && panel.xaxis.mode !== 'time') {
    log.add(
      panel,
      `${path}.xaxis`,
      `graph x-axis mode "${panel.xaxis.mode}" is not drawn; shown over time`,
    );
  }
  const overrides = seriesOverrides(panel, path, log);
  mergeFieldConfig(panel, defaults, custom, overrides);
  const options = isObj(panel.options) ? { ...panel.options } : {};
  delete options.dataLinks;
  options.legend = legendOptions(panel.legend);
  const shared = !isObj(panel.tooltip) || panel.tooltip.shared !== false;
  options.tooltip = { mode: shared ? 'multi' : 'single', sort: 'none' };
  panel.options = options;
  drop(panel, GRAPH_KEYS);
  panel.type = 'timeseries';
}
