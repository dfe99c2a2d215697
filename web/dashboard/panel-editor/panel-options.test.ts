import { describe, expect, it } from 'vitest';
import {
  addTarget,
  nextRefId,
  removeTarget,
  setTarget,
  unitGroups,
  unitName,
} from './panel-options.ts';

describe('queries', () => {
  it('a new query takes the first free letter', () => {
    expect(nextRefId([{ refId: 'A' }, { refId: 'C' }])).toBe('B');
    expect(nextRefId([])).toBe('A');
    const all = Array.from({ length: 26 }, (_, i) => ({ refId: String.fromCharCode(65 + i) }));
    expect(nextRefId(all)).toBe('Q27');
  });

  it('adds, edits and removes targets, keeping their other fields', () => {
    let p = { targets: [{ refId: 'A', expr: 'up', datasource: { uid: 'x' } }] };
    p = addTarget(p) as typeof p;
    expect(p.targets.map((t) => t.refId)).toEqual(['A', 'B']);
    const edited = setTarget(p, 0, { legendFormat: '{{job}}', interval: undefined });
    expect(edited.targets).toEqual([
      { refId: 'A', expr: 'up', datasource: { uid: 'x' }, legendFormat: '{{job}}' },
      { refId: 'B', expr: '' },
    ]);
    expect(removeTarget(edited, 0).targets).toEqual([{ refId: 'B', expr: '' }]);
  });
});

describe('unitGroups', () => {
  it('offers Grafana’s whole catalogue by category', () => {
    const all = unitGroups('');
    expect(all.map((g) => g.category)).toContain('Data rate');
    expect(all.flatMap((g) => g.units).length).toBeGreaterThan(250);
    expect(all.find((g) => g.category === 'Time')?.units.map(([id]) => id)).toContain(
      'dtdurations',
    );
  });

  it('narrows to units whose name, id or category holds every word', () => {
    const ids = (q: string) => unitGroups(q).flatMap((g) => g.units.map(([id]) => id));
    expect(ids('kibibytes/sec')).toEqual(['KiBs']);
    expect(ids('DURATION hh')).toEqual(['dthms', 'dtdhms']);
    expect(ids('bool')).toEqual(['bool', 'bool_yes_no', 'bool_on_off']);
    expect(unitGroups('currency eur')).toEqual([
      { category: 'Currency', units: [['currencyEUR', 'Euro (€)']] },
    ]);
    expect(unitGroups('no such unit')).toEqual([]);
  });

  it('names a catalogue id by category, and no custom unit', () => {
    expect(unitName('bytes')).toBe('Data / bytes(IEC)');
    expect(unitName('suffix:widgets')).toBeUndefined();
  });
});
