// uPlot options for a timeseries panel (https://github.com/leeoniya/uPlot/tree/master/docs).

import uPlot from 'uplot';
import { axisFormatter } from '../fields/units.ts';
import { isKnownZone, type TimeZone } from '../time/zone.ts';
import { labelWidth } from './label-widths.ts';
import type { StackSpec } from './stack.ts';
import { isolatedIndices } from './stack.ts';
import { timeTicks } from './time-axis.ts';
import type { AxisSpec, YLayout, YScale } from './y-axes.ts';
import { scaleOptions, yLayout } from './y-axes.ts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  show: boolean;
  /** The series' own field config (from overrides); the panel's style where unset. */
  lineWidth?: number; // px
  fillOpacity?: number; // 0–100
  /** Grafana's custom.gradientMode 'opacity': the fill fades from fillOpacity to none. */
  gradient?: boolean;
  /** Grafana's custom.drawStyle */
  drawStyle?: 'line' | 'bars' | 'points';
  /** Grafana's custom.showPoints: 'auto' draws them where there is room. */
  showPoints?: 'auto' | 'always' | 'never';
  pointSize?: number; // px
  /** Grafana's custom.lineInterpolation; straight segments by default. */
  interpolation?: 'linear' | 'smooth' | 'stepBefore' | 'stepAfter';
  /** Grafana's custom.lineStyle: [on, off] px for a dashed line, dotted when `on` is 0. */
  dash?: number[];
  /** Values in the tooltip: the series' unit and decimals. */
  unit?: string;
  decimals?: number;
  /** custom.hideFrom.tooltip */
  noTooltip?: boolean;
  /** custom.transform 'negative-Y': drawn below zero (the tooltip and legend keep the sign). */
  negativeY?: boolean;
  /** custom.stacking; null when the series says it is not stacked (mode none). */
  stack?: StackSpec | null;
  /** Its axis: unit, range, side, label, distribution (the panel's style where unset). */
  axis?: AxisSpec;
}

/** What of a series needs it rebuilt in uPlot when it changes (not its visibility). */
export function seriesLook(s: ChartSeries): string {
  return JSON.stringify([
    s.label,
    s.color,
    s.lineWidth,
    s.fillOpacity,
    s.gradient,
    s.drawStyle,
    s.showPoints,
    s.pointSize,
    s.interpolation,
    s.dash,
    s.negativeY,
    s.stack,
    s.axis,
  ]);
}

export interface ChartStyle {
  unit?: string;
  /** The panel's decimals; without them the axis takes those of its tick step. */
  decimals?: number;
  min?: number;
  max?: number;
  fillOpacity?: number; // 0–100, Grafana's custom.fillOpacity
  lineWidth?: number; // px
  /** Grafana's drawStyle, with stacking folded in: lines, stacked areas, or bars. */
  mode?: 'lines' | 'stacked' | 'bars';
  /** custom.axisPlacement: 'right' moves the y axis, 'hidden' hides it. */
  axisPlacement?: string;
}

/** A series' axis: its own settings over the panel's. */
export function axisOf(s: ChartSeries, style: ChartStyle): AxisSpec {
  const a = s.axis ?? {};
  return {
    ...a,
    unit: a.unit ?? style.unit,
    decimals: a.decimals ?? style.decimals,
    min: a.min ?? style.min,
    max: a.max ?? style.max,
    placement: a.placement ?? style.axisPlacement,
    percent: stackOf(s, style)?.mode === 'percent',
  };
}

/** A series' stacking: its own, else every series stacked together when the style says so. */
export function stackOf(s: ChartSeries, style: ChartStyle): StackSpec | undefined {
  if (s.stack !== undefined) return s.stack ?? undefined;
  return style.mode === 'stacked' ? { mode: 'normal', group: 'A' } : undefined;
}

/** The y scales and axes for these series. */
export function chartLayout(series: readonly ChartSeries[], style: ChartStyle): YLayout {
  return yLayout(series.map((s) => axisOf(s, style)));
}

/** What of the layout needs the chart rebuilt when it changes: its scales and axes. */
export function layoutKey(layout: YLayout): string {
  return JSON.stringify(layout.scales);
}

