// Grafana's stat panel: one big number per series (reduced with the panel's calc), coloured
// by thresholds, over a sparkline of the range.
import { sparklinePaths } from '../chart/sparkline.ts';
import { formatValue } from '../chart/units.ts';
import { DataPanel } from './DataPanel.tsx';
import { reducedCells } from './reduced.ts';
import type { PanelPlugin, PanelProps } from './types.ts';
import { usePanelData } from './use-panel-data.ts';

function StatPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const d = panel.fieldConfig.defaults;
  const sparkline = panel.options.graphMode !== 'none';
  const cells = reducedCells(panel, data);
  const cellW = cells.length > 0 ? width / cells.length : width;

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="stat" width={width}>
      {cells.map(({ s, ys, value, color }) => {
        const paths = sparkline ? sparklinePaths(data.xs, ys, cellW, height * 0.45) : null;
        return (
          <div class="stat-cell" key={s.key} style={{ width: `${cellW}px` }}>
            {paths && (
              <svg class="stat-spark" width={cellW} height={height * 0.45} aria-hidden="true">
                <path d={paths.area} fill={color} fill-opacity="0.15" />
                <path d={paths.line} stroke={color} fill="none" stroke-width="1.5" />
              </svg>
            )}
            {cells.length > 1 && <div class="stat-label">{s.label}</div>}
            <div
              class="stat-value"
              data-value={value ?? ''}
              style={{ color, fontSize: `${Math.max(14, Math.min(height * 0.38, cellW / 5))}px` }}
            >
              {formatValue(value, d.unit, d.decimals)}
            </div>
          </div>
        );
      })}
    </DataPanel>
  );
}

export const statPanel: PanelPlugin = {
  kind: 'stat',
  Component: StatPanel,
  defaults: { options: { reduceOptions: { calcs: ['lastNotNull'] }, graphMode: 'area' } },
};
