// A thin uPlot wrapper. The instance is made once and kept: live ticks call setData, series
// that come and go are added or removed in place, and a resize calls setSize. Nothing is
// rebuilt unless the axis setup (unit, min, max) itself changes.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries, ChartStyle } from './options.ts';
import { chartOptions, seriesOptions } from './options.ts';
import { tooltipPlugin } from './tooltip-plugin.ts';
import { formatValue } from './units.ts';

interface Props {
  data: uPlot.AlignedData;
  /** Samples behind `data`, shown as data-samples for tests and the curious. */
  samples: number;
  series: ChartSeries[];
  style: ChartStyle;
  width: number; // px
  height: number; // px
}

export function Chart({ data, samples, series, style, width, height }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const current = useRef<ChartSeries[]>(series);
  current.current = series;

  // Made when the axis setup changes (rare), destroyed on unmount.
  useEffect(() => {
    const tooltip = tooltipPlugin(
      () => current.current,
      (v) => formatValue(v, style.unit),
    );
    const u = new uPlot(
      chartOptions({ width, height }, series, style, [tooltip]),
      data,
      el.current!,
    );
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [style.unit, style.min, style.max, style.fillOpacity, style.lineWidth]);

  // Every tick: bring the series list in line, then hand over the new columns.
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.batch(() => {
      const have = u.series.length - 1;
      for (let i = have; i > series.length; i--) u.delSeries(i);
      series.forEach((s, i) => {
        const existing = u.series[i + 1];
        if (!existing) u.addSeries(seriesOptions(s, style), i + 1);
        else if (existing.label !== s.label || existing.stroke !== s.color) {
          u.delSeries(i + 1);
          u.addSeries(seriesOptions(s, style), i + 1);
        } else if (existing.show !== s.show) u.setSeries(i + 1, { show: s.show });
      });
      u.setData(data);
    });
    const ds = u.root.dataset;
    ds.series = String(series.length);
    ds.samples = String(samples);
    ds.end = String(data[0][data[0].length - 1] ?? '');
  }, [data, series]);

  useEffect(() => {
    plot.current?.setSize({ width, height });
  }, [width, height]);

  return <div ref={el} class="chart" />;
}
