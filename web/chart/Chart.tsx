// A thin uPlot wrapper. The instance is made once and kept: live ticks call setData, series
// that come and go are added or removed in place, and a resize calls setSize. Nothing is
// rebuilt unless the axis setup (unit, min, max, draw mode) itself changes. On a dashboard
// with graphTooltip 1 or 2 the cursors of all its charts move together (uPlot cursor sync).
// A render only says what the chart has to do; uPlot does it in the chart's own turn in the
// page's draw queue (draw-queue.ts), one chart per task, so a tick that renders every panel
// at once does not draw them all in one long task.
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatValue } from '../fields/units.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import type { TimeZone } from '../time/zone.ts';
import { memo } from '../ui/memo.ts';
import type { AnnotationsSetup } from './annotations-plugin.ts';
import { annotationsPlugin } from './annotations-plugin.ts';
import { chartDraws } from './draw-queue.ts';
import { markDrawn } from './drawn-attrs.ts';
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
  const sync = graphTooltip === 1 || graphTooltip === 2 ? graphTooltip : 0;
  const zone = useContext(TimeSettingsContext).timezone;
  // The y scales and axes: a new one (a series with another unit or side) rebuilds the chart.
  const layout = chartLayout(series, style);
  const axesKey = layoutKey(layout);
  // The latest props, read when the chart's turn to draw comes (draw-queue.ts) and by the
  // plugins at event time, so both always see the newest.
  const latest = useRef({} as Latest);
  latest.current = {
    data,
    samples,
    series,
    style,
    width,
    height,
    layout,
    sync,
    zone,
    onZoom,
    thresholds,
    tooltipSort,
    tooltipMode,
    annotations,
  };
  // What uPlot holds now, which the tooltip reads: new data waits for the chart's turn.
  const shown = useRef({ series, data });
  // What the chart's next turn has to do: every render asks, the turn does it all at once.
  const todo = useRef({ build: false, data: false, size: false, redraw: false });
  const turn = useRef(() => {
    const t = todo.current;
    const p = latest.current;
    if (t.build) {
      plot.current?.destroy();
      plot.current = build(el.current!, p, latest, shown);
      looks.current = p.series.map(seriesLook);
    } else if (plot.current && (t.data || t.size)) {
      const u = plot.current;
      u.batch(() => {
        if (t.size) u.setSize({ width: p.width, height: p.height });
        if (t.data) update(u, p, looks.current);
      });
    } else if (plot.current && t.redraw) plot.current.redraw(false);
    if (plot.current && (t.build || t.data)) {
      shown.current = { series: p.series, data: p.data };
      markDrawn(plot.current.root, p.series.length, p.samples, p.data);
    }
    todo.current = { build: false, data: false, size: false, redraw: false };
    delete el.current?.dataset.waiting;
  }).current;
  // data-waiting on the chart's element while its turn has not come: what a test waits for
  // to know that everything rendered has been drawn.
  const ask = (what: keyof typeof todo.current) => {
    todo.current[what] = true;
    if (el.current) el.current.dataset.waiting = 'true';
    chartDraws.schedule(turn, turn);
  };

  // Made anew when the axis setup changes (rare); the old one stays on screen until then.
  useLayoutEffect(() => {
    ask('build');
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
  useLayoutEffect(
    () => () => {
      chartDraws.cancel(turn);
      plot.current?.destroy();
      plot.current = null;
    },
    [],
  );

  // Every tick: the new columns, drawn in the chart's turn.
  useLayoutEffect(() => {
    ask('data');
  }, [data, series]);

  useLayoutEffect(() => {
    ask('size');
  }, [width, height]);

  // New threshold settings only need a redraw: the plugin reads them when it draws.
  const thresholdsKey = JSON.stringify(thresholds ?? null);
  useLayoutEffect(() => {
    ask('redraw');
  }, [thresholdsKey]);

  // New annotations (a refresh, a toggle) only need a redraw: the plugin reads them then.
  // Keyed by content: each live tick answers the annotation queries again with the same events
  // most of the time, and a redraw for those would draw every chart twice per tick.
  const annotationsKey = JSON.stringify(annotations ?? null);
  useLayoutEffect(() => {
    ask('redraw');
  }, [annotationsKey]);

  return <div ref={el} class={onZoom ? 'chart zoomable' : 'chart'} />;
}

/** A chart's props as its turn to draw finds them, with what is worked out from them. */
interface Latest extends Props {
  layout: YLayout;
  sync: number;
  zone: TimeZone;
}

/** A new uPlot in `el` for the props `p`, drawn with their data. */
function build(
  el: HTMLElement,
  p: Latest,
  latest: { current: Latest },
  shown: { current: { series: ChartSeries[]; data: uPlot.AlignedData } },
): uPlot {
  const { series, style, layout, sync, zone } = p;
  const tooltip = tooltipPlugin(
    () => shown.current.series,
    (s, i) => shown.current.data[s]?.[i],
    (v, s) => {
      const cs = shown.current.series[s - 1];
      return formatValue(v, cs?.unit ?? style.unit, cs?.decimals);
    },
    () => sync === 2,
    zone,
    () => latest.current.tooltipSort ?? 'desc',
    () => latest.current.tooltipMode ?? 'multi',
  );
  const zoom = zoomPlugin(() => latest.current.onZoom);
  const bands = thresholdsPlugin(() => latest.current.thresholds ?? {});
  const marks = annotationsPlugin(() => latest.current.annotations ?? NO_ANNOTATIONS, zone);
  const opts = chartOptions(
    { width: p.width, height: p.height },
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
  const first = drawn(p.data, series, style, layout);
  const u = new uPlot(opts, first.data, el);
  for (const band of first.bands) u.addBand(band);
  u.root.dataset.sync = String(sync);
  // For tests and the curious: what uPlot holds (scales, drawn columns) from the page.
  Object.defineProperty(u.root, 'uplot', { value: u, configurable: true });
  return u;
}

/** Brings uPlot's series list in line with `p.series`, then hands over the new columns. */
function update(u: uPlot, p: Latest, looks: string[]): void {
  const { series, style, layout } = p;
  const next = drawn(p.data, series, style, layout);
  const have = u.series.length - 1;
  for (let i = have; i > series.length; i--) u.delSeries(i);
  looks.length = Math.min(looks.length, series.length);
  series.forEach((s, i) => {
    const existing = u.series[i + 1];
    const look = seriesLook(s);
    const scale = layout.seriesScale[i] ?? 'y';
    if (!existing) u.addSeries(seriesOptions(s, style, scale), i + 1);
    else if (looks[i] !== look || existing.scale !== scale) {
      u.delSeries(i + 1);
      u.addSeries(seriesOptions(s, style, scale), i + 1);
    } else if (existing.show !== s.show) u.setSeries(i + 1, { show: s.show });
    looks[i] = look;
  });
  // Stack groups follow the series shown and the sign of their values: set each tick.
  u.delBand(null);
  for (const band of next.bands) u.addBand(band);
  u.setData(next.data);
}

/**
 * Re-renders only when a prop changed: a live tick re-renders the panel twice (loading, then
 * the answer) and only the answer concerns the chart. Callers pass stable style, thresholds
 * and callbacks (useMemo, useLatest). Drawn in the chart's own task (chartDraws), right after
 * the render, with whatever the latest render gave it by then.
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
