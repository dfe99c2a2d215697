// A legend below the chart. Click isolates a series (click again: all back), ctrl/cmd-click
// toggles one: Grafana's and the Prometheus UI's habits.
import type { PanelSeries } from './panel-data.ts';

interface Props {
  series: PanelSeries[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
}

export function nextHidden(
  keys: readonly string[],
  hidden: ReadonlySet<string>,
  clicked: string,
  toggle: boolean,
): Set<string> {
  if (toggle) {
    const next = new Set(hidden);
    if (next.has(clicked)) next.delete(clicked);
    else next.add(clicked);
    return next;
  }
  const isolated = !hidden.has(clicked) && keys.every((k) => k === clicked || hidden.has(k));
  return isolated ? new Set() : new Set(keys.filter((k) => k !== clicked));
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
