// Tasks of their own, through a MessageChannel: one runs as soon as the page is free, without
// the 4 ms that nested setTimeout(0) calls are held back by, and the browser may render between
// two of them. setTimeout where there is no MessageChannel (tests outside a browser).
//
// A live tick renders every panel at once and query-core starts each panel's query function
// right there, in that render's task; each one waiting for a task of its own (`nextTask`)
// before it works out its request (the held points' digest, the URL) and calls fetch() keeps
// that render's task to the render, and a tick's longest task about one query rather than all
// of them. The charts' draw queue (web/chart/draw-queue.ts) posts its draws the same way.

/** Runs `run` in a task of its own, after the tasks already posted. */
export type PostTask = (run: () => void) => void;

/** A poster of tasks on a channel of its own. */
export function messageTasks(): PostTask {
  if (typeof MessageChannel !== 'function') return (run) => setTimeout(run, 0);
  const channel = new MessageChannel();
  const runs: (() => void)[] = [];
  channel.port1.onmessage = () => runs.shift()?.();
  return (run) => {
    runs.push(run);
    channel.port2.postMessage(null);
  };
}

let post: PostTask | null = null;

/** A promise that resolves in a task of its own. */
export function nextTask(): Promise<void> {
  post ??= messageTasks();
  const p = post;
  return new Promise((resolve) => p(resolve));
}
