// Grafana's heatmap panel: Prometheus histogram buckets (or raw series, in calculate mode) as
// coloured cells over time, with a colour-scale legend. The body says what it drew in
// data-buckets, data-cells and data-max-count.
import { useMemo } from 'preact/hooks';
import { multiLane } from '../../../chart/annotation-types.ts';
import { HeatmapChart } from '../../../chart/HeatmapChart.tsx';
import { bucketHeatmap, calculateHeatmap } from '../../../chart/heatmap.ts';
import { colorRange, palette } from '../../../chart/heatmap-color.ts';
import { heatmapSettings, heatmapSource } from '../../../chart/heatmap-settings.ts';
import { axisFormatter, formatValue } from '../../../fields/units.ts';
import { usePanelAnnotations } from '../../annotations-context.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { MAX_SERIES } from '../../panel-data.ts';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';
import './HeatmapPanel.css';

const LEGEND_STOPS = 16;

export function HeatmapPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const settings = useMemo(
    () => heatmapSettings(panel as unknown as Record<string, unknown>),
    [panel],
  );
  const step = data.xs.length > 1 ? data.xs[1]! - data.xs[0]! : (data.outcomes[0]?.step ?? 1);
  const heatmap = useMemo(() => {
    const source = heatmapSource(settings, panel.targets, data.series);
    if (source === 'calculate') return calculateHeatmap(data.xs, step, data.ys, settings.yBuckets);
    const series = data.series.map((s, i) => ({
      metric: s.metric,
      label: s.label,
      ys: data.ys[i]!,
    }));
    return bucketHeatmap(data.xs, step, series, source === 'cumulative');
  }, [data.xs, data.ys, data.series, settings, panel.targets, step]);
  const colors = useMemo(() => palette(settings.color), [settings.color]);
  const view = useMemo(() => {
    const { unit, decimals, cellDecimals } = settings;
    const axis = axisFormatter(unit);
    return {
      heatmap,
      palette: colors,
      range: colorRange(settings.color, heatmap.minCount, heatmap.maxCount),
      gap: settings.cellGap,
      hideAtOrBelow: settings.hideAtOrBelow,
      formatBound: (v: number) =>
        decimals === undefined ? axis(v) : formatValue(v, unit, decimals),
      formatCount: (v: number) => formatValue(v, 'short', cellDecimals),
    };
  }, [heatmap, colors, settings]);

  const notices = [
    ...data.warnings,
    ...(data.dropped > 0
      ? [`Showing the first ${MAX_SERIES} series; ${data.dropped} more not drawn`]
      : []),
    ...(heatmap.skipped > 0
      ? [`${heatmap.skipped} series without a numeric le label or legend not drawn`]
      : []),
  ];
  const marks = usePanelAnnotations(panel.id);
  const lanes = multiLane(panel.options);
  const annotations = useMemo(() => ({ ...marks, multiLane: lanes }), [marks, lanes]);
  const legend = settings.showLegend && heatmap.upper.length > 0 && (
    <div class="heatmap-legend" title="Colour scale: count per cell">
      <span class="heatmap-legend-min">{view.formatCount(view.range[0])}</span>
      <span
        class="heatmap-legend-bar"
        style={{ background: gradient(colors) }}
        aria-hidden="true"
      />
      <span class="heatmap-legend-max">{view.formatCount(view.range[1])}</span>
    </div>
  );

  return (
    <DataPanel
      panel={panel}
      data={data}
      body={body}
      bodyClass="heatmap"
      width={width}
      notices={notices}
      after={legend}
      drawn={{ buckets: heatmap.upper.length, cells: heatmap.cells, 'max-count': heatmap.maxCount }}
    >
      {width > 0 && height > 0 && (
        <HeatmapChart
          view={view}
          showYAxis={settings.showYAxis}
          reverse={settings.reverse}
          tooltip={settings.showTooltip}
          width={width}
          height={height}
          onZoom={props.onZoom}
          annotations={annotations}
        />
      )}
    </DataPanel>
  );
}

/** A CSS gradient through a sample of the palette, lowest count on the left. */
function gradient(colors: readonly string[]): string {
  const n = Math.min(LEGEND_STOPS, colors.length);
  const stops = Array.from(
    { length: n },
    (_, i) => colors[Math.round((i / Math.max(1, n - 1)) * (colors.length - 1))]!,
  );
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
