import { describe, expect, it } from 'vitest';
import { DRAWN_KINDS } from '../../contract/drawn.ts';
import { kindName, panelKinds, panelPlugin } from './registry.ts';

describe('panel kinds registry', () => {
  it('lists every kind once, in the picker order, each under its Grafana type', () => {
    const ids = panelKinds().map((k) => k.id);
    expect(ids).toEqual([
      'timeseries',
      'stat',
      'gauge',
      'bargauge',
      'table',
      'heatmap',
      'piechart',
      'state-timeline',
      'status-history',
      'text',
      'alertlist',
    ]);
    for (const id of ids) expect(panelPlugin(id)?.id).toBe(id);
    expect(panelPlugin('xychart')).toBeUndefined();
  });

  it('draws what the import report says is drawn (contract/drawn.ts), and no more', () => {
    const ids = panelKinds().map((k) => k.id);
    expect(new Set([...ids, 'row'])).toEqual(DRAWN_KINDS);
  });

  it('names kinds as Grafana does, unknown ones by id', () => {
    expect(kindName('timeseries')).toBe('Time series');
    expect(kindName('piechart')).toBe('Pie chart');
    expect(kindName('alertlist')).toBe('Alert list');
    expect(kindName('xychart')).toBe('xychart');
  });

  it('gives every kind an icon path and its Inspect view', () => {
    for (const k of panelKinds()) {
      expect(k.icon).toMatch(/^M[\d.]/);
      expect(['time', 'reduced']).toContain(k.inspectData);
    }
    expect(panelPlugin('timeseries')?.inspectData).toBe('time');
    expect(panelPlugin('stat')?.inspectData).toBe('reduced');
  });

  it('shows no queries nor field options for the kinds that read neither', () => {
    const skip = panelKinds()
      .filter((k) => k.skipDataQuery)
      .map((k) => k.id);
    expect(skip).toEqual(['text', 'alertlist']);
    const noFields = panelKinds()
      .filter((k) => !k.fieldConfig)
      .map((k) => k.id);
    expect(noFields).toEqual(['text', 'alertlist']);
  });

  it('keeps Grafana’s defaults for the kinds that load lazily', () => {
    expect(panelPlugin('piechart')?.defaults.options).toMatchObject({ pieType: 'pie' });
    expect(panelPlugin('state-timeline')?.defaults.options).toMatchObject({ mergeValues: true });
    expect(panelPlugin('status-history')?.defaults.options).toMatchObject({ colWidth: 0.9 });
    expect(panelPlugin('alertlist')?.defaults.options).toMatchObject({ maxItems: 20 });
  });
});
