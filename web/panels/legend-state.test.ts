import { describe, expect, it } from 'vitest';
import { nextHidden } from './legend-state.ts';

const keys = ['a', 'b', 'c'];

describe('nextHidden', () => {
  it('isolates the clicked series, and a second click shows all again', () => {
    const isolated = nextHidden(keys, new Set(), 'b', false);
    expect([...isolated].sort()).toEqual(['a', 'c']);
    expect(nextHidden(keys, isolated, 'b', false).size).toBe(0);
  });

  it('isolates another series when one is already isolated', () => {
    expect([...nextHidden(keys, new Set(['a', 'c']), 'a', false)].sort()).toEqual(['b', 'c']);
  });

  it('toggles just one series with ctrl/cmd', () => {
    const hidden = nextHidden(keys, new Set(), 'a', true);
    expect([...hidden]).toEqual(['a']);
    expect(nextHidden(keys, hidden, 'a', true).size).toBe(0);
  });
});
