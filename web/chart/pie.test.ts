import { describe, expect, it } from 'vitest';
import {
  compareByValue,
  labelPosition,
  type PieItem,
  percentText,
  pieLayout,
  pieSlices,
  pieTotal,
  slicePath,
} from './pie.ts';

const item = (name: string, value: number | null, extra: Partial<PieItem> = {}): PieItem => ({
  key: name,
  name,
  value,
  color: '#73BF69',
  text: String(value),
  ...extra,
});

describe('pie chart', () => {
  // public/app/plugins/panel/piechart/PieChartPanel.test.tsx, comparePieChartItemsByValue.
  it('sorts as comparePieChartItemsByValue: no value last, then by value, or not at all', () => {
    const cases: [Parameters<typeof compareByValue>[0], number, number, number][] = [
      ['desc', Number.NaN, 1, 1],
      ['desc', 1, Number.NaN, -1],
      ['desc', 10, 5, -5],
      ['asc', 5, 10, -5],
      ['none', 5, 10, 0],
    ];
    for (const [sort, a, b, expected] of cases) {
      expect(compareByValue(sort)({ value: a }, { value: b })).toBe(expected);
    }
    expect(compareByValue('desc')({ value: null }, { value: 3 })).toBe(1);
  });

  // PieChartPanel.test.tsx "display labels": Chrome 60 and Firefox 40 give 60 % and 40 %,
  // in descending order.
  it('gives each slice its share of the total as its angle, largest first', () => {
    const slices = pieSlices([item('Firefox', 40), item('Chrome', 60)], 'desc');
    expect(slices.map((s) => s.name)).toEqual(['Chrome', 'Firefox']);
    expect(slices[0]!.start).toBe(0);
    expect(slices[0]!.end).toBeCloseTo(0.6 * 2 * Math.PI);
    expect(slices[1]!.start).toBeCloseTo(0.6 * 2 * Math.PI);
    expect(slices[1]!.end).toBeCloseTo(2 * Math.PI);
    const total = pieTotal(slices);
    expect(slices.map((s) => percentText(s.value, total))).toEqual(['60%', '40%']);
    expect(percentText(1, 3, 2)).toBe('33.33%');
    expect(pieSlices([item('a', 1), item('b', 3)], 'none').map((s) => s.name)).toEqual(['a', 'b']);
  });

  // "when series override to hide viz": Firefox leaves the pie, stays in the legend.
  it('leaves out hidden series and series without a value; a negative value takes no angle', () => {
    const items = [item('Chrome', 60), item('Firefox', 20, { hidden: true }), item('Safari', 20)];
    expect(pieSlices(items, 'desc').map((s) => s.name)).toEqual(['Chrome', 'Safari']);
    expect(pieTotal(items)).toBe(80);
    expect(pieSlices([item('a', null), item('b', 5)], 'desc').map((s) => s.name)).toEqual(['b']);
    const [pos, neg] = pieSlices([item('a', 5), item('b', -1)], 'desc');
    expect(pos!.end - pos!.start).toBeCloseTo(2 * Math.PI);
    expect(neg!.end - neg!.start).toBe(0);
    expect(percentText(null, 10)).toBe('-');
    expect(percentText(5, 0)).toBe('-');
  });

  it('lays out a pie and a donut as getPieLayout', () => {
    // The test panel is 532 × 250: the pie fits the height.
    expect(pieLayout(532, 250, false)).toEqual({ size: 250, outer: 109, inner: 0 });
    const donut = pieLayout(532, 250, true);
    expect(donut.inner).toBeCloseTo(109 - 109 / 3);
    // A small donut keeps a 20 px ring.
    expect(pieLayout(80, 80, true)).toEqual({ size: 80, outer: 24, inner: 4 });
  });

  it('draws slices as SVG paths, a whole turn as two half arcs', () => {
    // A quarter from 12 o'clock to 3 o'clock around (50, 50), radius 40.
    expect(slicePath(50, 50, 40, 0, 0, Math.PI / 2)).toBe(
      'M 50.00 10.00 A 40.00 40.00 0 0 1 90.00 50.00 L 50.00 50.00 Z',
    );
    expect(slicePath(50, 50, 40, 20, 0, Math.PI / 2)).toBe(
      'M 50.00 10.00 A 40.00 40.00 0 0 1 90.00 50.00 L 70.00 50.00 A 20.00 20.00 0 0 0 50.00 30.00 Z',
    );
    expect(slicePath(50, 50, 40, 0, 0, 2 * Math.PI)).toContain('A 40.00 40.00 0 1 1 50.00 90.00');
    expect(slicePath(50, 50, 40, 0, 1, 1)).toBe('');
  });

  // "suppresses the label for a slice too small to fit one (< 0.3 rad)": Big 990, Tiny 10.
  it('labels a slice halfway out, and not one under 0.3 rad', () => {
    const [big, tiny] = pieSlices([item('Big', 990), item('Tiny', 10)], 'desc');
    expect(labelPosition(tiny!, 0, 0, 100, 0)).toBeNull();
    const [x, y] = labelPosition(big!, 0, 0, 120, 0)!;
    expect(Math.hypot(x, y)).toBeCloseTo((120 + 20) / 2);
  });
});
