import { describe, expect, it } from 'vitest';
import { continuousColor, displayValue } from './field-display.ts';

const thresholds = {
  mode: 'absolute',
  steps: [
    { color: 'green', value: null },
    { color: 'red', value: 10 },
  ],
};

describe('displayValue', () => {
  it('formats in the unit and colours by thresholds by default', () => {
    expect(displayValue({ unit: 's', decimals: 1, thresholds }, 12, '#123456')).toEqual({
      text: '12.0 s',
      color: '#F2495C',
      mapped: false,
    });
  });

  it('lets a value mapping replace the text and the colour', () => {
    const mappings = [{ type: 'value' as const, options: { '1': { text: 'UP', color: 'blue' } } }];
    expect(displayValue({ thresholds, mappings }, 1, '#123456')).toEqual({
      text: 'UP',
      color: '#5794F2',
      mapped: true,
    });
    // A mapping with a colour only keeps the formatted value.
    const colourOnly = [
      { type: 'range' as const, options: { from: 0, to: 5, result: { color: 'purple' } } },
    ];
    expect(displayValue({ unit: 'percent', mappings: colourOnly }, 2, '#123456')).toEqual({
      text: '2%',
      color: '#B877D9',
      mapped: true,
    });
  });

  it('uses a fixed colour or the palette colour when the colour mode says so', () => {
    expect(
      displayValue({ thresholds, color: { mode: 'fixed', fixedColor: 'dark-blue' } }, 99, '#123456')
        .color,
    ).toBe('#1F60C4');
    expect(
      displayValue({ thresholds, color: { mode: 'palette-classic' } }, 99, '#123456').color,
    ).toBe('#123456');
  });
});

describe('continuous colour schemes', () => {
  it("runs from the scheme's first colour to its last as d3's interpolateRgbBasis", () => {
    const grylrd = ['green', 'yellow', 'red'];
    expect(continuousColor(grylrd, 0)).toBe('rgb(115, 191, 105)'); // #73BF69
    expect(continuousColor(grylrd, 1)).toBe('rgb(242, 73, 92)'); // #F2495C
    // Halfway: (green + 4 × yellow + red) / 6, the B-spline's weights at a knot.
    expect(continuousColor(grylrd, 0.5)).toBe('rgb(226, 192, 61)');
  });

  it("colours a value by its place in the field's range (state timeline's default)", () => {
    const config = { color: { mode: 'continuous-GrYlRd' } };
    expect(displayValue(config, 0, '#123456', [0, 1]).color).toBe('rgb(115, 191, 105)');
    expect(displayValue(config, 1, '#123456', [0, 1]).color).toBe('rgb(242, 73, 92)');
    // Without a range (a table cell), thresholds as before.
    expect(displayValue(config, 1, '#123456').color).toBe('#73BF69');
  });
});
