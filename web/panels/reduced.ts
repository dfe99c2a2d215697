// One number per series for stat, gauge and bar gauge panels (pure): reduced with the panel's
// calc (Grafana's reduceOptions.calcs, last non-null by default) and coloured by thresholds.
import { isReducerId, reduce } from '../chart/reduce.ts';
import { thresholdColor } from '../chart/thresholds.ts';
import type { Panel } from '../dashboard/model.ts';
import type { PanelColumns, PanelSeries } from './panel-data.ts';

export interface ReducedCell {
  s: PanelSeries;
  ys: (number | null)[];
  value: number | null;
  color: string;
}

export function reducedCells(
  panel: Pick<Panel, 'options' | 'fieldConfig'>,
  data: PanelColumns,
): ReducedCell[] {
  const calcName = panel.options.reduceOptions?.calcs?.[0] ?? 'lastNotNull';
  const calc = isReducerId(calcName) ? calcName : 'lastNotNull';
  const steps = panel.fieldConfig.defaults.thresholds?.steps;
  return data.series.map((s, i) => {
    const ys = data.ys[i] ?? [];
    const value = reduce(ys, calc);
    return { s, ys, value, color: thresholdColor(value, steps) };
  });
}