const STACKED_FILL = 35; // % opacity when a stacked chart gives none
const BAR_FILL = 60; // % opacity of bars

const TICK_GAP = 4 + 4 + 6; // px: tick, gap to the label, and a margin to the edge

/**
 * The y axis as wide as its longest label ("0.5 req/s", "1.25 GiB"), as uPlot's axis-autosize
 * demo does, so no label is cut off; 40 px at least, before labels exist.
 */
export function yAxisSize(
  u: uPlot,
  values: string[] | null,
  axisIdx: number,
  cycleNum: number,
): number {
  const axis = u.axes[axisIdx] as uPlot.Axis & { _size?: number; font?: [string, number] };
  // uPlot re-measures until sizes settle; past the first pass keep what was found.
  if (cycleNum > 1 && axis._size) return axis._size;
  if (!values || values.length === 0) return 40;
  const font = axis.font?.[0] ?? AXIS.font; // uPlot keeps the font scaled by pixel ratio here
  const measure = (text: string) => {
    u.ctx.font = font;
    return u.ctx.measureText(text).width;
  };
  const longest = Math.max(...values.map((v) => labelWidth(font, v ?? '', measure)));
  return Math.max(40, Math.ceil(longest / devicePixelRatio + TICK_GAP));
}

export const AXIS = {
  stroke: '#9aa4b2',
  grid: { stroke: 'rgba(204, 204, 220, 0.07)', width: 1 },
  ticks: { stroke: 'rgba(204, 204, 220, 0.12)', width: 1, size: 4 },
  font: '11px system-ui, sans-serif',
};

/** The x axis every time chart shares: ticks in the words of the range they cover. */
export function timeAxis(zone?: TimeZone): uPlot.Axis {
  return {
    ...AXIS,
    space: 70,
    values: (u, splits, _axis, _space, incr) => {
      const labels = timeTicks(splits, incr, (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0), zone);
      // Drawn on the canvas; kept as text too (with the instant of each), for tests, and the
      // scale's range they were made for.
      u.root.dataset.xTicks = JSON.stringify(splits.map((t, i) => [t, labels[i]]));
      u.root.dataset.xRange = `${u.scales.x?.min ?? ''},${u.scales.x?.max ?? ''}`;
      return labels;
    },
  };
}

/**
 * uPlot's `tzDate`, so ticks fall on the dashboard zone's whole hours and midnights; undefined
 * for the browser's zone, which uPlot uses already.
 */
export function zoneDate(zone?: TimeZone): ((ts: number) => Date) | undefined {
  if (!zone || zone === 'browser' || !isKnownZone(zone)) return undefined;
  const name = zone.toLowerCase() === 'utc' ? 'Etc/UTC' : zone;
  return (ts) => uPlot.tzDate(new Date(ts * 1000), name);
}

/** Hex colour plus alpha, for area fills. */
export function withAlpha(hex: string, alpha: number): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return hex;
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return hex + a;
}

/**
 * Grafana's "opacity" gradient (getOpacityGradientFn): the fill at its opacity at the top of
 * the plot, fading to none at the bottom. A colour that is not #rrggbb stays a flat fill.
 */
export function opacityGradient(color: string, alpha: number): uPlot.Series.Fill {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return withAlpha(color, alpha);
  return (u: uPlot) => {
    const { top, height } = u.bbox;
    const g = u.ctx.createLinearGradient(0, top, 0, top + height);
    g.addColorStop(0, withAlpha(color, alpha));
    g.addColorStop(1, withAlpha(color, 0));
    return g;
  };
}

