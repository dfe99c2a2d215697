// uPlot options for a timeseries panel (https://github.com/leeoniya/uPlot/tree/master/docs).

import uPlot from 'uplot';
import { isKnownZone, type TimeZone } from '../time/zone.ts';
import { labelWidth } from './label-widths.ts';
import { isolatedIndices } from './stack.ts';
import { timeTicks } from './time-axis.ts';
import { axisFormatter } from './units.ts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  show: boolean;
  /** The series' own field config (from overrides); the panel's style where unset. */
  lineWidth?: number; // px
  fillOpacity?: number; // 0–100
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
}

/** What of a series needs it rebuilt in uPlot when it changes (not its visibility). */
export function seriesLook(s: ChartSeries): string {
  return JSON.stringify([
    s.label,
    s.color,
    s.lineWidth,
    s.fillOpacity,
    s.drawStyle,
    s.showPoints,
    s.pointSize,
    s.interpolation,
    s.dash,
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
      // Drawn on the canvas; kept as text too (with the instant of each), for tests.
      u.root.dataset.xTicks = JSON.stringify(splits.map((t, i) => [t, labels[i]]));
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

export function seriesOptions(s: ChartSeries, style: ChartStyle): uPlot.Series {
  const draw = s.drawStyle ?? (style.mode === 'bars' ? 'bars' : 'line');
  const opacity =
    s.fillOpacity ??
    (draw === 'bars'
      ? BAR_FILL
      : style.mode === 'stacked'
        ? (style.fillOpacity ?? STACKED_FILL)
        : style.fillOpacity);
  const fill = opacity && draw !== 'points' ? withAlpha(s.color, opacity / 100) : undefined;
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

/** Stacked series fill down to the one below them (uPlot bands), not to zero. */
export function stackBands(count: number): uPlot.Band[] {
  const bands: uPlot.Band[] = [];
  for (let i = count; i > 1; i--) bands.push({ series: [i, i - 1] });
  return bands;
}

export function chartOptions(
  size: { width: number; height: number },
  series: readonly ChartSeries[],
  style: ChartStyle,
  plugins: uPlot.Plugin[],
  /** The dashboard's time zone, for the time axis. */
  zone?: TimeZone,
): uPlot.Options {
  const fmt = axisFormatter(style.unit, style.decimals);
  const fixed = style.min !== undefined || style.max !== undefined;
  return {
    ...size,
    legend: { show: false }, // our own legend renders labels as text
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: {
      x: { time: true },
      y: fixed
        ? {
            range: (_u, dataMin, dataMax) => [style.min ?? dataMin, style.max ?? dataMax],
          }
        : {},
    },
    ...(zoneDate(zone) ? { tzDate: zoneDate(zone) } : {}),
    axes: [
      timeAxis(zone),
      {
        ...AXIS,
        size: yAxisSize,
        values: (u, splits, _axis, _space, incr) => {
          const labels = splits.map((v) => fmt(v, incr));
          // Drawn on the canvas; kept as text too, for tests and the curious.
          u.root.dataset.yTicks = JSON.stringify(labels);
          return labels;
        },
        side: style.axisPlacement === 'right' ? 1 : 3,
        show: style.axisPlacement !== 'hidden',
      },
    ],
    series: [{}, ...series.map((s) => seriesOptions(s, style))],
    ...(style.mode === 'stacked' ? { bands: stackBands(series.length) } : {}),
    plugins,
  };
}
