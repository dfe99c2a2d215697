import { describe, expect, it } from 'vitest';
import {
  findNextStateIndex,
  historyBoxes,
  stateBoxes,
  thresholdItems,
  thresholdStep,
  timeSplits,
  unsetSameFutureValues,
} from './timeline.ts';

const u = undefined;
const show = (v: number) => ({ text: v === 1 ? 'UP' : 'DOWN', color: v === 1 ? 'green' : 'red' });

describe('state timeline', () => {
  // public/app/plugins/panel/state-timeline/utils.test.ts "will merge duplicate values".
  it('merges repeats of a value until it changes or a gap comes, as unsetSameFutureValues', () => {
    expect(unsetSameFutureValues([1, 1, u, 1, 2, 2, null, 2, 3])).toEqual([
      1,
      u,
      u,
      u,
      2,
      u,
      null,
      2,
      3,
    ]);
  });

  // utils.test.ts "findNextStateIndex".
  it('finds where the next state starts, as findNextStateIndex', () => {
    expect(findNextStateIndex([1, u, u, 2, u, u], 0)).toBe(3);
    expect(findNextStateIndex([1, u, u, 2, u, 3], 5)).toBeNull();
    expect(findNextStateIndex([1, u, u, 2, u, 3, u], 5)).toBeNull();
    expect(findNextStateIndex([1, u, u, 3, u, u, u, u, 2, u, u], 3)).toBe(8);
    expect(findNextStateIndex([1, 3, 2], 0)).toBe(1);
    expect(findNextStateIndex([1, 3, 2], 2)).toBeNull();
    expect(findNextStateIndex([1, 3, 2], 1)).toBe(2);
  });

  it('draws a box per run: from its first sample to the next change, a gap ends it', () => {
    const input = {
      xs: [0, 10, 20, 30, 40, 50, 60],
      ys: [1, 1, 0, 0, null, 1, 1],
      step: 10,
      range: [0, 70] as const,
      show,
    };
    expect(stateBoxes(input, true).map((b) => [b.start, b.end, b.text, b.color])).toEqual([
      [0, 20, 'UP', 'green'],
      [20, 40, 'DOWN', 'red'],
      [50, 70, 'UP', 'green'],
    ]);
    // Unmerged: a box per sample, each to the next.
    expect(stateBoxes(input, false).map((b) => [b.start, b.end])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [50, 60],
      [60, 70],
    ]);
    // The last state stops at the end of the range drawn.
    expect(stateBoxes({ ...input, range: [5, 65] }, true).map((b) => [b.start, b.end])).toEqual([
      [5, 20],
      [20, 40],
      [50, 65],
    ]);
  });

  it('merges by threshold step with colour mode thresholds, labelled as getThresholdItems', () => {
    const steps = [
      { color: 'green', value: null },
      { color: 'red', value: 80 },
    ];
    const key = (v: number) => thresholdStep(v, steps, 'absolute', [0, 100]);
    const boxes = stateBoxes(
      {
        xs: [0, 1, 2, 3],
        ys: [10, 50, 90, 95],
        step: 1,
        range: [0, 4],
        show: (v) => ({ text: String(v), color: '' }),
      },
      true,
      key,
    );
    expect(boxes.map((b) => [b.start, b.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(thresholdItems(steps, String)).toEqual([
      { label: '< 80', color: 'green' },
      { label: '80+', color: 'red' },
    ]);
    // Percentage steps read against the range: 80 % of 0–200 is 160.
    expect(thresholdStep(150, steps, 'percentage', [0, 200])).toBe(0);
    expect(thresholdStep(170, steps, 'percentage', [0, 200])).toBe(1);
  });
});

describe('status history', () => {
  it('draws one box per sample, colWidth of the step, centred on it', () => {
    const boxes = historyBoxes(
      { xs: [0, 10, 20], ys: [1, null, 0], step: 10, range: [-5, 25], show },
      0.9,
    );
    expect(boxes.map((b) => [b.start, b.end, b.text])).toEqual([
      [-4.5, 4.5, 'UP'],
      [15.5, 24.5, 'DOWN'],
    ]);
  });
});

describe('timeSplits', () => {
  it('puts round ticks about every 100 px', () => {
    expect(timeSplits(0, 3600, 600)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(timeSplits(10, 70, 300)).toEqual([30, 60]);
    expect(timeSplits(0, 0, 300)).toEqual([]);
  });
});

describe('thresholdItems', () => {
  it('names a lone base step by its value, as getThresholdItems', () => {
    expect(thresholdItems([{ color: 'green', value: null }], String)).toEqual([
      { label: '-Infinity+', color: 'green' },
    ]);
  });
});
