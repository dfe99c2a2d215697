// Where a chart's tooltip goes, in viewport px. The tooltip is `position: fixed` so that no
// panel edge (`.panel` and `.panel-body` hide their overflow) cuts it: like Grafana's, it may
// overflow its panel, and it flips to the cursor's other side only where the viewport ends.

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

const GAP = 14; // px between the cursor and the box
const MARGIN = 4; // px kept free at the viewport's edges

/**
 * Top-left corner for a `box` shown at `cursor` (both in viewport px): right of and just
 * above the cursor; left of it when that would leave the viewport on the right; above it when
 * it would leave it at the bottom; then kept inside the viewport whatever its size.
 */
export function placeTooltip(cursor: Point, box: Size, viewport: Size): Point {
  let x = cursor.x + GAP;
  if (x + box.width > viewport.width - MARGIN) x = cursor.x - GAP - box.width;
  let y = cursor.y - 10;
  if (y + box.height > viewport.height - MARGIN) y = cursor.y - GAP - box.height;
  return {
    x: clamp(x, MARGIN, viewport.width - MARGIN - box.width),
    y: clamp(y, MARGIN, viewport.height - MARGIN - box.height),
  };
}

// The lower bound wins when the box is larger than the room: its start stays visible.
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/** Shows `box` (position: fixed) beside the cursor at (left, top) px of uPlot's plot area. */
export function positionTooltip(box: HTMLElement, over: HTMLElement, left: number, top: number) {
  const plot = over.getBoundingClientRect();
  const at = placeTooltip(
    { x: plot.left + left, y: plot.top + top },
    { width: box.offsetWidth, height: box.offsetHeight },
    { width: document.documentElement.clientWidth, height: window.innerHeight },
  );
  box.style.left = `${Math.round(at.x)}px`;
  box.style.top = `${Math.round(at.y)}px`;
}
