// uPlot plugin: the dashboard's annotations on a time axis, as Grafana draws them. A marker is
// a dashed vertical line across the plot with a small triangle at its bottom; a region is a
// shaded band between two dashed lines with a bar along its bottom. Lines and bands are drawn
// on the canvas over the series; markers and bars are DOM elements in the plot's overlay so
// that hovering one shows its tooltip: title, text, tags and time, built with text nodes only
// (titles come from labels and must never be parsed as HTML). With multi-lane (Grafana's
// options.annotations.multiLane) each entry has its own row of markers. What is placed is also
// written to data-annotations (css px within the plot) for tests.
import uPlot from 'uplot';
import { withOpacity } from '../fields/palette.ts';
import { formatTimestamp } from '../time/time-format.ts';
import type { TimeZone } from '../time/zone.ts';
import type { AnnotationEvent, PlacedAnnotation } from './annotations.ts';
import { placeAnnotations } from './annotations.ts';

export interface AnnotationsSetup {
  events: readonly AnnotationEvent[];
  /** Entry indexes in lane order; used only with multiLane. */
  lanes: readonly number[];
  multiLane: boolean;
}

const LANE = 7; // css px: Grafana's ANNOTATION_LANE_SIZE (5 px markers, 1 px padding)
const REGION_ALPHA = 0.1;
const LINE_ALPHA = 0.6;
const DASH = [4, 4]; // css px

export function annotationsPlugin(get: () => AnnotationsSetup, zone?: TimeZone): uPlot.Plugin {
  let layer: HTMLDivElement;
  let box: HTMLDivElement;
  let drawnKey = '';

  const hide = (u: uPlot) => {
    box.hidden = true;
    u.root.classList.remove('annotation-hover');
  };

  const show = (u: uPlot, p: PlacedAnnotation) => {
    box.replaceChildren(...tooltipLines(p.event, zone));
    box.hidden = false;
    u.root.classList.add('annotation-hover');
    const overW = u.over.clientWidth;
    const flip = p.left > overW / 2;
    box.style.left = flip ? '' : `${p.left}px`;
    box.style.right = flip ? `${overW - Math.max(p.left, p.right)}px` : '';
    box.style.bottom = `${(p.lane + 1) * LANE + 4}px`;
  };

  function place(u: uPlot): PlacedAnnotation[] {
    const { min, max } = u.scales.x ?? {};
    const setup = get();
    if (min == null || max == null || setup.events.length === 0) return [];
    return placeAnnotations(
      setup.events,
      min * 1000, // unix s → ms
      max * 1000,
      u.bbox.width / uPlot.pxRatio,
      setup.multiLane ? setup.lanes : undefined,
    );
  }

  function markers(u: uPlot, placed: PlacedAnnotation[]) {
    const key = JSON.stringify(placed.map((p) => [p.left, p.right, p.lane, p.event]));
    if (key === drawnKey) return;
    drawnKey = key;
    hide(u);
    layer.replaceChildren(
      ...placed.map((p) => {
        const region = p.right > p.left;
        const el = document.createElement('div');
        el.className = region ? 'annotation-region' : 'annotation-marker';
        el.style.left = `${p.left}px`;
        el.style.bottom = `${p.lane * LANE}px`;
        if (region) {
          el.style.width = `${Math.max(1, p.right - p.left)}px`;
          el.style.background = p.event.color;
        } else {
          el.style.borderBottomColor = p.event.color;
        }
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', p.event.title || 'annotation');
        el.addEventListener('mouseenter', () => show(u, p));
        el.addEventListener('mouseleave', () => hide(u));
        return el;
      }),
    );
    u.root.dataset.annotations = JSON.stringify(
      placed.map((p) => ({
        source: p.event.source,
        left: p.left,
        right: p.right,
        lane: p.lane,
        time: p.event.time,
        timeEnd: p.event.timeEnd,
        title: p.event.title,
      })),
    );
  }

  return {
    hooks: {
      init: (u) => {
        layer = document.createElement('div');
        layer.className = 'chart-annotations';
        box = document.createElement('div');
        box.className = 'annotation-tooltip';
        box.setAttribute('role', 'tooltip');
        box.hidden = true;
        u.over.append(layer, box);
        u.root.dataset.annotations = '[]';
      },
      draw: (u) => {
        const placed = place(u);
        if (placed.length > 0) drawLines(u, placed);
        markers(u, placed);
      },
    },
  };
}

function drawLines(u: uPlot, placed: PlacedAnnotation[]) {
  const { ctx, bbox } = u;
  const r = uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.lineWidth = Math.max(1, Math.round(r));
  ctx.setLineDash(DASH.map((d) => d * r));
  const line = (x: number, color: string) => {
    const px = Math.round(bbox.left + x * r) + 0.5;
    ctx.strokeStyle = withOpacity(color, LINE_ALPHA);
    ctx.beginPath();
    ctx.moveTo(px, bbox.top);
    ctx.lineTo(px, bbox.top + bbox.height);
    ctx.stroke();
  };
  for (const p of placed) {
    if (p.right > p.left) {
      ctx.fillStyle = withOpacity(p.event.color, REGION_ALPHA);
      ctx.fillRect(bbox.left + p.left * r, bbox.top, (p.right - p.left) * r, bbox.height);
      line(p.right, p.event.color);
    }
    line(p.left, p.event.color);
  }
  ctx.restore();
}

/** The tooltip's lines, all as text: time (a region's start and end), title, text, tags. */
export function tooltipLines(e: AnnotationEvent, zone?: TimeZone): HTMLElement[] {
  const lines: HTMLElement[] = [];
  const time = document.createElement('div');
  time.className = 'tt-time';
  time.textContent =
    e.timeEnd > e.time
      ? `${formatTimestamp(e.time, zone)} – ${formatTimestamp(e.timeEnd, zone)}`
      : formatTimestamp(e.time, zone);
  lines.push(time);
  if (e.title) {
    const title = document.createElement('div');
    title.className = 'annotation-title';
    title.textContent = e.title;
    lines.push(title);
  }
  if (e.text) {
    const text = document.createElement('div');
    text.className = 'annotation-text';
    text.textContent = e.text;
    lines.push(text);
  }
  if (e.tags.length > 0) {
    const tags = document.createElement('div');
    tags.className = 'annotation-tags';
    for (const t of e.tags) {
      const tag = document.createElement('span');
      tag.className = 'annotation-tag';
      tag.textContent = t;
      tags.append(tag);
    }
    lines.push(tags);
  }
  return lines;
}
