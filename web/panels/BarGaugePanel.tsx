// Grafana's bar gauge (basic mode): one horizontal bar per series, its length the reduced value
// between min and max, coloured by thresholds, with the name and the value beside it.
import { gaugeFraction, gaugeRange } from '../chart/gauge.ts';
import { formatValue } from '../chart/units.ts';
import { DataPanel } from './DataPanel.tsx';
import { reducedCells } from './reduced.ts';
import type { PanelPlugin, PanelProps } from './types.ts';
import { usePanelData } from './use-panel-data.ts';

function BarGaugePanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, data } = usePanelData(props);
  const d = panel.fieldConfig.defaults;
  const [min, max] = gaugeRange(d.unit, d.min, d.max);
  const cells = reducedCells(panel, data);

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="bargauge" width={width}>
      {cells.map(({ s, value, color }) => (
        <div class="bar-row" key={s.key}>
          <span class="bar-label">{s.label}</span>
          <span class="bar-track">
            <span
              class="bar-fill"
              style={{
                width: `${(gaugeFraction(value, min, max) ?? 0) * 100}%`,
                background: color,
              }}
            />
          </span>
          <span class="bar-value" style={{ color }} data-value={value ?? ''}>
            {formatValue(value, d.unit, d.decimals)}
          </span>
        </div>
      ))}
    </DataPanel>
  );
}

export const barGaugePanel: PanelPlugin = {
  kind: 'bargauge',
  Component: BarGaugePanel,
  defaults: { options: { reduceOptions: { calcs: ['lastNotNull'] } } },
};
