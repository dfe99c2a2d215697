import { describe, expect, it } from 'vitest';
import {
  addThreshold,
  getIn,
  legendMode,
  parseNumberField,
  setIn,
  setLegendMode,
  setThresholdSteps,
  thresholdSteps,
  toggleLegendCalc,
} from './panel-json.ts';

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

describe('fields', () => {
  it('number fields: empty clears, garbage keeps the old value', () => {
    expect(parseNumberField(' 2.5 ', 1)).toBe(2.5);
    expect(parseNumberField('', 1)).toBeUndefined();
    expect(parseNumberField('abc', 1)).toBe(1);
  });
});
