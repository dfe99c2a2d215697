// Grafana's pie chart (core `piechart`): each series reduced to one value (the panel's calc),
// one slice each, its angle its share of the total, as a pie or a donut; a legend of names
// with the value and/or the percent, as a list or a table, right or below; optional labels
// on the slices. Colours: a value mapping's, else the field's colour mode, which for a pie is
// the classic palette unless set (as Grafana's plugin defaults it). A click in the legend
// takes a slice out (Grafana's "hide" behaviour). The body says what it drew: data-slices
// and data-total; each slice its data-start/data-end angles and data-fraction.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/pie-chart/
import { useMemo, useState } from 'preact/hooks';
import { asArray, asRecord } from '../../../../contract/json.ts';
import {
  labelFontSize,
  labelPosition,
  type PieItem,
  percentText,
  pieLayout,
  pieSlices,
  pieSort,
  pieTotal,
  slicePath,
} from '../../../chart/pie.ts';
import type { Panel } from '../../../model/model.ts';
import { DataPanel } from '../../DataPanel.tsx';
import { reducedCells } from '../../reduced.ts';
import type { PanelProps } from '../../types.ts';
import { usePanelData } from '../../use-panel-data.ts';
import './PieChartPanel.css';

const BACKGROUND = '#181b1f'; // var(--panel): the line between slices, as Grafana strokes them

/** The panel with Grafana's pie default filled in: colours by series unless said otherwise. */
function withPaletteDefault(panel: Panel): Panel {
  const defaults = panel.fieldConfig?.defaults ?? {};
  if (defaults.color?.mode) return panel;
  return {
    ...panel,
    fieldConfig: {
      ...panel.fieldConfig,
      defaults: { ...defaults, color: { ...defaults.color, mode: 'palette-classic' } },
    },
  };
}

interface LegendOptions {
  show: boolean;
  table: boolean;
  right: boolean;
  values: string[];
}

function legendOptions(options: Panel['options']): LegendOptions {
  const raw = options.legend as unknown;
  // Grafana's defaultLegendOptions when the panel has none: a list on the right, with percent.
  if (raw === undefined) return { show: true, table: false, right: true, values: ['percent'] };
  const l = asRecord(raw);
  return {
    show: l.showLegend !== false && l.displayMode !== 'hidden',
    table: l.displayMode === 'table',
    right: l.placement !== 'bottom',
    values: asArray(l.values).filter((v): v is string => v === 'value' || v === 'percent'),
  };
}

