import { describe, expect, it } from 'vitest';
import { heatmapOptions, heatmapSettings, heatmapSource } from './heatmap-settings.ts';

describe('heatmapSettings: current Grafana options', () => {
  it('reads colour, axis, gap, filter and visibility', () => {
    const s = heatmapSettings({
      options: {
        calculate: false,
        cellGap: 2,
        cellValues: { decimals: 1 },
        color: {
          mode: 'scheme',
          scheme: 'Spectral',
          scale: 'exponential',
          exponent: 0.5,
          steps: 128,
          reverse: false,
          min: 0,
        },
        filterValues: { le: 1e-9 },
        legend: { show: false },
        yAxis: { unit: 's', decimals: 0, reverse: true, axisPlacement: 'left', min: '0' },
      },
      fieldConfig: { defaults: { unit: 'ms' } },
    });
    expect(s).toMatchObject({
      calculate: false,
      cellGap: 2,
      cellDecimals: 1,
      unit: 's', // yAxis.unit wins over the field unit
      decimals: 0,
      reverse: true,
      hideAtOrBelow: 1e-9,
      showLegend: false,
      showTooltip: true,
      showYAxis: true,
    });
    expect(s.color).toEqual({
      mode: 'scheme',
      scheme: 'Spectral',
      fill: 'dark-orange',
      scale: 'exponential',
      exponent: 0.5,
      steps: 128,
      reverse: false,
      min: 0,
    });
  });

  it('falls back to the field unit, then to Grafana defaults', () => {
    const s = heatmapSettings({
      options: { yAxis: {} },
      fieldConfig: { defaults: { unit: 'bytes' } },
    });
    expect(s.unit).toBe('bytes');
    expect(s.color.scheme).toBe('Oranges');
    expect(s.color.steps).toBe(64);
    expect(s.cellGap).toBe(1);
    expect(s.showLegend).toBe(true);
  });

  it('reads calculate mode with its bucket count', () => {
    const s = heatmapSettings({
      options: { calculate: true, calculation: { yBuckets: { mode: 'count', value: '20' } } },
    });
    expect(s.calculate).toBe(true);
    expect(s.yBuckets).toEqual({ count: 20 });
  });
});

describe('heatmapSettings: the old Angular heatmap (no options)', () => {
  // As in shared/fixtures/grafana/unbound-full.json, without the newer options.
  const legacy = {
    type: 'heatmap',
    cards: { cardPadding: 0, cardRound: null },
    color: {
      cardColor: '#3274D9',
      colorScale: 'sqrt',
      colorScheme: 'interpolateSpectral',
      exponent: 0.5,
      mode: 'spectrum',
    },
    dataFormat: 'tsbuckets',
    hideZeroBuckets: true,
    legend: { show: true },
    reverseYBuckets: false,
    tooltip: { show: true, showHistogram: true },
    tooltipDecimals: 3,
    yAxis: { decimals: 0, format: 's', logBase: 1, min: '0', show: true },
  };

  it('maps dataFormat, yAxis.format, colorScheme and cards as Grafana migrates them', () => {
    const s = heatmapSettings(legacy);
    expect(s.calculate).toBe(false);
    expect(s.unit).toBe('s');
    expect(s.decimals).toBe(0);
    expect(s.cellDecimals).toBe(3);
    expect(s.cellGap).toBe(1); // padding 0 → Grafana's 1
    expect(s.color.mode).toBe('scheme');
    expect(s.color.scheme).toBe('Spectral');
    expect(s.color.steps).toBe(128);
    expect(s.hideAtOrBelow).toBe(1e-9);
    expect(s.showLegend).toBe(true);
    expect(s.showTooltip).toBe(true);
  });

  it('opacity mode keeps the card colour; an inverted min/max becomes a reversed scale', () => {
    const s = heatmapSettings({
      dataFormat: 'timeseries',
      color: { mode: 'opacity', cardColor: '#b4ff00', colorScale: 'linear', min: 10, max: 2 },
      yAxis: { show: false },
      yBucketNumber: 8,
    });
    expect(s.calculate).toBe(true);
    expect(s.yBuckets).toEqual({ count: 8 });
    expect(s.showYAxis).toBe(false);
    expect(s.showLegend).toBe(false); // off unless the old panel switched it on
    expect(s.hideAtOrBelow).toBeUndefined(); // zero buckets shown unless hidden
    expect(s.color).toMatchObject({
      mode: 'opacity',
      fill: '#b4ff00',
      scale: 'linear',
      min: 2,
      max: 10,
      reverse: true,
    });
  });

  it('is only used when the panel has no options at all', () => {
    expect(heatmapOptions({ ...legacy, options: { cellGap: 3 } })).toEqual({ cellGap: 3 });
    expect(heatmapOptions({ ...legacy, options: {} }).calculate).toBe(false);
  });
});

describe('heatmapSource', () => {
  const le = { le: '0.1' };
  it('calculate wins', () => {
    expect(heatmapSource({ calculate: true }, [{ refId: 'A', format: 'heatmap' }], [])).toBe(
      'calculate',
    );
  });
  it('format heatmap de-cumulates', () => {
    expect(
      heatmapSource(
        { calculate: false },
        [{ refId: 'A', format: 'heatmap' }],
        [{ refId: 'A', metric: le }],
      ),
    ).toBe('cumulative');
  });
  it('no format de-cumulates only when every series has an le label', () => {
    const targets = [{ refId: 'A' }];
    expect(heatmapSource({ calculate: false }, targets, [{ refId: 'A', metric: le }])).toBe(
      'cumulative',
    );
    expect(
      heatmapSource({ calculate: false }, targets, [
        { refId: 'A', metric: le },
        { refId: 'A', metric: {} },
      ]),
    ).toBe('buckets');
  });
  it('format time_series keeps the counts as they are (old tsbuckets)', () => {
    expect(
      heatmapSource(
        { calculate: false },
        [{ refId: 'A', format: 'time_series' }],
        [{ refId: 'A', metric: le }],
      ),
    ).toBe('buckets');
  });
});
