// Drawing the dashboard's annotations on a uPlot chart, as Grafana draws them. A marker is a
// dashed vertical line across the plot with a small triangle at its bottom; a region is a
// shaded band between two dashed lines with a bar along its bottom. Lines and bands are drawn
// on the canvas over the series; markers and bars are DOM elements in the plot's overlay so
// that hovering one shows its tooltip: title, text, tags and time, built with text nodes only
// (titles come from labels and must never be parsed as HTML). With multi-lane (Grafana's
// options.annotations.multiLane) each entry has its own row of markers. What is placed is also
// written to data-annotations (css px within the plot) for tests. A chunk of its own, loaded
// with the dashboard's annotations; the plugin that calls it is annotations-plugin.ts.
import uPlot from 'uplot';
import { withOpacity } from '../fields/palette.ts';
import { formatTimestamp } from '../time/time-format.ts';
import type { TimeZone } from '../time/zone.ts';
import type { AnnotationEvent, PlacedAnnotation } from './annotation-types.ts';
import { describePlaced, placeAnnotations } from './annotations.ts';
import type { AnnotationLayers, AnnotationsSetup } from './annotations-plugin.ts';

const LANE = 7; // css px: Grafana's ANNOTATION_LANE_SIZE (5 px markers, 1 px padding)
const REGION_ALPHA = 0.1;
const LINE_ALPHA = 0.6;
const DASH = [4, 4]; // css px

function hide(u: uPlot, box: HTMLDivElement) {
  box.hidden = true;
  u.root.classList.remove('annotation-hover');
}

function show(u: uPlot, box: HTMLDivElement, p: PlacedAnnotation, zone?: TimeZone) {
  box.replaceChildren(...tooltipLines(p.event, zone));
  box.hidden = false;
  u.root.classList.add('annotation-hover');
  const overW = u.over.clientWidth;
  const flip = p.left > overW / 2;
  box.style.left = flip ? '' : `${p.left}px`;
  box.style.right = flip ? `${overW - Math.max(p.left, p.right)}px` : '';
  box.style.bottom = `${(p.lane + 1) * LANE + 4}px`;
}

function place(u: uPlot, setup: AnnotationsSetup): PlacedAnnotation[] {
  const { min, max } = u.scales.x ?? {};
  if (min == null || max == null || setup.events.length === 0) return [];
  return placeAnnotations(
    setup.events,
    min * 1000, // unix s → ms
    max * 1000,
    u.bbox.width / uPlot.pxRatio,
    setup.multiLane ? setup.lanes : undefined,
  );
}

function markers(u: uPlot, placed: PlacedAnnotation[], layers: AnnotationLayers, zone?: TimeZone) {
  const key = JSON.stringify(placed.map((p) => [p.left, p.right, p.lane, p.event]));
  if (key === layers.drawnKey) return;
  layers.drawnKey = key;
  const { box } = layers;
  hide(u, box);
  layers.layer.replaceChildren(
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
      el.addEventListener('mouseenter', () => show(u, box, p, zone));
      el.addEventListener('mouseleave', () => hide(u, box));
      return el;
    }),
  );
  u.root.dataset.annotations = describePlaced(placed);
}

/** The plugin's draw hook: lines and bands on the canvas, markers in the overlay. */
export function drawAnnotations(
  u: uPlot,
  setup: AnnotationsSetup,
  layers: AnnotationLayers,
  zone?: TimeZone,
) {
  const placed = place(u, setup);
  if (placed.length > 0) drawLines(u, placed);
  markers(u, placed, layers, zone);
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
