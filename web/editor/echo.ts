// Tells an echo of our own onChange apart from a real outside change of the `value` prop.
//
// The editor owns its document; the parent mirrors it through onChange and hands it back as
// `value`. Preact runs effects after paint (https://preactjs.com/guide/v10/hooks/#useeffect),
// so by the time the effect for `value = "a"` runs the user may already have typed "ab":
// comparing against the document alone would then throw the "b" away. So every text we emit is
// remembered until the parent hands it back. A `value` we emitted is an echo (the document is
// already there or ahead); anything else — a history click, the back button, a value the parent
// rewrote — replaces the document. Emits are forgotten after a while so that a parent which
// skipped some of them (renders coalesce) cannot make a later, real change look like an echo.
// Pure, no CodeMirror.

/** Echoes come back within a frame or two; anything older is not in flight any more. */
const ECHO_WINDOW_MS = 2000;
/** Past this many unacknowledged emits the parent is not mirroring us; stop remembering. */
const MAX_PENDING = 100;

export class EchoTracker {
  private pending: { text: string; at: number }[] = [];

  /** Record a document text we just passed to onChange. */
  emitted(text: string, now = Date.now()): void {
    this.pending.push({ text, at: now });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /**
   * Whether `value` (a new prop) is one of our own emits coming back. Props arrive in the order
   * the parent saw our emits, so the oldest match is the one, and every emit before it is
   * consumed with it.
   */
  isEcho(value: string, now = Date.now()): boolean {
    this.pending = this.pending.filter((p) => now - p.at <= ECHO_WINDOW_MS);
    const i = this.pending.findIndex((p) => p.text === value);
    if (i < 0) {
      this.pending = [];
      return false;
    }
    this.pending = this.pending.slice(i + 1);
    return true;
  }
}
