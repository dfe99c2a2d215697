// Grafana's cases for datasource references on import, transcribed from
// public/app/features/dashboard/state/DashboardMigrator.test.ts, "when migrating datasource to
// refs" (schemaVersion 33, migrateDatasourceNameToRef). Grafana's test has the datasources
// `prom` (uid prom-uid) and `prom2` (uid prom2-uid, the default) configured, so it can turn a
// name into its uid. An import here runs before the datasources of the Promscope that will
// show it are known (they can be added later), so a name is kept as `{ uid: name }`, Grafana's
// own form for a name it does not find, and the view looks it up by uid, then by name. A
// default (`null`) becomes the dashboard's datasource variable, which starts at the default.
import { describe, expect, it } from 'vitest';
import { normaliseDashboard } from './index.ts';

type J = Record<string, unknown>;
const DASH = { type: 'prometheus', uid: '${datasource}' };
const MIXED = { type: 'datasource', uid: '-- Mixed --' };

const grafanaDashboard = {
  schemaVersion: 30,
  templating: {
    list: [
      { type: 'query', name: 'var', options: [{ text: 'A', value: 'A' }], datasource: 'prom' },
    ],
  },
  panels: [
    { id: 1, type: 'timeseries', datasource: 'prom' },
    { id: 2, type: 'timeseries', datasource: null },
    {
      id: 3,
      type: 'timeseries',
      datasource: '-- Mixed --',
      targets: [{ datasource: 'prom' }, { datasource: 'default' }, { datasource: null }],
    },
    { type: 'row', id: 5, panels: [{ id: 6, type: 'timeseries', datasource: 'prom' }] },
    { id: 7, type: 'timeseries', datasource: { type: 'prometheus', uid: 'prom-uid' } },
    { id: 8, type: 'timeseries', datasource: { type: 'prometheus' } },
  ],
};

describe('DashboardMigrator.test.ts "when migrating datasource to refs"', () => {
  const { dashboard } = normaliseDashboard(grafanaDashboard);
  const panels = dashboard.panels as J[];
  const byId = (id: number) =>
    panels
      .flatMap((p) => [p, ...((p.panels as J[] | undefined) ?? [])])
      .find((p) => p.id === id) as J;
  const variables = (dashboard.templating as { list: J[] }).list;

  // Grafana: the name becomes { type: 'prometheus', uid: 'prom-uid' } (found). Here: kept.
  it.each([
    ['should update panel datasource props to refs for named data source', 1, { uid: 'prom' }],
    ['should update datasources in panels collapsed rows', 6, { uid: 'prom' }],
    // Grafana: the default's ref, prom2-uid. Here: the datasource variable (default first).
    ['should update panel datasource props to refs for default data source', 2, DASH],
    // Grafana: { type: 'mixed', uid: '-- Mixed --' } (its test's mock type); the uid is what counts.
    ['should update panel datasource props to refs for mixed data source', 3, MIXED],
    [
      "should not migrate datasource if it's already a ref",
      7,
      { type: 'prometheus', uid: 'prom-uid' },
    ],
  ])('%s (panel %i)', (_name, id, ref) => {
    expect(byId(id).datasource).toEqual(ref);
  });

  it("should not migrate datasource if it's already a ref with only a type", () => {
    // Grafana keeps { type: 'prometheus' }, which getInstanceSettings reads as the default.
    expect(byId(8).datasource).toEqual(DASH);
  });

  it('should update target datasource props to refs', () => {
    const targets = byId(3).targets as J[];
    // Grafana: prom-uid, then prom2-uid (the default) for 'default' and for null.
    expect(targets[0]?.datasource).toEqual({ uid: 'prom' });
    expect(targets[1]?.datasource).toEqual(DASH);
    // A target with no datasource inherits the panel's; in a Mixed panel the view asks the
    // default for it, as Grafana's schemaVersion 36 migration does.
    expect(targets[2]?.datasource).toBeNull();
  });

  it('should not update variable datasource props to refs', () => {
    expect(variables.find((v) => v.name === 'var')?.datasource).toEqual({ uid: 'prom' });
  });

  it('reports nothing: every reference is kept or is the default', () => {
    expect(normaliseDashboard(grafanaDashboard).issues).toEqual([]);
  });
});

describe('DashboardMigrator.test.ts "when fixing query and panel data source refs out of sync"', () => {
  it('should use data source on query level as source of truth', () => {
    const { dashboard } = normaliseDashboard({
      schemaVersion: 30,
      panels: [{ id: 2, datasource: null, targets: [{ datasource: 'prom-not-default' }] }],
    });
    const panel = (dashboard.panels as J[])[0] as J;
    expect((panel.targets as J[])[0]?.datasource).toEqual({ uid: 'prom-not-default' });
    expect(panel.datasource).toEqual({ uid: 'prom-not-default' });
  });
});

describe('names and uids are never rewritten to the default', () => {
  it.each([
    ['Prometheus-EU', { uid: 'Prometheus-EU' }],
    [{ uid: 'P1809F7CD0C75ACF3' }, { uid: 'P1809F7CD0C75ACF3' }],
    [
      { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' },
      { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' },
    ],
    [{ uid: '-- Mixed --' }, MIXED],
    ['-- Dashboard --', { type: 'datasource', uid: '-- Dashboard --' }],
    ['$ds', { type: 'prometheus', uid: '${ds}' }],
  ])('%j → %j', (datasource, ref) => {
    const { dashboard } = normaliseDashboard({
      schemaVersion: 30,
      templating: { list: [{ name: 'ds', type: 'datasource', query: 'prometheus' }] },
      panels: [{ type: 'timeseries', datasource, targets: [{ refId: 'A', expr: 'up' }] }],
    });
    expect((dashboard.panels as J[])[0]?.datasource).toEqual(ref);
  });

  it('keeps each query of a Mixed panel on its own datasource', () => {
    const { dashboard } = normaliseDashboard({
      schemaVersion: 30,
      panels: [
        {
          type: 'timeseries',
          datasource: { uid: '-- Mixed --' },
          targets: [
            { refId: 'A', expr: 'up', datasource: 'Prometheus-EU' },
            { refId: 'B', expr: 'up', datasource: { type: 'prometheus', uid: 'us-uid' } },
          ],
        },
      ],
    });
    const targets = (dashboard.panels as J[])[0]?.targets as J[];
    expect(targets.map((t) => t.datasource)).toEqual([
      { uid: 'Prometheus-EU' },
      { type: 'prometheus', uid: 'us-uid' },
    ]);
  });
});
