// Grafana's table panel over a range: one row per series, its labels as columns, the value
// reduced with the panel's calc (last non-null by default), in the panel's unit.
import { useMemo } from 'preact/hooks';
import { tableOf } from '../chart/table.ts';
import { DataPanel } from './DataPanel.tsx';
import { reducedCells } from './reduced.ts';
import { SeriesTable } from './SeriesTable.tsx';
import type { PanelPlugin, PanelProps } from './types.ts';
import { usePanelData } from './use-panel-data.ts';

function TablePanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, data } = usePanelData(props);
  const table = useMemo(
    () =>
      tableOf(
        reducedCells(panel, data).map(({ s, value }) => ({ key: s.key, metric: s.metric, value })),
      ),
    [panel, data.series, data.ys],
  );
  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="table-panel" width={width}>
      {table.rows.length > 0 && (
        <SeriesTable
          table={table}
          unit={panel.fieldConfig.defaults.unit}
          refId={String(panel.id)}
        />
      )}
    </DataPanel>
  );
}

export const tablePanel: PanelPlugin = {
  kind: 'table',
  Component: TablePanel,
  defaults: { options: { reduceOptions: { calcs: ['lastNotNull'] } } },
};
