// The time series' own option sections, as Grafana's panel editor shows them: graph styles
// (draw style, line shape and style, width, fill, stacking), then the legend.

import { Section, Segmented, Slider } from '../../options/controls.tsx';
import { getIn, setIn } from '../../options/panel-json.ts';
import { LegendOptions } from '../../options/sections.tsx';
import type { OptionsProps } from '../../plugin.tsx';

const CUSTOM = ['fieldConfig', 'defaults', 'custom'];

export function TimeseriesOptions(props: OptionsProps) {
  return (
    <>
      <GraphStyleOptions {...props} />
      <LegendOptions {...props} />
    </>
  );
}

/** Timeseries: draw style, line shape and style, width, fill, stacking. */
function GraphStyleOptions({ panel, onChange }: OptionsProps) {
  const set = (path: string[], value: unknown) => onChange(setIn(panel, path, value));
  const str = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'string' ? v : '';
  };
  const num = (path: string[]) => {
    const v = getIn(panel, path);
    return typeof v === 'number' ? v : undefined;
  };
  const style = str([...CUSTOM, 'drawStyle']) || 'line';
  return (
    <Section title="Graph styles">
      <Segmented
        label="Style"
        value={style}
        choices={[
          ['line', 'Lines'],
          ['bars', 'Bars'],
          ['points', 'Points'],
        ]}
        onChange={(v) => set([...CUSTOM, 'drawStyle'], v)}
      />
      {style === 'line' && (
        <>
          <Segmented
            label="Line interpolation"
            value={str([...CUSTOM, 'lineInterpolation']) || 'linear'}
            choices={[
              ['linear', 'Linear'],
              ['smooth', 'Smooth'],
              ['stepBefore', 'Step before'],
              ['stepAfter', 'Step after'],
            ]}
            onChange={(v) => set([...CUSTOM, 'lineInterpolation'], v)}
          />
          <Segmented
            label="Line style"
            value={str([...CUSTOM, 'lineStyle', 'fill']) || 'solid'}
            choices={[
              ['solid', 'Solid'],
              ['dash', 'Dash'],
              ['dot', 'Dots'],
            ]}
            onChange={(v) =>
              set(
                [...CUSTOM, 'lineStyle'],
                v === 'solid'
                  ? { fill: 'solid' }
                  : { fill: v, dash: v === 'dot' ? [0, 10] : [10, 10] },
              )
            }
          />
        </>
      )}
      <Slider
        label="Line width"
        min={0}
        max={10}
        value={num([...CUSTOM, 'lineWidth']) ?? 1}
        onChange={(v) => set([...CUSTOM, 'lineWidth'], v)}
      />
      <Slider
        label="Fill opacity"
        min={0}
        max={100}
        value={num([...CUSTOM, 'fillOpacity']) ?? 0}
        onChange={(v) => set([...CUSTOM, 'fillOpacity'], v)}
      />
      <Segmented
        label="Stack series"
        value={str([...CUSTOM, 'stacking', 'mode']) || 'none'}
        choices={[
          ['none', 'Off'],
          ['normal', 'Normal'],
          ['percent', '100%'],
        ]}
        onChange={(v) => set([...CUSTOM, 'stacking'], { group: 'A', mode: v })}
      />
    </Section>
  );
}
