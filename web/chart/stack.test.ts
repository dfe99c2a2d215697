import { describe, expect, it } from 'vitest';
import type { DrawnSeries } from './stack.ts';
import { drawnColumns, isolatedIndices, stackBands, stackGroups } from './stack.ts';

type Col = (number | null | undefined)[];

/** What uPlot draws of these columns, as Grafana's preparePlotData2(df, getStackingGroups(df)). */
function drawn(cols: Col[], series: Partial<DrawnSeries>[]) {
  const spec = series.map((s) => ({ show: true, ...s }));
  return drawnColumns(cols, spec, stackGroups(cols, spec));
}

const stackA = { stack: { mode: 'normal' as const, group: 'stackA' } };
const stackB = { stack: { mode: 'normal' as const, group: 'stackB' } };
const negY = { negativeY: true };

// Cases transcribed from Grafana's packages/grafana-ui/src/components/uPlot/utils.test.ts
// ("preparePlotData2": transforms and stacking), the time column left out.
describe("Grafana's preparePlotData2 cases", () => {
  const a = [-10, -20, 10];
  const b = [10, 10, 10];
  const c = [20, 20, 20];

  it('nothing to do: the values as they are', () => {
    expect(drawn([a, b, c], [{}, {}, {}])).toEqual([a, b, c]);
  });

  it('negative-y transform', () => {
    expect(drawn([a, b, c], [{}, {}, negY])).toEqual([a, b, [-20, -20, -20]]);
  });

  it('negative-y transform with null/undefined values (gaps stay gaps)', () => {
    expect(
      drawn(
        [
          [-10, -20, 10, -30],
          [10, 10, 10, null],
          [null, 20, 20, 20],
          [20, 20, 20, null],
          [20, null, 20, 20],
          [20, undefined, 20, 20],
        ],
        [{}, {}, negY, negY, negY, negY],
      ),
    ).toEqual([
      [-10, -20, 10, -30],
      [10, 10, 10, null],
      [null, -20, -20, -20],
      [-20, -20, -20, null],
      [-20, null, -20, -20],
      [-20, null, -20, -20],
    ]);
  });

  it('stacking none', () => {
    expect(
      drawn(
        [a, b, c],
        [{}, {}, {}].map(() => ({ stack: undefined })),
      ),
    ).toEqual([a, b, c]);
  });

  it('standard: a series starting negative stacks downwards, on its own', () => {
    expect(drawn([a, b, c], [stackA, stackA, stackA])).toEqual([a, b, [30, 30, 30]]);
  });

  it('standard with negative y transform', () => {
    expect(
      drawn(
        [a, b, c, [10, 10, 10]],
        [stackA, stackA, { ...stackA, ...negY }, { ...stackA, ...negY }],
      ),
    ).toEqual([a, b, [-30, -40, -10], [-40, -50, -20]]);
  });

  it('standard with multiple groups', () => {
    const d = [1, 2, 3];
    expect(drawn([a, b, c, d, d, d], [stackA, stackA, stackA, stackB, stackB, stackB])).toEqual([
      a,
      b,
      [30, 30, 30],
      [1, 2, 3],
      [2, 4, 6],
      [3, 6, 9],
    ]);
  });

  it('standard with multiple groups and hidden fields', () => {
    const d = [1, 2, 3];
    expect(
      drawn(
        [a, b, d, d, d],
        [{ ...stackA, show: false }, stackA, stackB, { ...stackB, show: false }, stackB],
      ),
    ).toEqual([a, b, [1, 2, 3], [1, 2, 3], [2, 4, 6]]);
  });
});

describe('stacking, beyond the Grafana cases', () => {
  it('a gap takes the running total where its group has values, else stays a gap', () => {
    // Grafana: "accumulates stacks only at indices where stacking group has at least 1 value".
    expect(
      drawn(
        [
          [1, null, null],
          [10, 20, null],
          [5, 5, 5],
        ],
        [stackA, stackA, {}],
      ),
    ).toEqual([
      [1, 0, null],
      [11, 20, null],
      [5, 5, 5],
    ]);
  });

  it('a "Total" not stacked is drawn as it is over the stacked parts', () => {
    const used = [4, 6];
    const cached = [2, 2];
    const total = [16, 16];
    expect(drawn([used, cached, total], [stackA, stackA, { stack: undefined }])).toEqual([
      [4, 6],
      [6, 8],
      [16, 16],
    ]);
  });

  it('percent: each running total over the group total, topping out at 1', () => {
    const pct = { stack: { mode: 'percent' as const, group: 'A' } };
    expect(
      drawn(
        [
          [1, 3, 0],
          [1, 1, 0],
          [2, 0, 0],
        ],
        [pct, pct, pct],
      ),
    ).toEqual([
      [0.25, 0.75, 0],
      [0.5, 1, 0],
      [1, 1, 0],
    ]);
    // Below zero (negative-Y), the percent stack runs from 0 to −1.
    expect(
      drawn(
        [[1], [3]],
        [
          { ...pct, ...negY },
          { ...pct, ...negY },
        ],
      ),
    ).toEqual([[-0.25], [-1]]);
  });

  it('stacks never cross scales or draw styles', () => {
    const cols = [[1], [1], [1]];
    expect(drawn(cols, [stackA, { ...stackA, scale: 'y2' }, stackA])).toEqual([[1], [1], [2]]);
    expect(drawn(cols, [stackA, { ...stackA, shape: 'bars' }, stackA])).toEqual([[1], [1], [2]]);
  });

  it('bands fill each stacked series down to the one below, towards zero', () => {
    const cols = [[1], [-1], [2], [-3]];
    const spec = [stackA, { ...stackA, ...negY }, stackA, stackA].map((s) => ({
      show: true,
      ...s,
    }));
    // -1 flipped is 1: it joins the upward stack; -3 stacks downwards alone.
    expect(stackGroups(cols, spec)).toEqual([
      { series: [0, 1, 2], dir: 1, percent: false },
      { series: [3], dir: -1, percent: false },
    ]);
    expect(stackBands(stackGroups(cols, spec))).toEqual([
      { series: [3, 2], dir: -1 },
      { series: [2, 1], dir: -1 },
    ]);
  });

  it('copes with no columns', () => {
    expect(drawn([], [])).toEqual([]);
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
