// What a heatmap panel's JSON asks for (pure): Grafana's `options` of the heatmap panel, or,
// when a panel has no options at all, the old Angular heatmap's fields read the way Grafana's
// own migration (angularToReactHeatmap) reads them, so old dashboards draw without a re-save.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/heatmap/
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/migrations.ts
import { type ColorSettings, DEFAULT_COLOR, DEFAULT_SCHEME, schemeName } from './heatmap-color.ts';

export interface HeatmapSettings {
  /** Count raw values into buckets (Grafana's calculate; the old dataFormat "timeseries"). */
  calculate: boolean;
  yBuckets: { count?: number; size?: number };
  color: ColorSettings;
  unit?: string; // of the bucket bounds, e.g. "s"
  decimals?: number; // of the bucket bounds
  cellDecimals?: number; // of the counts in the tooltip
  cellGap: number; // px between cells
  /** Cells whose count is ≤ this are not drawn (Grafana's filterValues.le). */
  hideAtOrBelow?: number;
  reverse: boolean; // lowest bucket at the top
  showYAxis: boolean;
  showLegend: boolean;
  showTooltip: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
/** A finite number from a number or numeric string, as Grafana's asNumber. */
const num = (v: unknown): number | undefined => {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The panel's options, or the old panel's fields turned into them. */
export function heatmapOptions(panel: Json): Json {
  const options = obj(panel.options);
  return Object.keys(options).length > 0 ? options : legacyOptions(panel);
}

function legacyOptions(p: Json): Json {
  const y = obj(p.yAxis);
  const color = obj(p.color);
  const cards = obj(p.cards);
  const calculate = p.dataFormat !== 'tsbuckets';
  const padding = num(cards.cardPadding) ?? 2;
  const out: Json = {
    calculate,
    calculation: {
      yBuckets:
        num(p.yBucketSize) !== undefined
          ? { mode: 'size', value: String(p.yBucketSize) }
          : num(p.yBucketNumber) !== undefined
            ? { mode: 'count', value: String(p.yBucketNumber) }
            : undefined,
    },
    cellGap: padding || 1,
    yAxis: {
      axisPlacement: y.show === false ? 'hidden' : 'left',
      reverse: p.reverseYBuckets === true,
      unit: y.format,
      decimals: y.decimals,
    },
    cellValues: { decimals: num(p.tooltipDecimals) },
    // The old panel hid its legend and tooltip unless they were switched on.
    legend: { show: obj(p.legend).show === true },
    tooltip: { show: obj(p.tooltip).show === true },
    ...(p.hideZeroBuckets === true ? { filterValues: { le: 1e-9 } } : {}),
  };
  const c: Json = { steps: 128, fill: color.cardColor };
  if (color.mode === 'spectrum') {
    c.mode = 'scheme';
    c.scheme = schemeName(str(color.colorScheme)) ?? DEFAULT_SCHEME;
  } else if (color.mode === 'opacity') {
    c.mode = 'opacity';
    c.scale = color.colorScale === 'linear' ? 'linear' : 'exponential';
    c.exponent = num(color.exponent);
  }
  const [min, max] = [num(color.min), num(color.max)];
  if (min !== undefined && max !== undefined && min > max) {
    Object.assign(c, { min: max, max: min, reverse: true });
  } else Object.assign(c, { min, max });
  out.color = c;
  return out;
}

export function heatmapSettings(panel: Json): HeatmapSettings {
  const o = heatmapOptions(panel);
  const c = obj(o.color);
  const y = obj(o.yAxis);
  const yBuckets = obj(obj(o.calculation).yBuckets);
  const bucketValue = num(yBuckets.value);
  const fieldUnit = str(obj(obj(panel.fieldConfig).defaults).unit);
  const filter = obj(o.filterValues);
  return {
    calculate: o.calculate === true,
    yBuckets:
      bucketValue === undefined
        ? {}
        : yBuckets.mode === 'count'
          ? { count: bucketValue }
          : { size: bucketValue },
    color: {
      mode: c.mode === 'opacity' ? 'opacity' : 'scheme',
      scheme: schemeName(str(c.scheme)) ?? DEFAULT_COLOR.scheme,
      fill: str(c.fill) ?? DEFAULT_COLOR.fill,
      scale: c.scale === 'linear' ? 'linear' : 'exponential',
      exponent: num(c.exponent) ?? DEFAULT_COLOR.exponent,
      steps: num(c.steps) ?? DEFAULT_COLOR.steps,
      reverse: c.reverse === true,
      ...(num(c.min) !== undefined ? { min: num(c.min) } : {}),
      ...(num(c.max) !== undefined ? { max: num(c.max) } : {}),
    },
    unit: str(y.unit) ?? fieldUnit,
    decimals: num(y.decimals),
    cellDecimals: num(obj(o.cellValues).decimals),
    cellGap: Math.max(0, Math.min(10, num(o.cellGap) ?? 1)),
    hideAtOrBelow: num(filter.le),
    reverse: y.reverse === true,
    showYAxis: y.axisPlacement !== 'hidden',
    showLegend: obj(o.legend).show !== false,
    showTooltip: obj(o.tooltip).show !== false,
  };
}

/** Grafana's defaults for a new heatmap panel (options). */
export const HEATMAP_DEFAULTS: Json = {
  calculate: false,
  cellGap: 1,
  color: { ...DEFAULT_COLOR },
  filterValues: { le: 1e-9 },
  legend: { show: true },
  tooltip: { show: true },
  yAxis: { axisPlacement: 'left' },
};

/** How the series become buckets. */
export type HeatmapSource = 'cumulative' | 'buckets' | 'calculate';

/**
 * `calculate` wins, as in Grafana. Otherwise a histogram is de-cumulated when its target asks
 * for `format: heatmap`, or gives no format and every series has an `le` label; a target
 * that says `time_series` (the old panel's `tsbuckets`) already holds one count per bucket.
 */
export function heatmapSource(
  settings: Pick<HeatmapSettings, 'calculate'>,
  targets: readonly { refId: string; format?: unknown }[],
  series: readonly { refId: string; metric: Record<string, string> }[],
): HeatmapSource {
  if (settings.calculate) return 'calculate';
  const format = new Map(targets.map((t) => [t.refId, t.format]));
  const cumulative = series.every((s) => {
    const f = format.get(s.refId);
    return f === 'heatmap' || ((f === undefined || f === '') && s.metric.le !== undefined);
  });
  return cumulative ? 'cumulative' : 'buckets';
}
