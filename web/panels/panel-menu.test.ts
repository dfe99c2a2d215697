import { describe, expect, it } from 'vitest';
import type { Panel } from '../model/model.ts';
import { decodeExplore } from '../nav/explore-state.ts';
import {
  itemForKey,
  menuItems,
  panelExploreState,
  panelExploreUrl,
  parsePanelId,
} from './panel-menu.ts';

const panel = (over: Partial<Panel> = {}): Panel => ({
  id: 4,
  type: 'timeseries',
  title: 'Request rate',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [
    {
      refId: 'A',
      expr: 'sum by (route) (rate(http_requests_total[$__rate_interval]))',
      legendFormat: '{{route}}',
    },
    { refId: 'B', expr: 'up', hide: true },
    { refId: 'C', expr: '  ' },
    { refId: 'D', expr: 'sum(rate(x_total[5m]))', interval: '30s' },
  ],
  fieldConfig: { defaults: { unit: 'reqps', min: 0, custom: { stacking: { mode: 'normal' } } } },
  options: {},
  ...over,
});

describe('menuItems', () => {
  it('offers view always and edit, explore, inspect only when possible', () => {
    const ids = (o: Parameters<typeof menuItems>[0]) => menuItems(o).map((i) => i.id);
    expect(ids({ canEdit: false, explore: false, inspect: false })).toEqual(['view']);
    expect(ids({ canEdit: true, explore: true, inspect: true })).toEqual([
      'view',
      'edit',
      'explore',
      'inspect',
    ]);
    expect(ids({ canEdit: false, explore: true, inspect: true })).toEqual([
      'view',
      'explore',
      'inspect',
    ]);
  });

  it('turns View into the way back while the panel is shown alone', () => {
    const [view] = menuItems({ canEdit: false, explore: false, inspect: false, viewing: true });
    expect(view).toEqual({ id: 'view', label: 'Back to dashboard', shortcut: 'v' });
  });

  it('finds items by their shortcut, either case, and not items that are not offered', () => {
    const items = menuItems({ canEdit: false, explore: true, inspect: true });
    expect(itemForKey(items, 'I')?.id).toBe('inspect');
    expect(itemForKey(items, 'v')?.id).toBe('view');
    expect(itemForKey(items, 'e')).toBeUndefined();
    expect(itemForKey(items, 'q')).toBeUndefined();
  });
});

describe('parsePanelId', () => {
  it("reads Grafana's old and new forms", () => {
    expect(parsePanelId('4')).toBe(4);
    expect(parsePanelId('panel-12')).toBe(12);
  });

  it('is null for anything else', () => {
    for (const bad of [null, '', 'x', '4a', '-1', '1.5', 'panel-', '9999999999']) {
      expect(parsePanelId(bad)).toBeNull();
    }
  });
});

describe('panelExploreState', () => {
  it('carries the visible queries, datasource, range, step and look', () => {
    const s = panelExploreState(panel(), 'prom', { from: 'now-15m', to: 'now' });
    expect(s).toStrictEqual({
      queries: [
        {
          refId: 'A',
          expr: 'sum by (route) (rate(http_requests_total[$__rate_interval]))',
          legendFormat: '{{route}}',
        },
        { refId: 'B', expr: 'sum(rate(x_total[5m]))' },
      ],
      tab: 'graph',
      range: { from: 'now-15m', to: 'now' },
      step: '30s',
      ds: 'prom',
      mode: 'stacked',
      unit: 'reqps',
      yMin: 0,
    });
  });

  it("falls back to the panel's interval, and leaves the step to Explore without one", () => {
    const targets = [{ refId: 'A', expr: 'up' }];
    expect(panelExploreState(panel({ targets, interval: '1m' }), 'p', R).step).toBe('1m');
    expect(panelExploreState(panel({ targets }), 'p', R).step).toBeUndefined();
  });

  it('opens an empty query when every target is hidden', () => {
    const s = panelExploreState(
      panel({ targets: [{ refId: 'A', expr: 'up', hide: true }] }),
      'p',
      R,
    );
    expect(s.queries).toStrictEqual([{ refId: 'A', expr: '' }]);
  });

  it('draws bars for a bars panel', () => {
    const fieldConfig = { defaults: { custom: { drawStyle: 'bars' } } };
    expect(panelExploreState(panel({ fieldConfig }), 'p', R).mode).toBe('bars');
  });
});

const R = { from: '1700000000000', to: '1700003600000' };

describe('panelExploreUrl', () => {
  it('is an Explore link that decodes back to the same state', () => {
    const url = panelExploreUrl(panel(), 'prom', R);
    expect(url.startsWith('/explore?q0.expr=sum+by+(route)')).toBe(true);
    const decoded = decodeExplore(new URL(url, 'http://x').searchParams);
    expect(decoded).toStrictEqual(panelExploreState(panel(), 'prom', R));
  });
});
