import { Chart } from '../chart/Chart.tsx';
import { DataPanel } from './DataPanel.tsx';
import { Legend } from './Legend.tsx';
import { MAX_SERIES } from './panel-data.ts';
import type { PanelPlugin, PanelProps } from './types.ts';
import { useChartSeries } from './use-chart-series.ts';
import { usePanelData } from './use-panel-data.ts';

function TimeseriesPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const { hidden, setHidden, series: chartSeries, aligned } = useChartSeries(data);
  const showLegend =
    panel.options.legend?.showLegend !== false && panel.options.legend?.displayMode !== 'hidden';
  const d = panel.fieldConfig.defaults;
  const style = {
    unit: d.unit,
    min: d.min,
    max: d.max,
    fillOpacity: d.custom?.fillOpacity,
    lineWidth: d.custom?.lineWidth,
    mode:
      d.custom?.drawStyle === 'bars'
        ? ('bars' as const)
        : d.custom?.stacking?.mode === 'normal'
          ? ('stacked' as const)
          : ('lines' as const),
  };
  const notices = [
    ...data.warnings,
    ...(data.dropped > 0
      ? [`Showing the first ${MAX_SERIES} series; ${data.dropped} more not drawn`]
      : []),
  ];
  const legend = showLegend && data.series.length > 0 && (
    <Legend series={data.series} hidden={hidden} onChange={setHidden} />
  );

  return (
    <DataPanel
      panel={panel}
      data={data}
      body={body}
      bodyClass="timeseries"
      width={width}
      notices={notices}
      after={legend}
    >
      {width > 0 && height > 0 && (
        <Chart
          data={aligned}
          samples={data.samples}
          series={chartSeries}
          style={style}
          width={width}
          height={height}
          onZoom={props.onZoom}
        />
      )}
    </DataPanel>
  );
}

export const timeseriesPanel: PanelPlugin = {
  kind: 'timeseries',
  Component: TimeseriesPanel,
  defaults: { options: { legend: { showLegend: true, displayMode: 'list', placement: 'bottom' } } },
};
