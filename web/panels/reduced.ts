// Series reduced to one value each (stat, gauge, bar gauge, table): the panel's first calc,
// with each series' own field config (defaults + overrides), name, text and colour.

import { dataRange, fieldRange } from '../chart/gauge.ts';
import type { Display } from '../fields/field-display.ts';
import { displayValue } from '../fields/field-display.ts';
import type { FieldConfig } from '../fields/overrides.ts';
import { resolveFields } from '../fields/overrides.ts';
import { isReducerId, reduce } from '../fields/reduce.ts';
import type { Panel } from '../model/model.ts';
import type { PanelColumns, PanelSeries } from './panel-data.ts';

export interface ReducedCell extends Display {
  s: PanelSeries;
  ys: (number | null)[];
  value: number | null;
  /** The display name (displayName override, else the legend's). */
  name: string;
  config: FieldConfig;
  /** The min and max it is drawn between (fieldRange): a gauge's arc, a bar's length. */
  range: [number, number];
}

/** `gauge`: the gauge panel, which alone gives percent units a 0–100 (0–1) range. */
export function reducedCells(
  panel: Pick<Panel, 'options' | 'fieldConfig'>,
  data: PanelColumns,
  gauge = false,
): ReducedCell[] {
  const calcName = panel.options.reduceOptions?.calcs?.[0] ?? 'lastNotNull';
  const calc = isReducerId(calcName) ? calcName : 'lastNotNull';
  const fields = resolveFields(panel.fieldConfig, data.series);
  const all = dataRange(data.ys);
  return data.series.map((s, i) => {
    const ys = data.ys[i] ?? [];
    const value = reduce(ys, calc);
    const { config, name, color } = fields[i]!;
    const range = fieldRange(config, dataRange([ys]), all, gauge);
    return { s, ys, value, name, config, range, ...displayValue(config, value, color, range) };
  });
}