export function seriesOptions(s: ChartSeries, style: ChartStyle, scale = 'y'): uPlot.Series {
  const draw = s.drawStyle ?? (style.mode === 'bars' ? 'bars' : 'line');
  const opacity =
    s.fillOpacity ??
    (draw === 'bars'
      ? BAR_FILL
      : stackOf(s, style)
        ? (style.fillOpacity ?? STACKED_FILL)
        : style.fillOpacity);
  const flat = opacity && draw !== 'points' ? withAlpha(s.color, opacity / 100) : undefined;
  const fill = flat && s.gradient ? opacityGradient(s.color, opacity! / 100) : flat;
  const size = s.pointSize ?? 5; // px
  // Dots only where a value stands alone between gaps: a line would not show it at all.
  const isolated: uPlot.Series.Points.Filter = (u, i, show) =>
    show ? null : isolatedIndices(u.data[i] ?? []);
  const points: uPlot.Series.Points =
    draw === 'points' || s.showPoints === 'always'
      ? { show: true, size, fill: s.color, stroke: s.color }
      : s.showPoints === 'never'
        ? { show: false, size, filter: isolated }
        : { size, filter: isolated };
  return {
    label: s.label,
    scale,
    stroke: s.color,
    width: s.lineWidth ?? style.lineWidth ?? 1,
    show: s.show,
    spanGaps: false, // a gap in Prometheus data is a gap on the chart
    points,
    ...(fill ? { fill } : {}),
    ...(draw === 'bars' ? { paths: uPlot.paths.bars!({ size: [0.6, 40], align: 0 }) } : {}),
    ...(draw === 'points' ? { paths: () => null } : {}),
    ...(draw === 'line' ? linePaths(s) : {}),
  };
}

/** A line's shape (spline, steps) and dashes, as Grafana's lineInterpolation and lineStyle. */
function linePaths(s: ChartSeries): Partial<uPlot.Series> {
  const out: Partial<uPlot.Series> = {};
  if (s.interpolation === 'smooth') out.paths = uPlot.paths.spline!();
  else if (s.interpolation === 'stepAfter') out.paths = uPlot.paths.stepped!({ align: 1 });
  else if (s.interpolation === 'stepBefore') out.paths = uPlot.paths.stepped!({ align: -1 });
  if (s.dash && s.dash.length > 0) {
    out.dash = s.dash;
    // A zero-length dash draws nothing with square ends: dots need round ones.
    if (s.dash[0] === 0) out.cap = 'round';
  }
  return out;
}

/** Grafana's axis label: 12 px text with 8 px around it, beside the tick labels. */
const LABEL_PAD = 8;

/** One y axis: its side, label, grid and tick labels in its unit (percent when stacked so). */
export function yAxisOptions(scale: YScale, first: boolean): uPlot.Axis {
  const unit = scale.percent ? 'percentunit' : scale.unit;
  const fmt = axisFormatter(unit, scale.decimals);
  const attr = first ? 'yTicks' : `${scale.key}Ticks`;
  return {
    ...AXIS,
    scale: scale.key,
    side: scale.side,
    show: scale.show,
    size: scale.width !== undefined && scale.width > 0 ? scale.width : yAxisSize,
    grid: { ...AXIS.grid, show: scale.drawGrid },
    values: (u, splits, _axis, _space, incr) => {
      // Percent ticks step in hundredths: 0.25 apart is "25%", no decimals.
      const labels = splits.map((v) => fmt(v, scale.percent ? incr * 100 : incr));
      // Drawn on the canvas; kept as text too, for tests and the curious.
      u.root.dataset[attr] = JSON.stringify(labels);
      return labels;
    },
    ...(scale.label
      ? {
          label: scale.label,
          labelSize: 12 + LABEL_PAD,
          labelGap: LABEL_PAD,
          labelFont: AXIS.font.replace('11px', '12px'),
        }
      : {}),
  };
}

export function chartOptions(
  size: { width: number; height: number },
  series: readonly ChartSeries[],
  style: ChartStyle,
  plugins: uPlot.Plugin[],
  layout: YLayout = chartLayout(series, style),
  /** The dashboard's time zone, for the time axis. */
  zone?: TimeZone,
): uPlot.Options {
  const scales: uPlot.Scales = { x: { time: true } };
  for (const s of layout.scales) scales[s.key] = scaleOptions(s);
  return {
    ...size,
    legend: { show: false }, // our own legend renders labels as text
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales,
    ...(zoneDate(zone) ? { tzDate: zoneDate(zone) } : {}),
    axes: [timeAxis(zone), ...layout.scales.map((s, i) => yAxisOptions(s, i === 0))],
    series: [{}, ...series.map((s, i) => seriesOptions(s, style, layout.seriesScale[i] ?? 'y'))],
    plugins,
  };
}
