// uPlot plugin: a tooltip listing every series at the cursor, in the panel's sort order. Built with DOM
// text nodes only: labels come from Prometheus and must never be parsed as HTML. On a
// dashboard with a shared crosshair (graphTooltip 1) a chart whose cursor only follows
// another one shows no tooltip; with a shared tooltip (2) it does.
import type uPlot from 'uplot';
import { formatTimestamp } from '../time/time-format.ts';
import type { TimeZone } from '../time/zone.ts';
import { positionTooltip } from './tooltip-place.ts';
import { nearestRow, type TooltipMode, type TooltipSort, tooltipRows } from './tooltip-rows.ts';

export interface TooltipSeries {
  label: string;
  color: string;
  /** Left out of the tooltip (Grafana's custom.hideFrom.tooltip). */
  noTooltip?: boolean;
}

/**
 * `value(s, i)` is series s (1-based) at index i as the data has it, before any stacking;
 * `format(v, s)` formats a value of series s (1-based) in its unit.
 */
/** One tooltip line: a colour swatch (when given), the label and the value, all as text. */
export function tooltipRow(
  label: string,
  value: string,
  color?: string,
  swatchClass = 'tt-swatch',
): HTMLDivElement {
  const line = document.createElement('div');
  line.className = 'tt-row';
  if (color) {
    const swatch = document.createElement('span');
    swatch.className = swatchClass;
    swatch.style.background = color;
    line.append(swatch);
  }
  const name = document.createElement('span');
  name.className = 'tt-label';
  name.textContent = label;
  const val = document.createElement('span');
  val.className = 'tt-value';
  val.textContent = value;
  line.append(name, val);
  return line;
}

export function tooltipPlugin(
  getSeries: () => readonly TooltipSeries[],
  value: (series: number, idx: number) => number | null | undefined,
  format: (v: number, series: number) => string,
  shared: () => boolean = () => false,
  /** The dashboard's time zone, for the time at the top. */
  zone?: TimeZone,
  /** The panel's options.tooltip.sort, read at each move. */
  sort: () => TooltipSort = () => 'desc',
  /** The panel's options.tooltip.mode, read at each move. */
  mode: () => TooltipMode = () => 'multi',
): uPlot.Plugin {
  let box: HTMLDivElement;

  return {
    hooks: {
      init: (u) => {
        box = document.createElement('div');
        box.className = 'chart-tooltip';
        box.hidden = true;
        u.over.appendChild(box);
      },
      setCursor: (u) => {
        const idx = u.cursor.idx;
        const left = u.cursor.left ?? -1;
        // No event of its own: the cursor follows another chart of the dashboard.
        const followed = u.cursor.event == null;
        // A follower shows only the time line, as Grafana does (styles.css hides the other).
        u.root.classList.toggle('cursor-follows', followed);
        const how = mode();
        if (idx == null || left < 0 || (followed && !shared()) || how === 'hidden') {
          box.hidden = true;
          return;
        }
        const series = getSeries();
        const values = series.map((_, i) => value(i + 1, idx));
        const shown = series.map((s, i) => ({
          ...s,
          show: u.series[i + 1]?.show !== false && !s.noTooltip,
        }));
        const all = tooltipRows(values, shown, how === 'single' ? series.length : 20, sort());
        // Single: the series drawn nearest the cursor, measured where uPlot drew it (stacked,
        // negative-Y), on its own scale.
        const { rows, more } =
          how === 'single'
            ? {
                rows: nearestRow(
                  all.rows,
                  all.rows.map((r) => {
                    const v = u.data[r.index]?.[idx];
                    const scale = u.series[r.index]?.scale ?? 'y';
                    return v == null ? Number.NaN : u.valToPos(v, scale);
                  }),
                  u.cursor.top ?? -1,
                ),
                more: 0,
              }
            : all;
        if (rows.length === 0) {
          box.hidden = true;
          return;
        }
        const head = document.createElement('div');
        head.className = 'tt-time';
        head.textContent = formatTimestamp((u.data[0][idx] ?? 0) * 1000, zone); // unix s → ms
        const lines = rows.map((r) => tooltipRow(r.label, format(r.value, r.index), r.color));
        if (more > 0) {
          const rest = document.createElement('div');
          rest.className = 'tt-more';
          rest.textContent = `+${more} more`;
          lines.push(rest);
        }
        box.replaceChildren(head, ...lines);
        box.hidden = false;
        // Fixed, beside the cursor, inside the viewport: never cut by the panel's edge.
        positionTooltip(box, u.over, left, u.cursor.top ?? 0);
      },
    },
  };
}
