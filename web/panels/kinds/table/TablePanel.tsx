// Grafana's table panel over a range: one row per series, its labels as columns, the value
// reduced with the panel's calc (last non-null by default). Each column is a field: overrides
// by name (a label name, or "Value") or by query refId set its unit, decimals, header
// (displayName) and value mappings, which may also colour the cell's text.
import { useMemo } from 'preact/hooks';
import type { TableRow } from '../../../chart/table.ts';
import { tableOf, VALUE_COLUMN } from '../../../chart/table.ts';
import { displayValue } from '../../../fields/field-display.ts';
import { mapValue } from '../../../fields/mappings.ts';
import type { FieldConfig } from '../../../fields/overrides.ts';
import { displayNameOf, fieldConfigFor } from '../../../fields/overrides.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { reducedCells } from '../../reduced.ts';
import type { CellView } from '../../SeriesTable.tsx';
import { SeriesTable } from '../../SeriesTable.tsx';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';

export function TablePanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, data } = usePanelData(props);
  const { defaults, overrides } = panel.fieldConfig;
  const { table, refIds } = useMemo(() => {
    const cells = reducedCells(panel, data);
    return {
      table: tableOf(cells.map(({ s, value }) => ({ key: s.key, metric: s.metric, value }))),
      refIds: new Map(cells.map(({ s }) => [s.key, s.refId])),
    };
  }, [panel, data.series, data.ys]);

  const configOf = (column: string, row?: TableRow): FieldConfig =>
    fieldConfigFor(defaults, overrides, {
      name: column,
      refId: row ? (refIds.get(row.key) ?? '') : '',
      labels: row?.labels ?? {},
    });
  const header = (column: string) =>
    displayNameOf(configOf(column), { name: column, refId: '', labels: {} });
  const cell = (row: TableRow, column: string): CellView => {
    const config = configOf(column, row);
    if (column === VALUE_COLUMN) {
      const shown = displayValue(config, row.value, '');
      return { text: shown.text, color: shown.mapped ? shown.color : undefined };
    }
    const text = row.labels[column] ?? '';
    const mapped = mapValue(text, config.mappings);
    return { text: mapped?.text ?? text, color: mapped?.color };
  };

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="table-panel" width={width}>
      {table.rows.length > 0 && (
        <SeriesTable
          table={table}
          unit={defaults.unit}
          refId={String(panel.id)}
          header={header}
          cell={cell}
        />
      )}
    </DataPanel>
  );
}
