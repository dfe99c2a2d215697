// A promise that resolves in a task of its own, through a MessageChannel: as soon as the page
// is free, without the 4 ms nested setTimeout(0) calls are held back by. A live tick renders
// every panel at once and query-core starts each panel's query function right there, in that
// render's task; each one waiting for a task of its own before it works out its request (the
// held points' digest, the URL) and calls fetch() keeps that render's task to the render, and
// a tick's longest task about one query rather than all of them. setTimeout where there is no
// MessageChannel (tests outside a browser).
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
