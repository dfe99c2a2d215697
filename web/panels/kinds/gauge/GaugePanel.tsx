// Grafana's gauge: per series, a 240° arc filled to the reduced value, coloured by thresholds
// (or a value mapping), with the threshold bands as an outer ring and the value in the middle.
// Min, max, unit and thresholds are each series' own (defaults + overrides); a min or max left
// unset comes from the data, as in Grafana (fieldRange). The SVG says the range it drew
// between in data-min and data-max.
import { arcPath, gaugeFraction, thresholdBands } from '../../../chart/gauge.ts';
import { resolveColor } from '../../../fields/palette.ts';
import { absoluteSteps } from '../../../fields/thresholds.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { reducedCells } from '../../reduced.ts';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';

export function GaugePanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const cells = reducedCells(panel, data, true);
  const cellW = cells.length > 0 ? width / cells.length : width;
  const size = Math.max(40, Math.min(cellW, height * 1.15)); // px
  const r = size * 0.4;
  const c = size / 2;

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="stat" width={width}>
      {cells.map(({ s, value, color, text, name, config, range }) => {
        const [min, max] = range;
        const f = gaugeFraction(value, min, max);
        const t = config.thresholds;
        // showThresholdMarkers: the outer ring of threshold bands, on unless turned off.
        const bands =
          panel.options.showThresholdMarkers === false
            ? []
            : thresholdBands(absoluteSteps(t?.steps, t?.mode, range) ?? [], min, max);
        return (
          <div class="stat-cell" key={s.key} style={{ width: `${cellW}px` }}>
            <svg
              width={size}
              height={size * 0.85}
              viewBox={`0 0 ${size} ${size * 0.85}`}
              role="img"
              aria-label={`${name}: ${text}`}
              data-min={min}
              data-max={max}
              data-fraction={f ?? ''}
            >
              {bands.map(([a, b, band]) => (
                <path
                  key={a}
                  d={arcPath(c, c, r * 1.12, a, b)}
                  stroke={resolveColor(band)}
                  stroke-width={r * 0.06}
                  fill="none"
                />
              ))}
              <path
                d={arcPath(c, c, r, 0, 1)}
                stroke="#2a2d33"
                stroke-width={r * 0.22}
                fill="none"
              />
              {f !== null && f > 0 && (
                <path
                  class="gauge-fill"
                  d={arcPath(c, c, r, 0, f)}
                  stroke={color}
                  stroke-width={r * 0.22}
                  fill="none"
                />
              )}
              <text
                class="gauge-value"
                x={c}
                y={c + r * 0.15}
                text-anchor="middle"
                fill={color}
                font-size={Math.max(12, r * 0.42)}
                data-value={value ?? ''}
              >
                {text}
              </text>
            </svg>

            {cells.length > 1 && <div class="stat-label">{name}</div>}
          </div>
        );
      })}
    </DataPanel>
  );
}
