import { describe, expect, it } from 'vitest';
import { colorIndex, colorRange, palette, schemeName } from './heatmap-color.ts';
import { type ColorSettings, DEFAULT_COLOR } from './heatmap-defaults.ts';

const settings = (c: Partial<ColorSettings>): ColorSettings => ({ ...DEFAULT_COLOR, ...c });

describe('palette', () => {
  it('Oranges on a dark theme runs from dark brown (low) to pale (high), like Grafana', () => {
    const p = palette(settings({ steps: 9 }));
    expect(p).toHaveLength(9);
    expect(p[0]).toBe('#7f2704');
    expect(p[8]).toBe('#fff5eb');
    expect(p[4]).toBe('#fd8d3c');
  });

  it('interpolates between the scheme anchors', () => {
    const p = palette(settings({ steps: 17 }));
    // Half way between #7f2704 and #a63603.
    expect(p[1]).toBe('#932f04');
  });

  it('reverse on a scheme Grafana already flips changes nothing, as in Grafana', () => {
    expect(palette(settings({ reverse: true, steps: 5 }))).toEqual(palette(settings({ steps: 5 })));
  });

  it('reverse flips a scheme Grafana keeps (Viridis)', () => {
    const p = palette(settings({ scheme: 'Viridis', steps: 2 }));
    expect(p).toEqual(['#440154', '#fde725']);
    expect(palette(settings({ scheme: 'Viridis', steps: 2, reverse: true }))).toEqual([
      '#fde725',
      '#440154',
    ]);
  });

  it('an unknown scheme falls back to Oranges', () => {
    expect(palette(settings({ scheme: 'Nope', steps: 3 }))).toEqual(
      palette(settings({ steps: 3 })),
    );
  });

  it('opacity mode raises alpha along t^exponent', () => {
    const p = palette(settings({ mode: 'opacity', fill: '#3274D9', steps: 5, exponent: 0.5 }));
    expect(p[0]).toBe('rgba(50, 116, 217, 0)');
    expect(p[1]).toBe('rgba(50, 116, 217, 0.5)'); // 0.25^0.5
    expect(p[4]).toBe('rgba(50, 116, 217, 1)');
    const linear = palette(
      settings({ mode: 'opacity', fill: 'dark-orange', scale: 'linear', steps: 5 }),
    );
    expect(linear[1]).toBe('rgba(250, 100, 0, 0.25)');
  });
});

describe('schemeName', () => {
  it.each([
    ['Spectral', 'Spectral'],
    ['interpolateSpectral', 'Spectral'],
    ['interpolateBlues', 'Blues'],
    ['Unknown', undefined],
    [undefined, undefined],
  ])('%s → %s', (name, expected) => {
    expect(schemeName(name)).toBe(expected);
  });
});

describe('colorIndex', () => {
  it('maps linearly from min to max over the steps', () => {
    expect(colorIndex(0, 0, 100, 64)).toBe(0);
    expect(colorIndex(50, 0, 100, 64)).toBe(32);
    expect(colorIndex(100, 0, 100, 64)).toBe(63);
    expect(colorIndex(500, 0, 100, 64)).toBe(63);
    expect(colorIndex(-5, 0, 100, 64)).toBe(0);
  });
  it('a flat scale paints everything at the top colour', () => {
    expect(colorIndex(3, 3, 3, 64)).toBe(63);
  });
});

describe('colorRange', () => {
  it('fixed ends win over the data', () => {
    expect(colorRange(settings({}), 2, 40)).toEqual([2, 40]);
    expect(colorRange(settings({ min: 0, max: 10 }), 2, 40)).toEqual([0, 10]);
  });
});
