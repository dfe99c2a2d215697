// What a chart with a legend shows: uPlot's columns, and the series with the ones the legend
// hid switched off. Hidden series are keyed, so the choice survives live ticks.
import { useMemo, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import type { PanelColumns } from './panel-data.ts';

export function useChartSeries(data: PanelColumns) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const series = useMemo(
    () =>
      data.series.map((s) => ({
        key: s.key,
        label: s.label,
        color: s.color,
        show: !hidden.has(s.key),
      })),
    [data.series, hidden],
  );
  const aligned = useMemo(() => [data.xs, ...data.ys] as uPlot.AlignedData, [data.xs, data.ys]);
  return { hidden, setHidden, series, aligned };
}
