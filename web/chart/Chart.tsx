// A thin uPlot wrapper. The instance is made once and kept: live ticks call setData, series
// that come and go are added or removed in place, and a resize calls setSize. Nothing is
// rebuilt unless the axis setup (unit, min, max, draw mode) itself changes. On a dashboard
// with graphTooltip 1 or 2 the cursors of all its charts move together (uPlot cursor sync).
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatValue } from '../fields/units.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import { memo } from '../ui/memo.ts';
import type { AnnotationsSetup } from './annotations-plugin.ts';
import { annotationsPlugin } from './annotations-plugin.ts';
import type { ChartSeries, ChartStyle } from './options.ts';
import {
  chartLayout,
  chartOptions,
  layoutKey,
  seriesLook,
  seriesOptions,
  stackOf,
} from './options.ts';
import { drawnColumns, stackBands, stackGroups } from './stack.ts';
import type { ThresholdsSetup } from './thresholds-plugin.ts';
import { thresholdsPlugin } from './thresholds-plugin.ts';
import { tooltipPlugin } from './tooltip-plugin.ts';
import type { TooltipMode, TooltipSort } from './tooltip-rows.ts';
import type { YLayout } from './y-axes.ts';
import { zoomPlugin } from './zoom-plugin.ts';

interface Props {
  data: uPlot.AlignedData;
  /** Samples behind `data`, shown as data-samples for tests and the curious. */
  samples: number;
  series: ChartSeries[];
  style: ChartStyle;
  width: number; // px
  height: number; // px
  /** Drag across the plot to pick a range (ms); without it dragging does nothing. */
  onZoom?: (startMs: number, endMs: number) => void;
  /** Threshold bands and lines behind the series (custom.thresholdsStyle). */
  thresholds?: ThresholdsSetup;
  /** The dashboard's graphTooltip: 0 alone, 1 shared crosshair, 2 shared tooltip. */
  graphTooltip?: number;
  /** The order of the tooltip's series (options.tooltip.sort). */
  tooltipSort?: TooltipSort;
  /** All series, the nearest one, or no tooltip (options.tooltip.mode). */
  tooltipMode?: TooltipMode;
  /** The dashboard's annotations drawn on this chart (markers and regions). */
  annotations?: AnnotationsSetup;
}

const NO_ANNOTATIONS: AnnotationsSetup = { events: [], lanes: [], multiLane: false };

/** One dashboard is on screen at a time, so one sync group is one dashboard. */
const SYNC_KEY = 'promscope-dashboard';

