// uPlot plugin: the panel's thresholds as bands and/or lines (custom.thresholdsStyle), drawn
// right after the canvas is cleared so the grid and the series lie on top, as in Grafana.
// The drawn shapes are also written to data-thresholds (css px within the plot) for tests.
import uPlot from 'uplot';
import { withOpacity } from '../fields/palette.ts';
import type { Step } from '../fields/thresholds.ts';
import type { ThresholdShapes } from './threshold-shapes.ts';
import { thresholdShapes } from './threshold-shapes.ts';

export interface ThresholdsSetup {
  steps?: Step[];
  /** Grafana's thresholds mode: 'absolute' or 'percentage'. */
  mode?: string;
  /** custom.thresholdsStyle.mode */
  style?: string;
  /** The field's min and max, the base of percentage steps; the data's when unset. */
  min?: number;
  max?: number;
}

const AREA_ALPHA = 0.15; // Grafana's: a tint, never louder than the series
const LINE_ALPHA = 0.7;
const DASH = [10, 10]; // canvas px

export function thresholdsPlugin(get: () => ThresholdsSetup): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u) => {
        const t = get();
        const { min, max } = u.scales.y ?? {};
        const shapes =
          min == null || max == null
            ? null
            : thresholdShapes(t.steps, t.style, [min, max], t.mode, percentBase(u, t));
        draw(u, shapes);
      },
    },
  };
}

function percentBase(u: uPlot, t: ThresholdsSetup): [number, number] | undefined {
  if (t.mode !== 'percentage') return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = 1; s < u.data.length; s++) {
    for (const v of u.data[s] ?? []) {
      if (v == null) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [t.min ?? (lo === Infinity ? 0 : lo), t.max ?? (hi === -Infinity ? 100 : hi)];
}

function draw(u: uPlot, shapes: ThresholdShapes | null) {
  const drawn: { areas: object[]; lines: object[] } = { areas: [], lines: [] };
  if (shapes && (shapes.areas.length > 0 || shapes.lines.length > 0)) {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    for (const a of shapes.areas) {
      const top = u.valToPos(a.to, 'y', true);
      const bottom = u.valToPos(a.from, 'y', true);
      ctx.fillStyle = withOpacity(a.color, AREA_ALPHA);
      ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
      drawn.areas.push({
        top: u.valToPos(a.to, 'y'),
        bottom: u.valToPos(a.from, 'y'),
        color: a.color,
      });
    }
    ctx.lineWidth = Math.max(1, Math.round(1.5 * uPlot.pxRatio));
    ctx.setLineDash(shapes.dashed ? DASH.map((d) => d * uPlot.pxRatio) : []);
    for (const l of shapes.lines) {
      const y = Math.round(u.valToPos(l.value, 'y', true));
      ctx.strokeStyle = withOpacity(l.color, LINE_ALPHA);
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      drawn.lines.push({ y: u.valToPos(l.value, 'y'), value: l.value, color: l.color });
    }
    ctx.restore();
  }
  const text = JSON.stringify(drawn);
  if (u.root.dataset.thresholds !== text) u.root.dataset.thresholds = text;
}
