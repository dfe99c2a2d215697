// uPlot plugins of the heatmap: one plugin draws the cells (one rect per time × bucket, batched
// into one path per colour), the other shows the hovered cell's time, bucket bounds and count,
// outlines the cell, and is built from DOM text nodes only.
import type uPlot from 'uplot';
import { formatTimestamp } from '../time/time-format.ts';
import type { TimeZone } from '../time/zone.ts';
import { columnAt, type Heatmap } from './heatmap.ts';
import { colorIndex } from './heatmap-color.ts';
import { positionTooltip } from './tooltip-place.ts';
import { tooltipRow } from './tooltip-plugin.ts';

/** What the plugins read at draw time, so live ticks need no new plugins. */
export interface HeatmapView {
  heatmap: Heatmap;
  palette: readonly string[];
  range: [number, number]; // counts at the bottom and top of the colour scale
  gap: number; // css px between cells
  hideAtOrBelow?: number;
  formatBound: (v: number) => string;
  formatCount: (v: number) => string;
}

const visible = (v: number | null | undefined, hide: number | undefined): v is number =>
  v !== null && v !== undefined && !(hide !== undefined && v <= hide);

export function cellsPlugin(view: () => HeatmapView): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { heatmap: h, palette, range, gap, hideAtOrBelow } = view();
        if (h.upper.length === 0 || palette.length === 0) return;
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox; // canvas px
        const g = gap * devicePixelRatio;
        const paths = new Map<number, Path2D>();
        const rowY = h.upper.map((_, i) => {
          const a = u.valToPos(i, 'y', true);
          const b = u.valToPos(i + 1, 'y', true);
          return [Math.round(Math.min(a, b)), Math.round(Math.max(a, b))] as const;
        });
        for (let j = 0; j < h.xs.length; j++) {
          const x0 = Math.round(u.valToPos(h.xs[j]! - h.step, 'x', true));
          const x1 = Math.round(u.valToPos(h.xs[j]!, 'x', true));
          if (x1 < left || x0 > left + width) continue;
          const w = Math.max(1, x1 - x0 - g);
          for (let i = 0; i < h.counts.length; i++) {
            const v = h.counts[i]![j];
            if (!visible(v, hideAtOrBelow)) continue;
            const c = colorIndex(v, range[0], range[1], palette.length);
            let p = paths.get(c);
            if (!p) {
              p = new Path2D();
              paths.set(c, p);
            }
            const [y0, y1] = rowY[i]!;
            p.rect(x0, y0 + g, w, Math.max(1, y1 - y0 - g));
          }
        }
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        for (const [c, p] of paths) {
          ctx.fillStyle = palette[c]!;
          ctx.fill(p);
        }
        ctx.restore();
      },
    },
  };
}

export function heatmapTooltipPlugin(view: () => HeatmapView, zone?: TimeZone): uPlot.Plugin {
  let box: HTMLDivElement;
  let hover: HTMLDivElement;
  const row = (label: string, value: string, color?: string) =>
    tooltipRow(label, value, color, 'tt-swatch heatmap-swatch');
  const hide = () => {
    box.hidden = true;
    hover.hidden = true;
  };

  return {
    hooks: {
      init: (u) => {
        box = document.createElement('div');
        box.className = 'chart-tooltip heatmap-tooltip';
        hover = document.createElement('div');
        hover.className = 'heatmap-hover';
        hide();
        u.over.append(hover, box);
      },
      setCursor: (u) => {
        const left = u.cursor.left ?? -1;
        const top = u.cursor.top ?? -1;
        if (left < 0 || top < 0) return hide();
        const v = view();
        const h = v.heatmap;
        const j = columnAt(h, u.posToVal(left, 'x'));
        const i = Math.floor(u.posToVal(top, 'y'));
        const count = h.counts[i]?.[j];
        if (j < 0 || i < 0 || i >= h.upper.length || !visible(count, v.hideAtOrBelow))
          return hide();
        const color = v.palette[colorIndex(count, v.range[0], v.range[1], v.palette.length)];
        const head = document.createElement('div');
        head.className = 'tt-time';
        head.textContent = formatTimestamp(h.xs[j]! * 1000, zone); // unix s → ms
        const bounds = `${v.formatBound(h.lower[i]!)} – ${v.formatBound(h.upper[i]!)}`;
        box.replaceChildren(head, row('Bucket', bounds), row('Count', v.formatCount(count), color));
        box.hidden = false;
        // Fixed, beside the cursor, inside the viewport: never cut by the panel's edge.
        positionTooltip(box, u.over, left, top);
        // Outline the cell under the cursor (css px, relative to the plot area).
        const x0 = u.valToPos(h.xs[j]! - h.step, 'x');
        const x1 = u.valToPos(h.xs[j]!, 'x');
        const ya = u.valToPos(i, 'y');
        const yb = u.valToPos(i + 1, 'y');
        hover.style.left = `${Math.min(x0, x1)}px`;
        hover.style.width = `${Math.abs(x1 - x0)}px`;
        hover.style.top = `${Math.min(ya, yb)}px`;
        hover.style.height = `${Math.abs(yb - ya)}px`;
        hover.hidden = false;
      },
    },
  };
}