function ChartImpl({
  data,
  samples,
  series,
  style,
  width,
  height,
  onZoom,
  thresholds,
  graphTooltip,
  tooltipSort = 'desc',
  tooltipMode = 'multi',
  annotations,
}: Props) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const looks = useRef<string[]>([]);
  // Read by the plugins at event time, so they always see the latest props.
  const latest = useRef({
    series,
    data,
    onZoom,
    thresholds,
    tooltipSort,
    tooltipMode,
    annotations,
  });
  latest.current = { series, data, onZoom, thresholds, tooltipSort, tooltipMode, annotations };
  const sync = graphTooltip === 1 || graphTooltip === 2 ? graphTooltip : 0;
  const zone = useContext(TimeSettingsContext).timezone;
  // The y scales and axes: a new one (a series with another unit or side) rebuilds the chart.
  const layout = chartLayout(series, style);
  const axesKey = layoutKey(layout);

  // Made when the axis setup changes (rare), destroyed on unmount.
  useLayoutEffect(() => {
    const tooltip = tooltipPlugin(
      () => latest.current.series,
      (s, i) => latest.current.data[s]?.[i],
      (v, s) => {
        const cs = latest.current.series[s - 1];
        return formatValue(v, cs?.unit ?? style.unit, cs?.decimals);
      },
      () => sync === 2,
      zone,
      () => latest.current.tooltipSort,
      () => latest.current.tooltipMode,
    );
    const zoom = zoomPlugin(() => latest.current.onZoom);
    const bands = thresholdsPlugin(() => latest.current.thresholds ?? {});
    const marks = annotationsPlugin(() => latest.current.annotations ?? NO_ANNOTATIONS, zone);
    const opts = chartOptions(
      { width, height },
      series,
      style,
      [bands, marks, tooltip, zoom],
      layout,
      zone,
    );
    if (sync > 0) {
      // x by value, y by relative position: the other charts have their own y scales.
      opts.cursor = {
        ...opts.cursor,
        sync: { key: SYNC_KEY, setSeries: false, scales: ['x', null] },
      };
    }
    const first = drawn(data, series, style, layout);
    const u = new uPlot(opts, first.data, el.current!);
    for (const band of first.bands) u.addBand(band);
    looks.current = series.map(seriesLook);
    u.root.dataset.sync = String(sync);
    // For tests and the curious: what uPlot holds (scales, drawn columns) from the page.
    Object.defineProperty(u.root, 'uplot', { value: u, configurable: true });
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [
    style.unit,
    style.min,
    style.max,
    style.fillOpacity,
    style.lineWidth,
    style.mode,
    style.axisPlacement,
    sync,
    zone,
    axesKey,
  ]);

  // Every tick: bring the series list in line, then hand over the new columns.
  useLayoutEffect(() => {
    const u = plot.current;
    if (!u) return;
    const next = drawn(data, series, style, layout);
    u.batch(() => {
      const have = u.series.length - 1;
      for (let i = have; i > series.length; i--) u.delSeries(i);
      looks.current.length = Math.min(looks.current.length, series.length);
      series.forEach((s, i) => {
        const existing = u.series[i + 1];
        const look = seriesLook(s);
        const scale = layout.seriesScale[i] ?? 'y';
        if (!existing) u.addSeries(seriesOptions(s, style, scale), i + 1);
        else if (looks.current[i] !== look || existing.scale !== scale) {
          u.delSeries(i + 1);
          u.addSeries(seriesOptions(s, style, scale), i + 1);
        } else if (existing.show !== s.show) u.setSeries(i + 1, { show: s.show });
        looks.current[i] = look;
      });
      // Stack groups follow the series shown and the sign of their values: set each tick.
      u.delBand(null);
      for (const band of next.bands) u.addBand(band);
      u.setData(next.data);
    });
    const ds = u.root.dataset;
    ds.series = String(series.length);
    ds.samples = String(samples);
    ds.end = String(data[0][data[0].length - 1] ?? '');
  }, [data, series]);

  useLayoutEffect(() => {
    plot.current?.setSize({ width, height });
  }, [width, height]);

  // New threshold settings only need a redraw: the plugin reads them when it draws.
  const thresholdsKey = JSON.stringify(thresholds ?? null);
  useLayoutEffect(() => {
    plot.current?.redraw(false);
  }, [thresholdsKey]);

  // New annotations (a refresh, a toggle) only need a redraw: the plugin reads them then.
  // Keyed by content: each live tick answers the annotation queries again with the same events
  // most of the time, and a redraw for those would draw every chart twice per tick.
  const annotationsKey = JSON.stringify(annotations ?? null);
  useLayoutEffect(() => {
    plot.current?.redraw(false);
  }, [annotationsKey]);

  return <div ref={el} class={onZoom ? 'chart zoomable' : 'chart'} />;
}

/**
 * Re-renders only when a prop changed: a live tick re-renders the panel twice (loading, then
 * the answer) and only the answer concerns the chart. Callers pass stable style, thresholds
 * and callbacks (useMemo, useLatest). Drawn in layout effects, in the same frame as the render.
 */
export const Chart = memo(ChartImpl);

/** What uPlot draws: negative-Y series flipped, stacked series as running totals (or
 * percent of their group), and the bands that fill each stacked series down to the next. */
function drawn(
  data: uPlot.AlignedData,
  series: ChartSeries[],
  style: ChartStyle,
  layout: YLayout,
): { data: uPlot.AlignedData; bands: uPlot.Band[] } {
  const spec = series.map((s, i) => ({
    show: s.show,
    negativeY: s.negativeY,
    stack: stackOf(s, style),
    scale: layout.seriesScale[i],
    shape: `${s.drawStyle ?? (style.mode === 'bars' ? 'bars' : 'line')}/${s.interpolation ?? ''}`,
  }));
  if (!spec.some((s) => s.negativeY || s.stack)) return { data, bands: [] };
  const ys = data.slice(1) as (number | null)[][];
  const groups = stackGroups(ys, spec);
  return {
    data: [data[0], ...drawnColumns(ys, spec, groups)] as uPlot.AlignedData,
    bands: stackBands(groups),
  };
}
