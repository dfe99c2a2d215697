import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { markDrawn } from './drawn-attrs.ts';

const mark = (data: uPlot.AlignedData) => {
  const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
  markDrawn(root, data.length - 1, 3, data);
  return { ...root.dataset };
};

describe('markDrawn', () => {
  it('writes the series, samples, last instant and first instant with a value', () => {
    expect(
      mark([
        [100, 110, 120, 130],
        [null, null, 1, 2],
        [null, null, null, 5],
      ]),
    ).toEqual({ series: '2', samples: '3', end: '130', start: '120' });
  });

  it('leaves start and end empty when nothing is drawn', () => {
    expect(mark([[], []])).toEqual({ series: '1', samples: '3', end: '', start: '' });
    expect(mark([[100], [null]])).toMatchObject({ end: '100', start: '' });
  });
});
