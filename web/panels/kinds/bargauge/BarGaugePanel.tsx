// Grafana's bar gauge (basic mode): one horizontal bar per series, its length the reduced value
// between min and max, coloured by thresholds or a value mapping, with the name and the value
// beside it. Each series has its own config (defaults + overrides); a min or max left unset
// comes from the data, as in Grafana (fieldRange), said in the row's data-min and data-max.
import { gaugeFraction } from '../../../chart/gauge.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { reducedCells } from '../../reduced.ts';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';

export function BarGaugePanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, data } = usePanelData(props);
  const cells = reducedCells(panel, data);

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="bargauge" width={width}>
      {cells.map(({ s, value, color, text, name, range }) => {
        const f = gaugeFraction(value, range[0], range[1]) ?? 0;
        return (
          <div class="bar-row" key={s.key} data-min={range[0]} data-max={range[1]}>
            <span class="bar-label">{name}</span>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${f * 100}%`, background: color }} />
            </span>
            <span class="bar-value" style={{ color }} data-value={value ?? ''}>
              {text}
            </span>
          </div>
        );
      })}
    </DataPanel>
  );
}
