// `graph` (Angular, removed in Grafana 11) → `timeseries`, as Grafana's graphPanelChangedHandler
// and graphToTimeseriesOptions do it:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Target model: https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/time-series/
// Grafana's own cases (migrations.test.ts and its snapshots) are transcribed in graph.test.ts;
// docs/GRAFANA-COMPATIBILITY.md lists where we differ on purpose, and why.
import { isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import {
  graphLegend,
  graphThresholds,
  graphTooltip,
  legendHideOverrides,
} from './graph-options.ts';
import { oldAxisConfig, seriesOverrides } from './graph-overrides.ts';
import { drop, fieldConfigOf, type Json } from './types.ts';

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
  'timeRegions',
  'tooltip',
  'xaxis',
  'yaxes',
  'yaxis',
] as const;

/**
 * Grafana 7's time series called the "hide in graph" switch `hideFrom.graph`; it is
 * `hideFrom.viz` since (migrateHideFrom), in the defaults and in every override.
 */
export function migrateHideFrom(panel: Json): void {
  const { custom, overrides } = fieldConfigOf(panel);
  const rename = (h: unknown) => {
    if (isRecord(h) && h.graph !== undefined) {
      h.viz = h.graph;
      delete h.graph;
    }
  };
  rename(custom.hideFrom);
  for (const o of overrides) {
    if (!isRecord(o) || !Array.isArray(o.properties)) continue;
    for (const p of o.properties) if (isRecord(p) && p.id === 'custom.hideFrom') rename(p.value);
  }
}

/** The graph's own look as timeseries `custom` (drawStyle, points, line, fill, stacking…). */
function graphCustom(panel: Json, fillBelowTo: boolean): Json {
  const c: Json = {};
  c.drawStyle = panel.bars ? 'bars' : panel.lines ? 'line' : 'points';
  if (panel.points) {
    c.showPoints = 'always';
    const radius = parseFiniteNumber(panel.pointradius);
    if (typeof panel.pointradius === 'number' && radius !== undefined) c.pointSize = 2 + radius * 2;
  } else if (c.drawStyle !== 'points') c.showPoints = 'never';
  const width = parseFiniteNumber(panel.linewidth);
  if (width !== undefined) c.lineWidth = width;
  if (panel.dashes) {
    c.lineStyle = {
      fill: 'dash',
      dash: [parseFiniteNumber(panel.dashLength) ?? 10, parseFiniteNumber(panel.spaceLength) ?? 10],
    };
  }
  const fill = typeof panel.fill === 'number' ? parseFiniteNumber(panel.fill) : undefined;
  if (fillBelowTo)
    c.fillOpacity = 35; // flot's bands between two series
  else if (fill !== undefined) c.fillOpacity = fill * 10; // 0–10 then, 0–100 now
  const gradient = typeof panel.fillGradient === 'number' ? panel.fillGradient : 0;
  if (Number.isFinite(gradient) && gradient > 0) {
    c.gradientMode = 'opacity';
    c.fillOpacity = gradient * 10;
  }
  c.spanNulls = panel.nullPointMode === 'connected';
  if (panel.steppedLine) c.lineInterpolation = 'stepAfter';
  if (c.drawStyle === 'bars') c.fillOpacity = 100; // flot's bars were solid
  // Grafana's migration forgets `percentage`; the time series stacks in percent as the graph did.
  if (panel.stack) c.stacking = { mode: panel.percentage ? 'percent' : 'normal', group: 'A' };
  return c;
}

export function graphToTimeseries(panel: Json): void {
  const old = fieldConfigOf(panel);
  const yaxes = Array.isArray(panel.yaxes) ? panel.yaxes : [];
  const y1 = oldAxisConfig(yaxes[0]);
  // The left axis wins over the panel's own field config, as in Grafana ("Keep the y-axis unit
  // and custom"); the graph's custom keys (none in practice) are kept under it.
  const defaults: Json = { ...old.defaults, ...y1.std };
  if (defaults.decimals === undefined && parseFiniteNumber(panel.decimals) !== undefined)
    defaults.decimals = parseFiniteNumber(panel.decimals);
  const { overrides, leftovers, fillBelowTo } = seriesOverrides(panel, {
    std: { ...old.defaults, ...y1.std },
    custom: y1.custom,
  });
  const custom: Json = { ...old.custom, ...y1.custom, ...graphCustom(panel, fillBelowTo) };
  if (panel.nullPointMode !== undefined && panel.nullPointMode !== null)
    defaults.nullValueMode = panel.nullPointMode;
  const thresholds = graphThresholds(panel.thresholds);
  if (thresholds) {
    custom.thresholdsStyle = thresholds.style;
    defaults.thresholds = thresholds.thresholds;
  }
  defaults.custom = custom;
  overrides.push(...legendHideOverrides(panel.legend));
  const xaxis = isRecord(panel.xaxis) ? panel.xaxis : undefined;
  if (xaxis?.show === false && xaxis.mode === 'time') {
    overrides.push({
      matcher: { id: 'byType', options: 'time' },
      properties: [{ id: 'custom.axisPlacement', value: 'hidden' }],
    });
  }
  const fc = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  panel.fieldConfig = { ...fc, defaults, overrides: [...old.overrides, ...overrides] };
  const options = isRecord(panel.options) ? { ...panel.options } : {};
  delete options.dataLinks;
  options.legend = graphLegend(panel.legend);
  options.tooltip = graphTooltip(panel.tooltip);
  panel.options = options;
  // Grafana turns time regions into dashboard annotations; those are not drawn here, so the
  // regions stay on the panel, where undrawn.ts reports them.
  const timeRegions =
    Array.isArray(panel.timeRegions) && panel.timeRegions.length > 0
      ? panel.timeRegions
      : undefined;
  drop(panel, GRAPH_KEYS);
  if (leftovers.length > 0) panel.seriesOverrides = leftovers;
  // An x axis over series or a histogram is kept, and reported by undrawn.ts.
  if (xaxis && typeof xaxis.mode === 'string' && xaxis.mode !== '' && xaxis.mode !== 'time')
    panel.xaxis = xaxis;
  if (timeRegions) panel.timeRegions = timeRegions;
  migrateHideFrom(panel);
  panel.type = 'timeseries';
}
