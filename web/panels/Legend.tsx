// A legend below the chart; what a click does is in legend-state.ts.
import { nextHidden } from './legend-state.ts';
import type { PanelSeries } from './panel-data.ts';

interface Props {
  series: PanelSeries[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
}

export function Legend({ series, hidden, onChange }: Props) {
  const keys = series.map((s) => s.key);
  return (
    <ul class="legend" aria-label="legend">
      {series.map((s) => (
        <li key={s.key}>
          <button
            type="button"
            class={hidden.has(s.key) ? 'legend-item off' : 'legend-item'}
            aria-pressed={!hidden.has(s.key)}
            onClick={(e) => onChange(nextHidden(keys, hidden, s.key, e.ctrlKey || e.metaKey))}
          >
            <span class="legend-swatch" style={{ background: s.color }} />
            <span class="legend-label">{s.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
