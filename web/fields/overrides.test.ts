import { describe, expect, it } from 'vitest';
import type { FieldOverride } from './overrides.ts';
import { fieldConfigFor, matches, resolveFields, setProperty } from './overrides.ts';

const target = { name: '/api/orders', refId: 'B', labels: { route: '/api/orders', code: '200' } };

describe('matches', () => {
  it('byName compares the whole series name', () => {
    expect(matches({ id: 'byName', options: '/api/orders' }, target)).toBe(true);
    expect(matches({ id: 'byName', options: '/api' }, target)).toBe(false);
  });

  it('byRegexp anchors bare patterns and reads /re/flags', () => {
    expect(matches({ id: 'byRegexp', options: '/api/.*' }, target)).toBe(true);
    expect(matches({ id: 'byRegexp', options: 'orders' }, target)).toBe(false);
    expect(matches({ id: 'byRegexp', options: '/ORDERS/i' }, target)).toBe(true);
    expect(matches({ id: 'byRegexp', options: '(' }, target)).toBe(false);
    expect(matches({ id: 'byRegexp', options: '' }, target)).toBe(false);
  });

  it('byFrameRefID, byNames and byType', () => {
    expect(matches({ id: 'byFrameRefID', options: 'B' }, target)).toBe(true);
    expect(matches({ id: 'byFrameRefID', options: 'A' }, target)).toBe(false);
    const names = { mode: 'include', names: ['/api/orders', 'x'] };
    expect(matches({ id: 'byNames', options: names }, target)).toBe(true);
    expect(matches({ id: 'byNames', options: { ...names, mode: 'exclude' } }, target)).toBe(false);
    expect(matches({ id: 'byType', options: 'number' }, target)).toBe(true);
    expect(matches({ id: 'byValue', options: {} }, target)).toBe(false);
    expect(matches(undefined, target)).toBe(false);
  });
});

describe('fieldConfigFor', () => {
  const defaults = { unit: 'reqps', decimals: 1, custom: { lineWidth: 1, fillOpacity: 10 } };
  const overrides: FieldOverride[] = [
    {
      matcher: { id: 'byRegexp', options: '/api/.*' },
      properties: [
        { id: 'color', value: { mode: 'fixed', fixedColor: 'semi-dark-red' } },
        { id: 'custom.lineWidth', value: 3 },
        { id: 'displayName', value: 'Orders' },
      ],
    },
    { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'unit', value: 's' }] },
    { matcher: { id: 'byName', options: 'other' }, properties: [{ id: 'decimals', value: 4 }] },
  ];

  it('applies matching overrides in order over the defaults, leaving the rest', () => {
    const c = fieldConfigFor(defaults, overrides, target);
    expect(c).toEqual({
      unit: 's',
      decimals: 1,
      displayName: 'Orders',
      color: { mode: 'fixed', fixedColor: 'semi-dark-red' },
      custom: { lineWidth: 3, fillOpacity: 10 },
    });
    // The defaults object is not changed.
    expect(defaults.custom.lineWidth).toBe(1);
  });

  it('a later override wins over an earlier one', () => {
    const c = fieldConfigFor(defaults, [...overrides, overrides[1]!], {
      ...target,
      refId: 'B',
    });
    expect(c.unit).toBe('s');
    const d = fieldConfigFor(
      defaults,
      [
        { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'unit', value: 's' }] },
        {
          matcher: { id: 'byFrameRefID', options: 'B' },
          properties: [{ id: 'unit', value: 'ms' }],
        },
      ],
      target,
    );
    expect(d.unit).toBe('ms');
  });

  it('ignores malformed overrides', () => {
    const bad = [null, { matcher: { id: 'byName', options: '/api/orders' } }] as never;
    expect(fieldConfigFor(defaults, bad, target)).toEqual(defaults);
  });
});

describe('setProperty', () => {
  it('sets nested properties, creating objects on the way', () => {
    expect(setProperty({}, 'custom.hideFrom', { legend: true })).toEqual({
      custom: { hideFrom: { legend: true } },
    });
  });

  it('never writes through __proto__ or constructor', () => {
    const c = setProperty({}, '__proto__.polluted', 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(c).toEqual({});
    expect(setProperty({}, 'custom.constructor', 1)).toEqual({});
  });
});

describe('resolveFields', () => {
  it('names and colours each series from its config', () => {
    const series = [
      { label: '/api/orders', refId: 'A', metric: { route: '/api/orders' }, color: '#73BF69' },
      { label: '/health', refId: 'A', metric: { route: '/health' }, color: '#F2CC0C' },
    ];
    const fields = resolveFields(
      {
        defaults: { displayName: 'route ${__field.labels.route}' },
        overrides: [
          {
            matcher: { id: 'byRegexp', options: '/api/.*' },
            properties: [
              { id: 'color', value: { mode: 'fixed', fixedColor: 'semi-dark-red' } },
              { id: 'displayName', value: 'Orders (${__series.name})' },
            ],
          },
        ],
      },
      series,
    );
    expect(fields.map((f) => [f.name, f.color])).toEqual([
      ['Orders (/api/orders)', '#E02F44'],
      ['route /health', '#F2CC0C'],
    ]);
  });
});
