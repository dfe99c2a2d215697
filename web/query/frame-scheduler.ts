// query-core tells observers of new answers in a batch it schedules (setTimeout 0 by default),
// so 8 panels whose answers land in 8 network tasks render 8 times, each with its own style,
// layout and paint. Scheduling those batches on the next animation frame gathers every answer
// that lands within one frame into one render pass, drawn once, right before the frame.
import { notifyManager } from '@tanstack/query-core';

type Frame = (cb: () => void) => unknown;

/** A scheduler that runs everything queued before the next frame together, in that frame. */
export function frameScheduler(frame: Frame): (cb: () => void) => void {
  let queue: (() => void)[] = [];
  return (cb) => {
    queue.push(cb);
    if (queue.length > 1) return; // a frame is already asked for
    frame(() => {
      const run = queue;
      queue = [];
      for (const f of run) f();
    });
  };
}

/** The app's: animation frames where the page has them (not in a hidden tab: no one looks). */
export function installFrameScheduler(): void {
  const frame: Frame =
    typeof requestAnimationFrame === 'function'
      ? (cb) => requestAnimationFrame(() => cb())
      : (cb) => setTimeout(cb, 0);
  notifyManager.setScheduler(frameScheduler(frame));
}