export function PieChartPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const options = panel.options as Record<string, unknown>;
  const donut = options.pieType === 'donut';
  const sort = pieSort(options.sort);
  const labels = asArray(options.displayLabels);
  const legend = legendOptions(panel.options);

  const cells = useMemo(() => reducedCells(withPaletteDefault(panel), data), [panel, data]);
  const items: (PieItem & { decimals?: number; inLegend: boolean })[] = cells.map((c) => ({
    key: c.s.key,
    name: c.name,
    value: c.value,
    color: c.color,
    text: c.text,
    hidden: off.has(c.s.key) || c.config.custom?.hideFrom?.viz === true,
    decimals: c.config.decimals,
    inLegend: c.config.custom?.hideFrom?.legend !== true,
  }));
  const slices = pieSlices(items, sort);
  const total = pieTotal(items);
  const layout = pieLayout(width, height, donut);
  const c = layout.size / 2;
  const decimalsOf = new Map(items.map((i) => [i.key, i.decimals]));
  const percent = (key: string, value: number | null, hidden?: boolean) =>
    hidden ? '-' : percentText(value, total, decimalsOf.get(key));

  const toggle = (key: string) =>
    setOff((was) => {
      const next = new Set(was);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // The legend is sorted as the pie is; series without a value go last.
  const legendItems = [...items]
    .filter((i) => i.inLegend)
    .sort((a, b) => {
      const an = a.value === null;
      const bn = b.value === null;
      if (an || bn) return an === bn ? 0 : an ? 1 : -1;
      return sort === 'desc' ? b.value! - a.value! : sort === 'asc' ? a.value! - b.value! : 0;
    });
  const showValue = legend.values.includes('value');
  const showPercent = legend.values.includes('percent');
  const legendEl = legend.show && legendItems.length > 0 && (
    <PieLegend
      items={legendItems}
      table={legend.table}
      showValue={showValue}
      showPercent={showPercent}
      percent={percent}
      onToggle={toggle}
    />
  );

  return (
    <DataPanel
      panel={panel}
      data={data}
      body={body}
      bodyClass="piechart"
      width={width}
      after={legend.right ? undefined : legendEl}
      side={legend.right ? legendEl : undefined}
      drawn={{ slices: slices.filter((s) => s.end > s.start).length, total }}
    >
      {layout.outer > 0 && slices.length > 0 && (
        <svg
          class="pie"
          width={layout.size}
          height={layout.size}
          viewBox={`0 0 ${layout.size} ${layout.size}`}
          role="img"
          aria-label={slices.map((s) => `${s.name}: ${s.text}`).join(', ')}
          data-outer={layout.outer}
          data-inner={layout.inner}
        >
          {slices.map((s) => (
            <path
              key={s.key}
              class="pie-slice"
              d={slicePath(c, c, layout.outer, layout.inner, s.start, s.end)}
              fill={s.color}
              stroke={BACKGROUND}
              stroke-width={1}
              data-name={s.name}
              data-value={s.value}
              data-start={s.start}
              data-end={s.end}
              data-fraction={s.fraction}
            >
              <title>{`${s.name}: ${s.text} (${percent(s.key, s.value)})`}</title>
            </path>
          ))}
          {labels.length > 0 &&
            slices.map((s) => {
              const at = labelPosition(s, c, c, layout.outer, layout.inner);
              if (!at) return null;
              const lines = [
                labels.includes('name') ? s.name : null,
                labels.includes('value') ? s.text : null,
                labels.includes('percent') ? percent(s.key, s.value) : null,
              ].filter((l): l is string => l !== null);
              const size = labelFontSize(layout.outer, labels.includes('name'));
              return (
                <text
                  key={`label-${s.key}`}
                  class="pie-label"
                  x={at[0]}
                  y={at[1] - ((lines.length - 1) * size * 1.2) / 2}
                  font-size={size}
                  text-anchor="middle"
                  dominant-baseline="middle"
                >
                  {lines.map((l, i) => (
                    <tspan key={l} x={at[0]} dy={i === 0 ? 0 : '1.2em'}>
                      {l}
                    </tspan>
                  ))}
                </text>
              );
            })}
        </svg>
      )}
    </DataPanel>
  );
}

interface LegendProps {
  items: (PieItem & { hidden?: boolean })[];
  table: boolean;
  showValue: boolean;
  showPercent: boolean;
  percent: (key: string, value: number | null, hidden?: boolean) => string;
  onToggle: (key: string) => void;
}

/** Grafana's VizLegend for a pie: the name, then the value and/or percent. */
function PieLegend({ items, table, showValue, showPercent, percent, onToggle }: LegendProps) {
  const name = (i: LegendProps['items'][number]) => (
    <button
      type="button"
      class={i.hidden ? 'legend-item off' : 'legend-item'}
      aria-pressed={!i.hidden}
      onClick={() => onToggle(i.key)}
    >
      <span class="legend-swatch pie-swatch" style={{ background: i.color }} />
      <span class="legend-label">{i.name}</span>
    </button>
  );
  if (table) {
    return (
      <div class="legend-table-wrap">
        <table class="legend-table" aria-label="legend">
          <thead>
            <tr>
              <th>Name</th>
              {showValue && <th class="num">Value</th>}
              {showPercent && <th class="num">Percent</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.key} data-name={i.name}>
                <td>{name(i)}</td>
                {showValue && <td class="num legend-value">{i.text}</td>}
                {showPercent && (
                  <td class="num legend-percent">{percent(i.key, i.value, i.hidden)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <ul class="legend pie-legend" aria-label="legend">
      {items.map((i) => (
        <li key={i.key} data-name={i.name}>
          {name(i)}
          {showValue && <span class="legend-calc legend-value">{i.text}</span>}
          {showPercent && (
            <span class="legend-calc legend-percent">{percent(i.key, i.value, i.hidden)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
