import { describe, expect, it } from 'vitest';
import { FAR, heldProps, nextNearness } from './near-viewport.ts';

describe('nextNearness', () => {
  it('loads on the first approach and stays loaded when scrolled away', () => {
    const near = nextNearness(FAR, true);
    expect(near).toEqual({ loaded: true, near: true });
    expect(nextNearness(near, false)).toEqual({ loaded: true, near: false });
  });

  it('stays unloaded while never near, and keeps the same object when nothing changed', () => {
    expect(nextNearness(FAR, false)).toBe(FAR);
    const near = nextNearness(FAR, true);
    expect(nextNearness(near, true)).toBe(near);
  });
});

describe('heldProps', () => {
  it('follows the current props while near, and holds the last ones while away', () => {
    const a = { time: 1 };
    const b = { time: 2 };
    expect(heldProps(true, a, undefined)).toBe(a);
    expect(heldProps(false, b, a)).toBe(a); // away: the tick to 2 does not reach it
    expect(heldProps(true, b, a)).toBe(b); // back: catches up at once
    expect(heldProps(false, b, undefined)).toBe(b);
  });
});
