// What a heatmap panel's JSON asks for (pure): Grafana's `options` of the heatmap panel, or,
// when a panel has no options at all, the old Angular heatmap's fields read the way Grafana's
// own migration (angularToReactHeatmap) reads them, so old dashboards draw without a re-save.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/heatmap/
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/migrations.ts
import { asNonEmptyString, asRecord, coerceFiniteNumber } from '../../contract/json.ts';
import { schemeName } from './heatmap-color.ts';
import { type ColorSettings, DEFAULT_COLOR, DEFAULT_SCHEME } from './heatmap-defaults.ts';

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

/** The panel's options, or the old panel's fields turned into them. */
export function heatmapOptions(panel: Json): Json {
  const options = asRecord(panel.options);
  return Object.keys(options).length > 0 ? options : legacyOptions(panel);
}

function legacyOptions(p: Json): Json {
  const y = asRecord(p.yAxis);
  const color = asRecord(p.color);
  const cards = asRecord(p.cards);
  const calculate = p.dataFormat !== 'tsbuckets';
  const padding = coerceFiniteNumber(cards.cardPadding) ?? 2;
  const out: Json = {
    calculate,
    calculation: {
      yBuckets:
        coerceFiniteNumber(p.yBucketSize) !== undefined
          ? { mode: 'size', value: String(p.yBucketSize) }
          : coerceFiniteNumber(p.yBucketNumber) !== undefined
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
    cellValues: { decimals: coerceFiniteNumber(p.tooltipDecimals) },
    // The old panel hid its legend and tooltip unless they were switched on.
    legend: { show: asRecord(p.legend).show === true },
    tooltip: { show: asRecord(p.tooltip).show === true },
    ...(p.hideZeroBuckets === true ? { filterValues: { le: 1e-9 } } : {}),
  };
  const c: Json = { steps: 128, fill: color.cardColor };
  if (color.mode === 'spectrum') {
    c.mode = 'scheme';
    c.scheme = schemeName(asNonEmptyString(color.colorScheme)) ?? DEFAULT_SCHEME;
  } else if (color.mode === 'opacity') {
    c.mode = 'opacity';
    c.scale = color.colorScale === 'linear' ? 'linear' : 'exponential';
    c.exponent = coerceFiniteNumber(color.exponent);
  }
  const [min, max] = [coerceFiniteNumber(color.min), coerceFiniteNumber(color.max)];
  if (min !== undefined && max !== undefined && min > max) {
    Object.assign(c, { min: max, max: min, reverse: true });
  } else Object.assign(c, { min, max });
  out.color = c;
  return out;
}

export function heatmapSettings(panel: Json): HeatmapSettings {
  const o = heatmapOptions(panel);
  const c = asRecord(o.color);
  const y = asRecord(o.yAxis);
  const yBuckets = asRecord(asRecord(o.calculation).yBuckets);
  const bucketValue = coerceFiniteNumber(yBuckets.value);
  const fieldUnit = asNonEmptyString(asRecord(asRecord(panel.fieldConfig).defaults).unit);
  const filter = asRecord(o.filterValues);
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
      scheme: schemeName(asNonEmptyString(c.scheme)) ?? DEFAULT_COLOR.scheme,
      fill: asNonEmptyString(c.fill) ?? DEFAULT_COLOR.fill,
      scale: c.scale === 'linear' ? 'linear' : 'exponential',
      exponent: coerceFiniteNumber(c.exponent) ?? DEFAULT_COLOR.exponent,
      steps: coerceFiniteNumber(c.steps) ?? DEFAULT_COLOR.steps,
      reverse: c.reverse === true,
      ...(coerceFiniteNumber(c.min) !== undefined ? { min: coerceFiniteNumber(c.min) } : {}),
      ...(coerceFiniteNumber(c.max) !== undefined ? { max: coerceFiniteNumber(c.max) } : {}),
    },
    unit: asNonEmptyString(y.unit) ?? fieldUnit,
    decimals: coerceFiniteNumber(y.decimals),
    cellDecimals: coerceFiniteNumber(asRecord(o.cellValues).decimals),
    cellGap: Math.max(0, Math.min(10, coerceFiniteNumber(o.cellGap) ?? 1)),
    hideAtOrBelow: coerceFiniteNumber(filter.le),
    reverse: y.reverse === true,
    showYAxis: y.axisPlacement !== 'hidden',
    showLegend: asRecord(o.legend).show !== false,
    showTooltip: asRecord(o.tooltip).show !== false,
  };
}

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
