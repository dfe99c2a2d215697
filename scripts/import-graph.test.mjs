import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildGraph,
  cycles,
  fileImports,
  folderOf,
  importsOf,
  kindBreaks,
  kindOf,
  mutualPairs,
  ruleBreaks,
} from './import-graph.mjs';

const edges = (pairs) => {
  const out = new Map();
  for (const [from, to, n = 1] of pairs) {
    if (!out.has(from)) out.set(from, new Map());
    if (!out.has(to)) out.set(to, new Map());
    out.get(from).set(to, n);
  }
  return out;
};

describe('import-graph', () => {
  it('names second-level folders, and the server composition root apart', () => {
    expect(folderOf('web/panels/x.ts')).toBe('web/panels');
    expect(folderOf('web/explore/editor/y.ts')).toBe('web/explore');
    expect(folderOf('web/main.tsx')).toBe('web');
    expect(folderOf('server/app.ts')).toBe('server:entry');
    expect(folderOf('server/errors.ts')).toBe('server');
    expect(folderOf('contract/json.ts')).toBe('contract');
  });

  it('finds static, re-export, side-effect and dynamic imports; bare ones are not ours', () => {
    const text = [
      "import { a } from '../a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from '../c/c.ts';",
      "import './side.css';",
      "const D = lazy(() => import('../d/D.tsx'));",
      "import { h } from 'preact';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../a.ts', './b.ts', '../c/c.ts', './side.css', '../d/D.tsx']);
  });

  it('breaks: server → web, web → server, contract → either; contract from both is fine', () => {
    const g = edges([
      ['server/proxy', 'contract'],
      ['web/api', 'contract'],
      ['web/query', 'server/proxy', 2],
      ['server/dashboards', 'web/panels'],
      ['contract', 'server'],
    ]);
    expect(ruleBreaks(g).sort()).toEqual([
      ['contract', 'server', 1],
      ['server/dashboards', 'web/panels', 1],
      ['web/query', 'server/proxy', 2],
    ]);
  });

  it('breaks: anything that ships importing dev/; dev/ may import the server', () => {
    const g = edges([
      ['dev', 'server:entry'],
      ['dev', 'server'],
      ['server:entry', 'dev'],
      ['web/app', 'dev', 2],
    ]);
    expect(ruleBreaks(g).sort()).toEqual([
      ['server:entry', 'dev', 1],
      ['web/app', 'dev', 2],
    ]);
  });

  it('cycles: pairs and longer loops, not a chain', () => {
    const chain = edges([
      ['web/panels', 'web/chart'],
      ['web/chart', 'web/time'],
    ]);
    expect(cycles(chain)).toEqual([]);
    const g = edges([
      ['web/dashboard', 'web/panels', 14],
      ['web/panels', 'web/dashboard', 9],
      ['web/a', 'web/b'],
      ['web/b', 'web/c'],
      ['web/c', 'web/a'],
    ]);
    expect(cycles(g)).toEqual([
      ['web/a', 'web/b', 'web/c'],
      ['web/dashboard', 'web/panels'],
    ]);
    expect(mutualPairs(g)).toEqual([['web/dashboard', 'web/panels', 14, 9]]);
  });

  describe('on a tree of files', () => {
    let root;
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const write = (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    it('panel kinds: found by file, dynamic imports and stylesheets included', () => {
      root = mkdtempSync(join(tmpdir(), 'import-graph-'));
      write('web/panels/registry.ts', "import { gauge } from './kinds/gauge/index.ts';\n");
      write(
        'web/panels/kinds/gauge/index.ts',
        "import { p } from '../../plugin.tsx';\nconst C = lazy(() => import('../stat/StatPanel.tsx'));\n",
      );
      write('web/alerting/Page.tsx', "import '../panels/kinds/alertlist/alert-list.css';\n");
      expect(kindBreaks(fileImports(root))).toEqual([
        [
          'web/alerting/Page.tsx',
          'web/panels/kinds/alertlist/alert-list.css',
          'a kind reached around registry.ts',
        ],
        [
          'web/panels/kinds/gauge/index.ts',
          'web/panels/kinds/stat/StatPanel.tsx',
          "another kind's folder",
        ],
      ]);
    });

    it('counts imports per folder pair, tests left out unless asked', () => {
      root = mkdtempSync(join(tmpdir(), 'import-graph-'));
      write('web/api/client.ts', "import { k } from '../../contract/known.ts';\n");
      write('web/query/q.ts', "import { c } from '../api/client.ts';\nimport '../api/x.ts';\n");
      write('web/query/q.test.ts', "import { f } from '../../server/test-helpers.ts';\n");
      write('contract/known.ts', 'export const k = 1;\n');
      const g = buildGraph(root);
      expect(Object.fromEntries([...g].map(([f, row]) => [f, Object.fromEntries(row)]))).toEqual({
        contract: {},
        'web/api': { contract: 1 },
        'web/query': { 'web/api': 2 },
      });
      expect(ruleBreaks(g)).toEqual([]);
      expect(ruleBreaks(buildGraph(root, { withTests: true }))).toEqual([
        ['web/query', 'server', 1],
      ]);
    });
  });

  it('panel kinds: a kind imports its own folder and web/panels, not another kind nor the registry', () => {
    expect(kindOf('web/panels/kinds/gauge/GaugePanel.tsx')).toBe('gauge');
    expect(kindOf('web/panels/registry.ts')).toBeNull();
    expect(kindOf('web/chart/gauge.ts')).toBeNull();
    const breaks = kindBreaks([
      ['web/panels/kinds/gauge/index.ts', 'web/panels/kinds/gauge/GaugePanel.tsx'],
      ['web/panels/kinds/gauge/index.ts', 'web/panels/plugin.tsx'],
      ['web/panels/kinds/gauge/GaugePanel.tsx', 'web/chart/gauge.ts'],
      ['web/panels/registry.ts', 'web/panels/kinds/gauge/index.ts'],
      ['web/panels/kinds/table/TablePanel.tsx', 'web/panels/registry.ts'],
      ['web/panels/kinds/bargauge/BarGaugePanel.tsx', 'web/panels/kinds/gauge/GaugePanel.tsx'],
      ['web/dashboard/view/PanelView.tsx', 'web/panels/kinds/stat/StatPanel.tsx'],
      ['web/panels/InspectDrawer.tsx', 'web/panels/kinds/table/TablePanel.tsx'],
    ]);
    expect(breaks).toEqual([
      [
        'web/panels/kinds/table/TablePanel.tsx',
        'web/panels/registry.ts',
        'a kind imports the registry',
      ],
      [
        'web/panels/kinds/bargauge/BarGaugePanel.tsx',
        'web/panels/kinds/gauge/GaugePanel.tsx',
        "another kind's folder",
      ],
      [
        'web/dashboard/view/PanelView.tsx',
        'web/panels/kinds/stat/StatPanel.tsx',
        'a kind reached around registry.ts',
      ],
      [
        'web/panels/InspectDrawer.tsx',
        'web/panels/kinds/table/TablePanel.tsx',
        'a kind reached around registry.ts',
      ],
    ]);
  });

  it('this repository: panel kinds are reached only through the registry', () => {
    const repo = dirname(dirname(fileURLToPath(import.meta.url)));
    expect(kindBreaks(fileImports(repo))).toEqual([]);
  });

  it('this repository: server/ and web/ meet only in contract/', () => {
    const repo = dirname(dirname(fileURLToPath(import.meta.url)));
    expect(ruleBreaks(buildGraph(repo))).toEqual([]);
  });
});
