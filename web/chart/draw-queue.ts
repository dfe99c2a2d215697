// One chart drawn per task. A live tick's answers land within a frame and render together
// (web/query/frame-scheduler.ts), and uPlot redraws a whole chart on setData: drawing every
// chart in that render made one task of all of them (8 charts: 8 × path building, axes and
// rasterising), a long task that froze the page for as long as the whole dashboard took to
// draw. Here each chart's draw waits in a queue and runs in a task of its own, so the page
// stays responsive between charts (input, scrolling) and a tick's longest task is about one
// chart, as on a page of bare uPlot charts that each draw when their own fetch lands.
//
// A chart waiting for its turn keeps its place and draws once, with the latest of what it was
// given: a render that hands it new data while it waits replaces its draw, it does not add
// one. Charts draw in the order they first asked, which is the order Preact rendered them:
// top to bottom.

import { messageTasks, type PostTask } from '../query/next-task.ts';

export interface DrawQueue {
  /** `draw` runs in a task of its own; a chart already waiting keeps its place. */
  schedule(chart: object, draw: () => void): void;
  /** The chart's waiting draw is dropped (the chart went away, or drew by other means). */
  cancel(chart: object): void;
  /** Charts waiting to draw. */
  readonly size: number;
}

export function drawQueue(post: PostTask): DrawQueue {
  // A Map iterates in insertion order, and set() on a key it holds keeps its place.
  const waiting = new Map<object, () => void>();
  let posted = false;
  const runOne = () => {
    posted = false;
    const next = waiting.entries().next();
    if (next.done) return;
    const [chart, draw] = next.value;
    waiting.delete(chart);
    // Asked for before drawing, so a draw that throws does not strand the charts behind it.
    if (waiting.size > 0) {
      posted = true;
      post(runOne);
    }
    draw();
  };
  return {
    schedule(chart, draw) {
      waiting.set(chart, draw);
      if (!posted) {
        posted = true;
        post(runOne);
      }
    },
    cancel(chart) {
      waiting.delete(chart);
    },
    get size() {
      return waiting.size;
    },
  };
}

/** The app's queue, shared by every chart on the page. */
export const chartDraws: DrawQueue = drawQueue(messageTasks());
