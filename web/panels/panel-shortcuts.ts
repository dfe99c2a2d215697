// Grafana's panel shortcuts: with the pointer over a panel (or focus inside it), `v` views it,
// `e` edits, `x` explores and `i` inspects. One keydown listener serves every panel; the
// panel under the pointer registers what its keys do.

type Handler = (key: string) => boolean;

let current: Handler | null = null;
let listening = false;

/** The panel the keys act on; `null` from the panel that is left clears it. */
export function setShortcutTarget(handler: Handler | null, previous?: Handler): void {
  if (handler === null && previous !== undefined && current !== previous) return;
  current = handler;
  if (!listening && handler !== null) {
    listening = true;
    document.addEventListener('keydown', onKey);
  }
}

function onKey(e: KeyboardEvent) {
  if (current === null || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key.length !== 1 || isTyping(e.target)) return;
  // A dialog (Inspect, Export) or an open menu owns the keyboard.
  if (document.querySelector('dialog[open], [popover]:popover-open')) return;
  if (current(e.key)) e.preventDefault();
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
