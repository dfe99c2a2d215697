// The y scales and axes of a timeseries chart, as Grafana builds them (pure). Series whose
// axis settings agree share one scale and one axis; a series with another unit, range, side,
// label or distribution gets its own, and an `auto` axis goes left first, then right, as
// Grafana's UPlotConfigBuilder places it. The range of each scale follows Grafana's
// UPlotScaleBuilder: hard min/max, soft min/max, log (2, 10) and symlog, centred zero, and a
// usable range for a flat line.
// https://github.com/grafana/grafana/blob/main/packages/grafana-ui/src/components/uPlot/config/UPlotScaleBuilder.ts
// https://github.com/grafana/grafana/blob/main/packages/grafana-ui/src/components/GraphNG/utils.ts (buildScaleKey)
import uPlot from 'uplot';

/** What of a series decides its y scale and axis (Grafana's min, max and custom.axis*). */
export interface AxisSpec {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  /** custom.axisSoftMin / axisSoftMax: the range reaches them at least. */
  softMin?: number;
  softMax?: number;
  /** custom.axisPlacement: 'auto' | 'left' | 'right' | 'hidden' */
  placement?: string;
  /** custom.axisLabel */
  label?: string;
  /** custom.scaleDistribution.type: 'linear' | 'log' | 'symlog' */
  distribution?: string;
  /** custom.scaleDistribution.log: 2 or 10 */
  log?: number;
  /** custom.scaleDistribution.linearThreshold (symlog) */
  linearThreshold?: number;
  /** custom.axisCenteredZero */
  centeredZero?: boolean;
  /** custom.axisWidth, px */
  width?: number;
  /** custom.axisGridShow; shown unless false */
  grid?: boolean;
  /** Percent stacking: the scale spans 0–1 (or −1–0) and the axis reads as percent. */
  percent?: boolean;
}

export interface YScale extends AxisSpec {
  /** uPlot's scale key: 'y' for the first, then 'y2', 'y3'… */
  key: string;
  /** uPlot's axis side: 3 left, 1 right. */
  side: 1 | 3;
  show: boolean;
  /** The grid is drawn once, by the first shown axis (two grids would not line up). */
  drawGrid: boolean;
}

export interface YLayout {
  scales: YScale[];
  /** The scale key of each series, in order. */
  seriesScale: string[];
}

/** Grafana's buildScaleKey: series with the same key share a scale and an axis. */
function identity(a: AxisSpec): string {
  const distribution =
    a.distribution === 'log' || a.distribution === 'symlog'
      ? `${a.distribution}${a.log ?? 2}${a.distribution === 'symlog' ? `/${a.linearThreshold ?? 1}` : ''}`
      : 'linear';
  return JSON.stringify([
    a.unit ?? '',
    a.min ?? null,
    a.max ?? null,
    a.softMin ?? null,
    a.softMax ?? null,
    a.placement ?? 'auto',
    distribution,
    a.label || null,
    a.centeredZero === true,
    a.percent === true,
  ]);
}

export function yLayout(series: readonly AxisSpec[]): YLayout {
  const byId = new Map<string, YScale>();
  const scales: YScale[] = [];
  let hasLeft = false;
  const seriesScale = series.map((spec) => {
    const id = identity(spec);
    let scale = byId.get(id);
    if (!scale) {
      const hidden = spec.placement === 'hidden';
      const side =
        spec.placement === 'right' ? 1 : spec.placement === 'left' || hidden ? 3 : hasLeft ? 1 : 3;
      if (side === 3 && !hidden) hasLeft = true;
      scale = {
        ...spec,
        key: scales.length === 0 ? 'y' : `y${scales.length + 1}`,
        side,
        show: !hidden,
        drawGrid: false,
      };
      byId.set(id, scale);
      scales.push(scale);
    } else {
      // The first series to name a width or decimals sets them for the axis (Grafana's merge).
      scale.width ??= spec.width;
      scale.decimals ??= spec.decimals;
    }
    return scale.key;
  });
  const gridded = scales.find((s) => s.show && s.grid !== false);
  if (gridded) gridded.drawGrid = true;
  // With no series yet there is still an axis to draw.
  if (scales.length === 0) {
    scales.push({ key: 'y', side: 3, show: true, drawGrid: true });
  }
  return { scales, seriesScale };
}

