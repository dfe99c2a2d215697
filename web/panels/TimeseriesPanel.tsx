import { Chart } from '../chart/Chart.tsx';
import { Legend } from './Legend.tsx';
import { PanelFrame } from './PanelFrame.tsx';
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
  const empty = !data.loading && data.errors.length === 0 && data.series.length === 0 && width > 0;

  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      loading={data.loading}
      errors={data.errors}
      notices={notices}
    >
      <div class="panel-body timeseries" ref={body}>
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
        {empty && <div class="panel-empty">No data</div>}
      </div>
      {showLegend && data.series.length > 0 && (
        <Legend series={data.series} hidden={hidden} onChange={setHidden} />
      )}
    </PanelFrame>
  );
}

export const timeseriesPanel: PanelPlugin = {
  kind: 'timeseries',
  Component: TimeseriesPanel,
  defaults: { options: { legend: { showLegend: true, displayMode: 'list', placement: 'bottom' } } },
};
