// Text widths measured once per font and text: uPlot sizes each y axis from its labels on every
// redraw, and a live tick mostly shows the same labels again ("0.5 req/s"), so measuring them
// on a canvas each tick is repeated work. Bounded: past MAX entries it starts afresh.

const MAX = 5_000;
const widths = new Map<string, number>();

/** Width (canvas px, at the context's font) of `text` in `font`, measured with `measure` once. */
export function labelWidth(font: string, text: string, measure: (text: string) => number): number {
  const key = `${font}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size >= MAX) widths.clear();
    w = measure(text);
    widths.set(key, w);
  }
  return w;
}
