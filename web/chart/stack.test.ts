import { describe, expect, it } from 'vitest';
import { isolatedIndices, stackColumns } from './stack.ts';

describe('stackColumns', () => {
  it('turns columns into running totals', () => {
    expect(
      stackColumns(
        [
          [1, 2],
          [10, 20],
          [100, 200],
        ],
        [true, true, true],
      ),
    ).toEqual([
      [1, 2],
      [11, 22],
      [111, 222],
    ]);
  });

  it('keeps gaps as gaps while the totals carry on', () => {
    expect(
      stackColumns(
        [
          [1, null],
          [10, 20],
        ],
        [true, true],
      ),
    ).toEqual([
      [1, null],
      [11, 20],
    ]);
  });

  it('leaves hidden series out of the totals', () => {
    expect(
      stackColumns(
        [
          [1, 2],
          [10, 20],
          [100, 200],
        ],
        [true, false, true],
      ),
    ).toEqual([
      [1, 2],
      [1, 2],
      [101, 202],
    ]);
  });

  it('copes with no columns', () => {
    expect(stackColumns([], [])).toEqual([]);
  });
});

describe('isolatedIndices', () => {
  it('finds values with gaps or edges on both sides', () => {
    expect(isolatedIndices([1, null, 2, 3, null, 4])).toEqual([0, 5]);
    expect(isolatedIndices([null, 5, null])).toEqual([1]);
    expect(isolatedIndices([1, 2])).toEqual([]);
    expect(isolatedIndices([])).toEqual([]);
  });
});