/** A scale's range for uPlot, given the min and max of the values drawn on it. */
export function yRange(
  s: AxisSpec,
  dataMin: number | null,
  dataMax: number | null,
): [number | null, number | null] {
  if (s.percent) {
    // Grafana: percent stacks fill 0–1 upwards, or −1–0 when stacked downwards (negative-Y).
    const lo = (dataMin ?? 0) < 0 ? -1 : 0;
    const hi = (dataMax ?? 0) > 0 ? 1 : 0;
    return lo < hi ? [lo, hi] : [0, 1];
  }
  const distr = s.distribution;
  const base = s.log === 2 ? 2 : 10;
  let { min: hardMin, max: hardMax, softMin, softMax } = s;
  if (distr === 'log') {
    // A log scale has no zero or below: such limits are dropped, others snap to a power.
    const logFn = base === 2 ? Math.log2 : Math.log10;
    const snap = (v: number | undefined, round: (x: number) => number) =>
      v === undefined || v <= 0 ? undefined : base ** round(logFn(v));
    hardMin = snap(hardMin, Math.floor);
    hardMax = snap(hardMax, Math.ceil);
    softMin = snap(softMin, Math.floor);
    softMax = snap(softMax, Math.ceil);
  }
  const hardMinOnly = softMin === undefined && hardMin !== undefined;
  const hardMaxOnly = softMax === undefined && hardMax !== undefined;
  if (!(hardMinOnly && hardMaxOnly) && dataMin == null && dataMax == null) {
    return [dataMin, dataMax]; // nothing shown on this scale
  }
  let lo = dataMin ?? hardMin ?? 0;
  let hi = dataMax ?? hardMax ?? 0;
  let out: [number | null, number | null];
  if (distr === 'log') {
    out = uPlot.rangeLog(hardMin ?? lo, hardMax ?? hi, base, true) as [number, number];
  } else {
    if (s.centeredZero) {
      const m = Math.max(Math.abs(lo), Math.abs(hi));
      lo = -m;
      hi = m;
    }
    if (distr === 'symlog') {
      out = uPlot.rangeAsinh(lo, hi, base, true) as [number, number];
    } else {
      // uPlot's own defaults (pad 10 %, snap to 0 when near it), with Grafana's limits.
      out = uPlot.rangeNum(hardMinOnly ? hardMin! : lo, hardMaxOnly ? hardMax! : hi, {
        min: {
          pad: 0.1,
          hard: hardMin ?? -Infinity,
          soft: softMin ?? 0,
          mode: softMin === undefined ? 3 : 1,
        },
        max: {
          pad: 0.1,
          hard: hardMax ?? Infinity,
          soft: softMax ?? 0,
          mode: softMax === undefined ? 3 : 1,
        },
      }) as [number, number];
    }
    if (hardMinOnly) out[0] = hardMin!;
    if (hardMaxOnly) out[1] = hardMax!;
  }
  // A flat line at a hard limit (all zero with min 0) would leave no range at all.
  if (out[0] == null || out[1] == null || !(out[0] < out[1])) {
    out = [distr === 'log' ? 1 : 0, 100];
  }
  return [out[0]! + 0, out[1]! + 0]; // no −0 on an axis
}

/** uPlot's scale options for one y scale. */
export function scaleOptions(s: YScale): uPlot.Scale {
  const distr = s.distribution === 'log' ? 3 : s.distribution === 'symlog' ? 4 : 1;
  return {
    auto: true,
    distr,
    ...(distr !== 1 ? { log: s.log === 2 ? 2 : 10 } : {}),
    ...(distr === 4 ? { asinh: s.linearThreshold ?? 1 } : {}),
    range: (_u, dataMin, dataMax) => yRange(s, dataMin, dataMax) as uPlot.Range.MinMax,
  };
}
