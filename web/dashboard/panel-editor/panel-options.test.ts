import { describe, expect, it } from 'vitest';
import {
  addTarget,
  addThreshold,
  getIn,
  kindLabel,
  legendMode,
  nextRefId,
  parseNumberField,
  removeTarget,
  setIn,
  setLegendMode,
  setTarget,
  setThresholdSteps,
  thresholdSteps,
  toggleLegendCalc,
  unitGroups,
  unitName,
} from './panel-options.ts';

describe('setIn and getIn', () => {
  it('sets a deep path on a copy, creating what is missing, keeping the rest', () => {
    const p = {
      title: 'x',
      fieldConfig: { defaults: { unit: 's', mappings: [1] }, overrides: [2] },
    };
    const out = setIn(p, ['fieldConfig', 'defaults', 'custom', 'lineWidth'], 2);
    expect(out).toEqual({
      title: 'x',
      fieldConfig: {
        defaults: { unit: 's', mappings: [1], custom: { lineWidth: 2 } },
        overrides: [2],
      },
    });
    expect(p.fieldConfig.defaults).toEqual({ unit: 's', mappings: [1] });
    expect(getIn(out, ['fieldConfig', 'defaults', 'custom', 'lineWidth'])).toBe(2);
    expect(getIn(out, ['nope', 'deeper'])).toBeUndefined();
  });

  it('undefined removes the key', () => {
    expect(setIn({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
  });
});

describe('legend', () => {
  it('reads hidden, list and table from showLegend and displayMode', () => {
    expect(legendMode({})).toBe('list');
    expect(legendMode({ options: { legend: { showLegend: false, displayMode: 'table' } } })).toBe(
      'hidden',
    );
    expect(legendMode({ options: { legend: { displayMode: 'hidden' } } })).toBe('hidden');
    expect(legendMode({ options: { legend: { displayMode: 'table' } } })).toBe('table');
  });

  it('writes Grafana’s fields, keeping placement and calcs', () => {
    const p = { options: { legend: { placement: 'right', calcs: ['mean'], displayMode: 'list' } } };
    expect(setLegendMode(p, 'table').options).toEqual({
      legend: { placement: 'right', calcs: ['mean'], displayMode: 'table', showLegend: true },
    });
    expect(setLegendMode(p, 'hidden').options).toEqual({
      legend: { placement: 'right', calcs: ['mean'], displayMode: 'list', showLegend: false },
    });
    expect(legendMode(setLegendMode(setLegendMode(p, 'hidden'), 'list'))).toBe('list');
  });

  it('toggles legend values in the order picked', () => {
    let p = toggleLegendCalc({}, 'max');
    p = toggleLegendCalc(p, 'mean');
    expect(getIn(p, ['options', 'legend', 'calcs'])).toEqual(['max', 'mean']);
    expect(getIn(toggleLegendCalc(p, 'max'), ['options', 'legend', 'calcs'])).toEqual(['mean']);
  });
});

describe('thresholds', () => {
  it('defaults to Grafana’s green base and red at 80', () => {
    expect(thresholdSteps({})).toEqual([
      { color: 'green', value: null },
      { color: 'red', value: 80 },
    ]);
  });

  it('keeps the base first and the rest sorted by value, and the mode', () => {
    const p = setThresholdSteps(
      { fieldConfig: { defaults: { thresholds: { mode: 'percentage', steps: [] } } } },
      [
        { color: 'red', value: 90 },
        { color: 'green', value: null },
        { color: 'orange', value: 50 },
      ],
    );
    expect(getIn(p, ['fieldConfig', 'defaults', 'thresholds'])).toEqual({
      mode: 'percentage',
      steps: [
        { color: 'green', value: null },
        { color: 'orange', value: 50 },
        { color: 'red', value: 90 },
      ],
    });
  });

  it('adds a step 10 above the highest', () => {
    const steps = thresholdSteps(addThreshold({}));
    expect(steps.map((s) => s.value)).toEqual([null, 80, 90]);
    expect(steps[2]!.color).toMatch(/^#/);
  });
});

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

describe('fields', () => {
  it('number fields: empty clears, garbage keeps the old value', () => {
    expect(parseNumberField(' 2.5 ', 1)).toBe(2.5);
    expect(parseNumberField('', 1)).toBeUndefined();
    expect(parseNumberField('abc', 1)).toBe(1);
  });

  it('names panel kinds as Grafana does, unknown ones by id', () => {
    expect(kindLabel('timeseries')).toBe('Time series');
    expect(kindLabel('piechart')).toBe('Pie chart');
    expect(kindLabel('xychart')).toBe('xychart');
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
