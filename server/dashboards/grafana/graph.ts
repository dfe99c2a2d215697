// `graph` (Angular, removed in Grafana 11) → `timeseries`, following graphPanelChangedHandler:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Target model: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/time-series/
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { graphThresholds, legendOptions } from './legacy.ts';
import { drop, type Json, mergeFieldConfig } from './types.ts';

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
  const unit = asNonEmptyString(y.format);
  if (unit !== undefined) std.unit = unit;
  for (const k of ['decimals', 'min', 'max'] as const) {
    const v = parseFiniteNumber(y[k]);
    if (v !== undefined) std[k] = v;
  }
  const custom: Json = {};
  if (y.show === false) custom.axisPlacement = 'hidden';
  if (asNonEmptyString(y.label) !== undefined) custom.axisLabel = y.label;
  // Any base is kept (Grafana's timeseries draws 2 and 10; undrawn.ts reports the others).
  const log = parseFiniteNumber(y.logBase);
  if (log !== undefined && log > 1) custom.scaleDistribution = { type: 'log', log };
  return { std, custom };
}

/**
 * Series on the graph's right axis: the settings of that axis that differ from the left one,
 * as override properties (Grafana's fillY2DynamicValues). The timeseries panel then gives
 * them their own scale, on the right as the second auto axis. Equal axes need nothing.
 */
function secondAxis(panel: Json): Json[] {
  const yaxes = Array.isArray(panel.yaxes) ? panel.yaxes : [];
  const y1 = oldAxisConfig(isRecord(yaxes[0]) ? yaxes[0] : {});
  const y2 = oldAxisConfig(isRecord(yaxes[1]) ? yaxes[1] : {});
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const props: Json[] = [];
  for (const [k, v] of Object.entries(y2.std))
    if (!same(v, y1.std[k])) props.push({ id: k, value: v });
  for (const [k, v] of Object.entries(y2.custom)) {
    if (!same(v, y1.custom[k])) props.push({ id: `custom.${k}`, value: v });
  }
  return props;
}

/**
 * Series overrides → field overrides, as Grafana's flotToGraphOptions does (transform,
 * second axis and fillBelowTo included, as the properties Grafana gives them). What Grafana's
 * migration drops (zindex, legend, nullPointMode…) is kept in `seriesOverrides`, which a
 * timeseries panel ignores, so that undrawn.ts can report it on the panel; nothing is lost.
 */
function seriesOverrides(panel: Json): { overrides: unknown[]; leftovers: Json[] } {
  const out: unknown[] = [];
  const leftovers: Json[] = [];
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
    const left: Json = {};
    const prop = (id: string, value: unknown) => props.push({ id, value });
    let dash: { fill: string; dash: number[] } | undefined;
    const dashOf = () => {
      dash ??= {
        fill: panel.dashes === true ? 'dash' : 'solid',
        dash: [
          parseFiniteNumber(panel.dashLength) ?? 10,
          parseFiniteNumber(panel.spaceLength) ?? 10,
        ],
      };
      return dash;
    };
    for (const [key, value] of Object.entries(o)) {
      const n = parseFiniteNumber(value);
      if (key === 'alias' || key === '$$hashKey') continue;
      if (key === 'color') props.push(fixedColor(value));
      else if (key === 'fill' && n !== undefined) prop('custom.fillOpacity', n * 10);
      else if (key === 'linewidth' && n !== undefined) prop('custom.lineWidth', n);
      else if (key === 'pointradius' && n !== undefined) prop('custom.pointSize', 2 + n * 2);
      else if (key === 'points') prop('custom.showPoints', value ? 'always' : 'never');
      else if (key === 'lines' && value === false) prop('custom.lineWidth', 0);
      else if (key === 'bars') prop('custom.drawStyle', value ? 'bars' : 'line');
      else if (key === 'dashes') dashOf().fill = value ? 'dash' : 'solid';
      else if (key === 'dashLength' && n !== undefined) dashOf().dash[0] = n;
      else if (key === 'spaceLength' && n !== undefined) dashOf().dash[1] = n;
      else if (key === 'stack')
        prop(
          'custom.stacking',
          value === false
            ? { mode: 'none' }
            : { mode: 'normal', group: String(value === true ? 'A' : value) },
        );
      else if (key === 'yaxis' && n === 1) continue;
      else if (key === 'yaxis' && n === 2) props.push(...secondAxis(panel));
      else if (key === 'transform')
        prop('custom.transform', value === 'negative-Y' ? 'negative-Y' : 'constant');
      else if (key === 'fillBelowTo') prop('custom.fillBelowTo', value);
      else left[key] = value;
    }
    if (dash) prop('custom.lineStyle', dash);
    if (props.length > 0) out.push({ matcher: matcher(alias), properties: props });
    if (Object.keys(left).length > 0) leftovers.push({ alias, ...left });
  }
  return { overrides: out, leftovers };
}

export function graphToTimeseries(panel: Json): void {
  const y = Array.isArray(panel.yaxes) && isRecord(panel.yaxes[0]) ? panel.yaxes[0] : {};
  const axis = oldAxisConfig(y);
  const defaults: Json = { ...axis.std };
  if (defaults.decimals === undefined && parseFiniteNumber(panel.decimals) !== undefined)
    defaults.decimals = parseFiniteNumber(panel.decimals);
  const bars = panel.bars === true;
  const lines = panel.lines !== false;
  const points = panel.points === true;
  const custom: Json = {
    ...axis.custom,
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
  const thresholds = graphThresholds(panel.thresholds);
  if (thresholds) {
    defaults.thresholds = thresholds.thresholds;
    custom.thresholdsStyle = thresholds.style;
  }
  // An x axis over series or a histogram is kept, and reported by undrawn.ts.
  const xaxis =
    isRecord(panel.xaxis) && asNonEmptyString(panel.xaxis.mode) !== undefined
      ? panel.xaxis.mode !== 'time'
        ? panel.xaxis
        : undefined
      : undefined;
  const { overrides, leftovers } = seriesOverrides(panel);
  mergeFieldConfig(panel, defaults, custom, overrides);
  const options = isRecord(panel.options) ? { ...panel.options } : {};
  delete options.dataLinks;
  options.legend = legendOptions(panel.legend);
  const shared = !isRecord(panel.tooltip) || panel.tooltip.shared !== false;
  // The graph's tooltip sort: 0 none, 1 increasing, 2 decreasing.
  const sort = isRecord(panel.tooltip) ? parseFiniteNumber(panel.tooltip.sort) : undefined;
  options.tooltip = {
    mode: shared ? 'multi' : 'single',
    sort: sort === 1 ? 'asc' : sort === 2 ? 'desc' : 'none',
  };
  panel.options = options;
  drop(panel, GRAPH_KEYS);
  if (leftovers.length > 0) panel.seriesOverrides = leftovers;
  if (xaxis) panel.xaxis = xaxis;
  panel.type = 'timeseries';
}
