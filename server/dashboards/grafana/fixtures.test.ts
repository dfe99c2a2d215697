import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAFANA_FIXTURES, haveGrafanaFixtures } from '../../test-helpers.ts';
import { normaliseDashboard } from './index.ts';

type J = Record<string, unknown>;
const DIR = GRAFANA_FIXTURES;
const FILES = haveGrafanaFixtures
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

const load = (f: string): J => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as J;
const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);

/** Every panel: top level, nested in rows, and in old `rows[]`. */
function panelsOf(d: J): J[] {
  const top = [...arr(d.panels), ...arr(d.rows).flatMap((r) => arr(r.panels))];
  return top.flatMap((p) => [p, ...arr(p.panels)]);
}
const targetsOf = (d: J) => panelsOf(d).flatMap((p) => arr(p.targets));
const exprs = (d: J) => targetsOf(d).flatMap((t) => (typeof t.expr === 'string' ? [t.expr] : []));

interface Pos {
  x: number;
  y: number;
  w: number;
  h: number;
}
function overlaps(panels: J[]): string[] {
  const boxes = panels
    .filter((p) => p.type !== 'row')
    .map((p) => ({ id: p.id, g: p.gridPos as Pos }));
  const out: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const hit =
        a.g.x < b.g.x + b.g.w &&
        b.g.x < a.g.x + a.g.w &&
        a.g.y < b.g.y + b.g.h &&
        b.g.y < a.g.y + a.g.h;
      if (hit) out.push(`${String(a.id)}/${String(b.id)}`);
    }
  });
  return out;
}

/**
 * How many options each fixture carries that are not drawn (all reported, and kept), and a few
 * that must be among them, in the words of Grafana's editor.
 */
const EXPECTED: Record<
  string,
  { panels: number; targets: number; issues: number; includes: string[] }
> = {
  'bind9-full.json': {
    panels: 25,
    targets: 36,
    // Its "/.*Out.*/" negative-Y, its axis label and its tooltip sorts are drawn now.
    issues: 0,
    includes: [],
  },
  'ceph-cluster.json': {
    panels: 12,
    targets: 29,
    // Its write traffic below zero (seriesOverrides transform negative-Y) is drawn now, and
    // the graphs' tooltips in series order (sort none).
    issues: 2,
    includes: ['panels[9].cards.cardRound: heatmap cell radius 1 is drawn square'],
  },
  'pool-overview.json': {
    panels: 12,
    targets: 24,
    issues: 11,
    includes: [
      'panels[8].sort: old table sort by column 5 is not applied',
      'panels[8].fieldConfig.overrides[0].properties[0]: override "Time": hide in table is not applied; the column is shown',
      'panels[8].fieldConfig.overrides[6].properties[4]: override "Value #D": cell type color-text is not drawn',
    ],
  },
  'rbd-overview.json': {
    panels: 6,
    targets: 9,
    issues: 6,
    includes: [3, 4, 5].map((i) => `panels[${i}].sort: old table sort by column 3 is not applied`),
  },
  'unbound-full.json': {
    panels: 42,
    targets: 57,
    issues: 2,
    includes: ['panels[5].options.rowsFrame.layout: heatmap buckets layout le is drawn auto'],
  },
};

describe.skipIf(!haveGrafanaFixtures)('Grafana fixtures', () => {
  it('covers every fixture file', () => {
    expect(FILES).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(FILES)('%s', (file) => {
    const src = load(file);
    const { dashboard, issues } = normaliseDashboard(src);
    const out = panelsOf(dashboard);
    const want = EXPECTED[file];

    it('keeps every panel and target', () => {
      expect(out.length).toBe(panelsOf(src).length);
      expect(targetsOf(dashboard).length).toBe(targetsOf(src).length);
      expect([out.length, targetsOf(dashboard).length]).toEqual([want?.panels, want?.targets]);
      expect(exprs(dashboard).sort()).toEqual(exprs(src).sort());
    });

    it('gives unique ids and non-overlapping gridPos within 24 columns', () => {
      const ids = out.map((p) => p.id);
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of out) {
        const g = p.gridPos as Pos;
        expect(g.x).toBeGreaterThanOrEqual(0);
        expect(g.x + g.w).toBeLessThanOrEqual(24);
        expect(g.h).toBeGreaterThan(0);
      }
      expect(overlaps(arr(dashboard.panels))).toEqual([]);
      for (const row of arr(dashboard.panels).filter((p) => p.type === 'row'))
        expect(overlaps(arr(row.panels))).toEqual([]);
    });

    it('leaves no graph or singlestat panel and only drawn types', () => {
      const types = new Set(out.map((p) => p.type));
      expect(types.has('graph') || types.has('singlestat')).toBe(false);
      for (const t of types)
        expect(['timeseries', 'stat', 'gauge', 'table', 'heatmap', 'row']).toContain(t);
    });

    it('reports a stable list of issues, once each', () => {
      const lines = issues.map((i) => `${i.path}: ${i.message}`);
      expect(lines).toEqual(expect.arrayContaining(want?.includes ?? []));
      expect(lines).toHaveLength(want?.issues ?? -1);
      expect(new Set(lines).size).toBe(lines.length);
    });

    it('keeps dashboard-level fields and sets schemaVersion 39', () => {
      expect(dashboard.schemaVersion).toBe(39);
      for (const k of [
        'title',
        'uid',
        'time',
        'refresh',
        'tags',
        'links',
        'annotations',
        'graphTooltip',
      ] as const) {
        if (k in src) expect(dashboard[k]).toEqual(src[k]);
      }
      expect(dashboard).not.toHaveProperty('rows');
      const vars = arr((dashboard.templating as J).list);
      // One datasource variable, so one picker: an export's own (`DS_PROMETHEUS` beside an
      // input of that name, `datasource`) is used, never a second one added beside it.
      expect(vars.filter((v) => v.type === 'datasource')).toHaveLength(1);
    });

    it('is idempotent', () => {
      const again = normaliseDashboard(dashboard);
      expect(again.dashboard).toEqual(dashboard);
    });

    it('does not modify its input', () => {
      expect(src).toEqual(load(file));
    });
  });
});
