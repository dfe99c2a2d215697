#!/usr/bin/env node
// The folder-level import graph of server/, contract/, web/ and dev/, and the rules it must keep
// (docs/ARCHITECTURE.md "Layers"): server/ imports nothing from web/, web/ imports nothing from
// server/ (what both sides need lives in contract/), contract/ imports neither, and nothing
// that ships imports dev/ (the demo stack, which uses the server, not the other way round). A folder is
// web/<name> or server/<name> (deeper folders count as theirs); files directly in web/ or
// server/ are the folder `web` or `server`, except the server's composition root (app.ts, the
// two main.*.ts and the two migrate-storage.*.ts, which wire server folders together):
// `server:entry`. Tests are left
// out: a test may reach across for a fixture (`--tests` puts them in).
//
// Panel kinds (web/panels/kinds/<id>/) are checked file by file, dynamic imports and
// stylesheets included: a kind imports neither another kind's folder nor registry.ts (a lazy
// chunk that imports the registry pulls it, and every kind, back into the first load), and the
// rest of web/ reaches a kind only through registry.ts.
//
// Exits 1 when a rule is broken. Folder cycles (two folders importing each other, or a longer
// loop) are printed always and fail with `--strict`, which `npm run lint` passes: there are
// none. Which way each arrow must point (the layers) is Biome's noRestrictedImports per folder
// (biome.json); this script also sees folders that list does not name yet (a new one).
// Node built-ins only, no parser: import specifiers are found by a regex over
// `import … from '…'`, `export … from '…'` and `import('…')`, which is all this code base
// writes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS = ['server', 'contract', 'web', 'dev'];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /(\.test\.tsx?|\btest-[\w-]*\.ts)$/; // tests and their helpers (test-helpers.ts)
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Every source file under `dir`, relative to `root`, with `/` separators. */
function walk(root, dir, withTests) {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...walk(root, path, withTests));
    else if (SOURCE.test(name) && (withTests || !TEST.test(name)))
      out.push(path.split(sep).join('/'));
  }
  return out;
}

const ENTRY = new Set([
  'server/app.ts',
  'server/main.node.ts',
  'server/main.deno.ts',
  'server/migrate-storage.node.ts',
  'server/migrate-storage.deno.ts',
]);

/**
 * The folder a file belongs to: `web/panels` for web/panels/x.ts and web/panels/a/b.ts. A
 * folder listed in `deep` is split one level further: with deep ['web/dashboard'],
 * web/dashboard/view/x.ts is in `web/dashboard/view` (files directly in it stay in it).
 */
export function folderOf(file, deep = []) {
  if (ENTRY.has(file)) return 'server:entry';
  const parts = file.split('/');
  const top = parts.length <= 2 ? parts[0] : `${parts[0]}/${parts[1]}`;
  return deep.includes(top) && parts.length > 3 ? `${top}/${parts[2]}` : top;
}

/** The relative specifiers a file imports (bare ones, such as 'preact', are not ours). */
export function importsOf(text) {
  const out = [];
  for (const m of text.matchAll(SPECIFIER)) if (m[1].startsWith('.')) out.push(m[1]);
  return out;
}

/** Every source file under the roots, tests too when asked. */
function sourceFiles(root, withTests) {
  return ROOTS.flatMap((r) => {
    try {
      return walk(root, r, withTests);
    } catch {
      return []; // a root that does not exist yet
    }
  });
}

/** The file an import specifier names, relative to the root, with `/` separators. */
function resolveImport(root, file, spec) {
  return relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join('/');
}

/** Every import of our own files, as [importer, imported] paths relative to the root. */
export function fileImports(root, { withTests = false } = {}) {
  const out = [];
  for (const file of sourceFiles(root, withTests)) {
    for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
      out.push([file, resolveImport(root, file, spec)]);
    }
  }
  return out;
}

const KINDS = 'web/panels/kinds/';
const REGISTRY = 'web/panels/registry.ts';

/** The panel kind a file belongs to (`gauge` for web/panels/kinds/gauge/x.tsx), or null. */
export function kindOf(file) {
  if (!file.startsWith(KINDS)) return null;
  const rest = file.slice(KINDS.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : null;
}

/** Imports that break the panel kinds' rules, as [importer, imported, why]. */
export function kindBreaks(pairs) {
  const out = [];
  for (const [from, to] of pairs) {
    const a = kindOf(from);
    const b = kindOf(to);
    if (a !== null && to === REGISTRY) out.push([from, to, 'a kind imports the registry']);
    else if (a !== null && b !== null && a !== b) out.push([from, to, "another kind's folder"]);
    else if (a === null && b !== null && from !== REGISTRY) {
      out.push([from, to, 'a kind reached around registry.ts']);
    }
  }
  return out;
}

/** edges: Map<from, Map<to, count>> over folders; files that import out of the roots are kept. */
export function buildGraph(root, { withTests = false, deep = [] } = {}) {
  const edges = new Map();
  for (const file of sourceFiles(root, withTests)) {
    const from = folderOf(file, deep);
    if (!edges.has(from)) edges.set(from, new Map());
    for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
      const to = folderOf(resolveImport(root, file, spec), deep);
      if (to === from) continue;
      const row = edges.get(from);
      row.set(to, (row.get(to) ?? 0) + 1);
    }
  }
  return edges;
}

