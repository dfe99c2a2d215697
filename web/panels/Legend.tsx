// A chart's legend: a list (wrapping, below the chart) or a table (one row per series, a column
// per calc, sortable by clicking a header). Values come already reduced and formatted; what a
// click on a series does is in legend-state.ts. Everything renders as text.
// Long names (a 120-character label set is common) never push the calc columns out of the
// panel: the table is a CSS grid whose name column alone shrinks, with an ellipsis and the
// full name as the cell's title, as Grafana's VizLegendTable does.

import type { LegendSort } from '../fields/legend-calcs.ts';
import type { ReducerId } from '../fields/reduce.ts';
import { REDUCERS } from '../fields/reduce.ts';
import { memo } from '../ui/memo.ts';
import { nextHidden } from './legend-state.ts';

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  /** One per calc: the raw value and its text. */
  values?: { raw: number | null; text: string }[];
  /** Hidden by the panel's own config (custom.hideFrom.viz): shown as off. */
  off?: boolean;
}

interface Props {
  series: LegendEntry[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
  mode?: 'list' | 'table';
  calcs?: readonly ReducerId[];
  sort?: LegendSort | null;
  onSort?: (by: LegendSort['by']) => void;
  /** Grafana's legend.width: the legend's width in px when it is placed on the right. */
  width?: number;
}

function LegendImpl({
  series,
  hidden,
  onChange,
  mode = 'list',
  calcs = [],
  sort,
  onSort,
  width,
}: Props) {
  const sized = width !== undefined ? { width: `${width}px`, maxWidth: 'none' } : undefined;
  const keys = series.map((s) => s.key);
  const item = (s: LegendEntry, withValues: boolean) => {
    const off = hidden.has(s.key) || s.off === true;
    return (
      <button
        type="button"
        class={off ? 'legend-item off' : 'legend-item'}
        aria-pressed={!off}
        onClick={(e) => onChange(nextHidden(keys, hidden, s.key, e.ctrlKey || e.metaKey))}
      >
        <span class="legend-swatch" style={{ background: s.color }} />
        <span class="legend-label" title={s.label}>
          {s.label}
        </span>
        {withValues &&
          s.values?.map((v, i) => (
            <span class="legend-calc" key={calcs[i]} data-value={v.raw ?? ''}>
              {REDUCERS[calcs[i]!]}: <b>{v.text}</b>
            </span>
          ))}
      </button>
    );
  };

  if (mode === 'list') {
    return (
      <ul class="legend" aria-label="legend" style={sized}>
        {series.map((s) => (
          <li key={s.key}>{item(s, true)}</li>
        ))}
      </ul>
    );
  }

  const header = (by: LegendSort['by'], text: string) => {
    const dir = sort?.by === by ? (sort.desc ? 'descending' : 'ascending') : 'none';
    return (
      <th key={by} aria-sort={dir} class={by === 'name' ? undefined : 'num'}>
        <button
          type="button"
          class={dir === 'none' ? 'legend-sort' : 'legend-sort sorted'}
          onClick={() => onSort?.(by)}
        >
          {text}
          {dir === 'descending' ? ' ▼' : dir === 'ascending' ? ' ▲' : ''}
        </button>
      </th>
    );
  };
  return (
    <div class="legend-table-wrap" style={sized}>
      <table
        class="legend-table legend-grid"
        aria-label="legend"
        style={{ gridTemplateColumns: `minmax(0, 1fr) repeat(${calcs.length}, max-content)` }}
      >
        <thead>
          <tr>
            {header('name', 'Name')}
            {calcs.map((c) => header(c, REDUCERS[c]))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.key} data-key={s.key}>
              <td class="legend-name">{item(s, false)}</td>
              {s.values?.map((v, i) => (
                <td key={calcs[i]} class="num" data-calc={calcs[i]} data-value={v.raw ?? ''}>
                  {v.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Re-renders only when a prop changed: most live ticks leave the legend as it was. */
export const Legend = memo(LegendImpl);
