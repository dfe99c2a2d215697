// Grafana's stat panel: one big value per series (reduced with the panel's calc), its text and
// colour from value mappings or thresholds, over a sparkline of the range. options.colorMode
// colours the value, the background, or nothing; options.textMode picks value and/or name.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/stat/

import { sparklinePaths } from '../../../chart/sparkline.ts';
import { contrastText, withOpacity } from '../../../fields/palette.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { reducedCells } from '../../reduced.ts';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';

const NEUTRAL = '#CCCCDC'; // var(--text): colorMode none

export function StatPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const sparkline = panel.options.graphMode !== 'none';
  const colorMode = panel.options.colorMode ?? 'value';
  const background = colorMode === 'background' || colorMode === 'background_solid';
  const textMode = panel.options.textMode ?? 'auto';
  const cells = reducedCells(panel, data);
  const cellW = cells.length > 0 ? width / cells.length : width;
  const showName =
    textMode === 'name' ||
    textMode === 'value_and_name' ||
    (textMode === 'auto' && cells.length > 1);
  const showValue = textMode !== 'name' && textMode !== 'none';

  return (
    <DataPanel panel={panel} data={data} body={body} bodyClass="stat" width={width}>
      {cells.map(({ s, ys, value, color, text, name, mapped }) => {
        const paths = sparkline ? sparklinePaths(data.xs, ys, cellW, height * 0.45) : null;
        const fg = background ? contrastText(color) : colorMode === 'none' ? NEUTRAL : color;
        const line = background ? withOpacity(fg, 0.6) : colorMode === 'none' ? NEUTRAL : color;
        const fill =
          colorMode === 'background_solid'
            ? color
            : `linear-gradient(120deg, ${withOpacity(color, 0.7)}, ${color})`;
        return (
          <div
            class="stat-cell"
            key={s.key}
            style={{ width: `${cellW}px` }}
            data-color={color}
            data-mapped={mapped ? 'true' : undefined}
          >
            {background && <div class="stat-bg" style={{ background: fill }} />}
            {paths && (
              <svg class="stat-spark" width={cellW} height={height * 0.45} aria-hidden="true">
                <path d={paths.area} fill={line} fill-opacity="0.15" />
                <path d={paths.line} stroke={line} fill="none" stroke-width="1.5" />
              </svg>
            )}
            {showName && (
              <div class="stat-label" style={background ? { color: fg } : undefined}>
                {name}
              </div>
            )}
            {showValue && (
              <div
                class="stat-value"
                data-value={value ?? ''}
                style={{
                  color: fg,
                  fontSize: `${Math.max(14, Math.min(height * 0.38, cellW / 5))}px`,
                }}
              >
                {text}
              </div>
            )}
          </div>
        );
      })}
    </DataPanel>
  );
}
