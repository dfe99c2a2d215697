// The lazy unit catalogue: common units format with no catalogue and no waiting; a rare unit
// formats right once the catalogue is in; the fast path agrees with the catalogue.
import { describe, expect, it } from 'vitest';
import { unitFormatter } from './unit-catalogue.ts';
import { COMMON_UNITS } from './unit-common.ts';
import { joinFormatted } from './unit-number.ts';
import { formatValue, unitReady, unitsIn, unitsReady } from './units.ts';

describe('lazy unit catalogue', () => {
  it('common units need no catalogue: a panel in them does not wait', () => {
    expect(unitsReady(['bytes', 's', 'percent', 'reqps', 'short'])).toBeUndefined();
    expect(formatValue(1536, 'bytes')).toBe('1.50 KiB');
    expect(formatValue(0.25, 's')).toBe('250 ms');
  });

  it('a rare unit waits for the catalogue, then formats as Grafana does', async () => {
    expect(unitReady('lengthmm')).toBe(false);
    const wait = unitsReady(['bytes', 'lengthmm']);
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(unitReady('lengthmm')).toBe(true);
    expect(formatValue(1500, 'lengthmm')).toBe(joinFormatted(unitFormatter('lengthmm')(1500)));
    expect(formatValue(1500, 'lengthmm')).toBe('1.50 m');
    expect(formatValue(3, 'suffix:widgets')).toBe('3 widgets');
  });

  it('each common unit formats as the catalogue does', () => {
    for (const [id, fn] of COMMON_UNITS) {
      for (const v of [0, 0.000123, 0.5, 1, 42, 1536, 1e6, 3.6e6, 1e12, -2048]) {
        expect(joinFormatted(fn(v)), `${id} ${v}`).toBe(joinFormatted(unitFormatter(id)(v)));
        expect(joinFormatted(fn(v, 1)), `${id} ${v}`).toBe(joinFormatted(unitFormatter(id)(v, 1)));
      }
    }
  });

  it('finds the units a dashboard names, in defaults and overrides', () => {
    const dash = {
      panels: [
        { fieldConfig: { defaults: { unit: 'bytes' }, overrides: [] } },
        {
          type: 'row',
          panels: [
            {
              fieldConfig: {
                defaults: {},
                overrides: [{ matcher: {}, properties: [{ id: 'unit', value: 'lengthmm' }] }],
              },
            },
          ],
        },
      ],
    };
    expect([...unitsIn(dash)].sort()).toEqual(['bytes', 'lengthmm']);
  });
});
