// The heatmap's uPlot instance: made once and kept. Live ticks hand the new cells over with
// setData (the draw plugin reads them from a ref), and only a change of the axis layout
// (y axis shown, reversed) builds a new instance.
import { useContext, useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TimeSettingsContext } from '../time/time-settings.ts';
import type { AnnotationsSetup } from './annotations-plugin.ts';
import { annotationsPlugin } from './annotations-plugin.ts';
import { boundaryTicks, boundaryValue, type Heatmap } from './heatmap.ts';
import { cellsPlugin, type HeatmapView, heatmapTooltipPlugin } from './heatmap-plugins.ts';
import { AXIS, timeAxis, yAxisSize, zoneDate } from './options.ts';
import { zoomPlugin } from './zoom-plugin.ts';

interface Props {
  view: HeatmapView;
  showYAxis: boolean;
  reverse: boolean; // lowest bucket at the top
  tooltip: boolean;
  width: number; // px
  height: number; // px
  /** Drag across the plot to pick a range (ms); without it dragging does nothing. */
  onZoom?: (startMs: number, endMs: number) => void;
  /** The dashboard's annotations drawn over the cells. */
  annotations?: AnnotationsSetup;
}

const NO_ANNOTATIONS: AnnotationsSetup = { events: [], lanes: [], multiLane: false };

/** uPlot's columns: only the time axis; the cells live in the view. */
const columns = (h: Heatmap): uPlot.AlignedData => [h.xs];

export function HeatmapChart({
  view,
  showYAxis,
  reverse,
  tooltip,
  width,
  height,
  onZoom,
  annotations,
}: Props) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ view, onZoom, annotations });
  latest.current = { view, onZoom, annotations };
  const zone = useContext(TimeSettingsContext).timezone;

  useEffect(() => {
    const current = () => latest.current.view;
    const plugins = [
      cellsPlugin(current),
      annotationsPlugin(() => latest.current.annotations ?? NO_ANNOTATIONS, zone),
      zoomPlugin(() => latest.current.onZoom),
    ];
    if (tooltip) plugins.push(heatmapTooltipPlugin(current, zone));
    const opts: uPlot.Options = {
      width,
      height,
      legend: { show: false },
      ...(zoneDate(zone) ? { tzDate: zoneDate(zone) } : {}),
      cursor: { points: { show: false }, drag: { x: false, y: false } },
      scales: {
        x: {
          time: true,
          // The first column starts a step before its timestamp.
          range: (_u, min, max) => {
            const h = current().heatmap;
            return h.xs.length > 0 ? [h.xs[0]! - h.step, h.xs[h.xs.length - 1]!] : [min, max];
          },
        },
        y: {
          auto: true,
          dir: reverse ? -1 : 1,
          range: () => [0, Math.max(1, current().heatmap.upper.length)],
        },
      },
      axes: [
        timeAxis(zone),
        {
          ...AXIS,
          show: showYAxis,
          size: yAxisSize,
          grid: { show: false },
          splits: (u) =>
            boundaryTicks(current().heatmap.upper.length, u.bbox.height / devicePixelRatio),
          values: (_u, splits) =>
            splits.map((k) => current().formatBound(boundaryValue(current().heatmap, k))),
        },
      ],
      series: [{}],
      plugins,
    };
    const u = new uPlot(opts, columns(latest.current.view.heatmap), el.current!);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [showYAxis, reverse, tooltip, zone]);

  // Every tick: new columns; the scales and cells follow from the view.
  useEffect(() => {
    plot.current?.setData(columns(view.heatmap));
  }, [view]);

  useEffect(() => {
    plot.current?.setSize({ width, height });
  }, [width, height]);

  // New annotations only need a redraw: the plugin reads them when it draws.
  useEffect(() => {
    plot.current?.redraw(false);
  }, [annotations]);

  return <div ref={el} class={onZoom ? 'chart zoomable' : 'chart'} />;
}
