import { describe, expect, it } from 'vitest';
import { panelFromQueries, setPendingPanel, takePendingPanel } from './pending-panel.ts';

describe('panelFromQueries', () => {
  it('makes a full-width timeseries of the queries, titled by the first', () => {
    const p = panelFromQueries([
      { refId: 'A', expr: 'sum(rate(x[5m]))', legendFormat: '{{route}}' },
      { refId: 'B', expr: '  ' },
      { refId: 'C', expr: 'up', hide: true },
    ]);
    expect(p).toMatchObject({
      type: 'timeseries',
      title: 'sum(rate(x[5m]))',
      gridPos: { x: 0, y: 0, w: 24, h: 8 },
      targets: [
        { refId: 'A', expr: 'sum(rate(x[5m]))', legendFormat: '{{route}}' },
        { refId: 'C', expr: 'up', hide: true },
      ],
    });
  });

  it('shortens a long query for the title', () => {
    const title = panelFromQueries([{ refId: 'A', expr: 'x'.repeat(100) }]).title as string;
    expect(title).toHaveLength(58);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('pending panel', () => {
  it('is taken once, and only by the dashboard it was meant for', () => {
    setPendingPanel('abc', { id: 0 });
    expect(takePendingPanel('other')).toBeNull();
    expect(takePendingPanel('abc')).toEqual({ id: 0 });
    expect(takePendingPanel('abc')).toBeNull();
  });
});
