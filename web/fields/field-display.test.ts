import { describe, expect, it } from 'vitest';
import { continuousColor, displayValue } from './field-display.ts';
import type { ValueMapping } from './mappings.ts';

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

// What the import writes for an old singlestat (GF v28.singlestat_migration, panel 4, and the
// range/null cases of DMT "when migrating old value mapping model"), drawn by the stat helpers.
describe('displayValue of migrated singlestat mappings', () => {
  const migrated = {
    thresholds: {
      mode: 'absolute',
      steps: [
        { color: '#FF0000', value: null },
        { color: 'green', value: 10 },
        { color: 'orange', value: 20 },
      ],
    },
    mappings: [
      { type: 'value' as const, options: { '20': { text: 'test' } } },
      { type: 'value' as const, options: { '40': { text: '50', color: 'orange' } } },
      { type: 'range' as const, options: { from: 0, to: 5, result: { text: 'low' } } },
      {
        type: 'special' as const,
        options: { match: 'null' as const, result: { text: 'N/A' } },
      },
    ] as ValueMapping[],
  };

  it('a value mapping: its text, the threshold colour when it has none', () => {
    expect(displayValue(migrated, 20, '#123456')).toEqual({
      text: 'test',
      color: '#FF9830',
      mapped: true,
    });
  });

  it('a value mapping with a colour: its text and colour', () => {
    expect(displayValue(migrated, 40, '#123456')).toEqual({
      text: '50',
      color: '#FF9830',
      mapped: true,
    });
  });

  it('a range mapping: its text, coloured by the base step', () => {
    expect(displayValue(migrated, 3, '#123456')).toEqual({
      text: 'low',
      color: '#FF0000',
      mapped: true,
    });
  });

  it('the null mapping: its text for no value', () => {
    expect(displayValue(migrated, null, '#123456')).toMatchObject({ text: 'N/A', mapped: true });
  });

  it('an unmapped value: formatted, coloured by its step', () => {
    expect(displayValue(migrated, 12, '#123456')).toEqual({
      text: '12',
      color: '#73BF69',
      mapped: false,
    });
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
