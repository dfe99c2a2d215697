import { describe, expect, it } from 'vitest';
import { EchoTracker } from './echo.ts';

describe('EchoTracker', () => {
  it('recognises our own emits coming back, in order', () => {
    const t = new EchoTracker();
    t.emitted('a', 0);
    t.emitted('ab', 1);
    // The parent's effect for "a" runs after the user already typed "ab".
    expect(t.isEcho('a', 5)).toBe(true);
    expect(t.isEcho('ab', 6)).toBe(true);
  });

  it('treats a value we never emitted as an outside change', () => {
    const t = new EchoTracker();
    t.emitted('rate(x[5m])', 0);
    expect(t.isEcho('up', 1)).toBe(false);
  });

  it('treats an old value coming back later (history, back button) as an outside change', () => {
    const t = new EchoTracker();
    t.emitted('a', 0);
    expect(t.isEcho('a', 1)).toBe(true);
    t.emitted('ab', 2);
    expect(t.isEcho('ab', 3)).toBe(true);
    expect(t.isEcho('a', 10)).toBe(false);
  });

  it('handles typing back to an earlier text', () => {
    const t = new EchoTracker();
    t.emitted('a', 0);
    t.emitted('ab', 1);
    t.emitted('a', 2);
    expect(t.isEcho('a', 3)).toBe(true);
    expect(t.isEcho('ab', 3)).toBe(true);
    expect(t.isEcho('a', 3)).toBe(true);
    expect(t.isEcho('ab', 4)).toBe(false);
  });

  it('forgets emits the parent skipped once they are too old to be in flight', () => {
    const t = new EchoTracker();
    t.emitted('a', 0);
    t.emitted('ab', 1);
    t.emitted('a', 2);
    // Renders coalesced: the parent only ever showed the last "a".
    expect(t.isEcho('a', 3)).toBe(true);
    // Much later a history click sets "ab": a real change, not an echo.
    expect(t.isEcho('ab', 60_000)).toBe(false);
  });

  it('stays bounded when the parent never mirrors', () => {
    const fill = () => {
      const t = new EchoTracker();
      for (let i = 0; i < 1000; i++) t.emitted(`q${i}`, 0);
      return t;
    };
    expect(fill().isEcho('q900', 0)).toBe(true); // the last 100 are kept
    expect(fill().isEcho('q899', 0)).toBe(false);
  });
});
