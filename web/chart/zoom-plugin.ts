// uPlot plugin: drag across the plot to pick a time range. uPlot's own zoom is off
// (setScale: false): the picked range goes to the page, which changes the URL and reloads
// at a finer step, as in Grafana and the Prometheus UI.
import type uPlot from 'uplot';

const MIN_DRAG = 4; // px: anything shorter is a click, not a selection

export function zoomPlugin(
  onZoom: () => ((startMs: number, endMs: number) => void) | undefined,
): uPlot.Plugin {
  return {
    opts: (_u, opts) => {
      opts.cursor = { ...opts.cursor, drag: { x: true, y: false, setScale: false } };
    },
    hooks: {
      setSelect: (u) => {
        const { left, width } = u.select;
        const handler = onZoom();
        if (handler && width >= MIN_DRAG) {
          const start = u.posToVal(left, 'x');
          const end = u.posToVal(left + width, 'x');
          handler(Math.round(start * 1000), Math.round(end * 1000));
        }
        u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      },
    },
  };
}