/** Imports that break a layering rule, as [from, to, count]. */
export function ruleBreaks(edges) {
  const out = [];
  const top = (f) => f.split(/[/:]/)[0];
  for (const [from, row] of edges) {
    for (const [to, n] of row) {
      const a = top(from);
      const b = top(to);
      const bad =
        (a === 'server' && b === 'web') ||
        (a === 'web' && b === 'server') ||
        (a === 'contract' && (b === 'web' || b === 'server')) ||
        (a !== 'dev' && b === 'dev');
      if (bad) out.push([from, to, n]);
    }
  }
  return out;
}

/** Strongly connected components of more than one folder (Tarjan), each sorted. */
export function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Folder pairs importing each other, as [a, b, a→b count, b→a count], a < b. */
export function mutualPairs(edges) {
  const out = [];
  for (const [a, row] of edges) {
    for (const [b, n] of row) {
      const back = edges.get(b)?.get(a);
      if (back && a < b) out.push([a, b, n, back]);
    }
  }
  return out.sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]));
}

function main() {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const edges = buildGraph(root, { withTests: args.includes('--tests') });

  console.log('Folder import graph (imports counted per import line):');
  for (const from of [...edges.keys()].sort()) {
    const row = [...edges.get(from)].sort((a, b) => a[0].localeCompare(b[0]));
    const list = row.map(([to, n]) => `${to} (${n})`).join(', ');
    console.log(`  ${from} → ${list || '—'}`);
  }

  let failed = false;
  const breaks = ruleBreaks(edges);
  if (breaks.length > 0) {
    failed = true;
    console.log('\nLayering broken (server/ and web/ meet only in contract/; dev/ is a leaf):');
    for (const [from, to, n] of breaks) console.log(`  ${from} → ${to} (${n})`);
  }
  const kinds = kindBreaks(fileImports(root, { withTests: args.includes('--tests') }));
  if (kinds.length > 0) {
    failed = true;
    console.log('\nPanel kinds broken (a kind is reached only through web/panels/registry.ts):');
    for (const [from, to, why] of kinds) console.log(`  ${from} → ${to}: ${why}`);
  }
  const loops = cycles(edges);
  if (loops.length > 0) {
    const pairs = mutualPairs(edges);
    console.log(`\nFolder cycles${strict ? '' : ' (reported; --strict fails on them)'}:`);
    for (const scc of loops) console.log(`  ${scc.join(' ⇄ ')}`);
    console.log(`Folder pairs importing each other (${pairs.length}):`);
    for (const [a, b, n, back] of pairs) console.log(`  ${a} ⇄ ${b} (${n} / ${back})`);
    if (strict) failed = true;
  }
  // The sub-folders of web/dashboard (view, edit, settings, list, panel-editor) as their own
  // nodes: their arrows point one way (page → edit/settings/panel-editor → view → list), and
  // --strict fails on a pair importing each other.
  const deep = buildGraph(root, { withTests: args.includes('--tests'), deep: ['web/dashboard'] });
  console.log('\nweb/dashboard sub-folders (imports counted per import line):');
  for (const from of [...deep.keys()].filter((f) => f.startsWith('web/dashboard')).sort()) {
    const row = [...deep.get(from)].filter(([to]) => to.startsWith('web/dashboard'));
    const list = row.sort((a, b) => a[0].localeCompare(b[0])).map(([to, n]) => `${to} (${n})`);
    console.log(`  ${from} → ${list.join(', ') || '—'}`);
  }
  const inner = mutualPairs(deep).filter(
    ([a, b]) => a.startsWith('web/dashboard/') && b.startsWith('web/dashboard/'),
  );
  if (inner.length > 0) {
    console.log(`Sub-folder pairs importing each other (${inner.length}):`);
    for (const [a, b, n, back] of inner) console.log(`  ${a} ⇄ ${b} (${n} / ${back})`);
    if (strict) failed = true;
  }
  if (!failed) console.log('\nimport-graph: ok');
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
