// Bench 5, the bundle: the JS the dashboard page loads before it can draw (what
// dist/web/index.html names: its module scripts and modulepreloads, and their static imports),
// gzip-compressed at zlib's default level as the server sends it; and what loads lazily
// (every other chunk, fetched by a dynamic import when first needed). The same split for CSS:
// the stylesheets index.html links, and those a lazy chunk links when it loads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytes, mark, table } from './stats.ts';

export interface Chunk {
  file: string;
  raw: number; // bytes
  gzip: number; // bytes
}

export interface BundleReport {
  initial: Chunk[];
  lazy: Chunk[];
  css: Chunk[]; // linked by index.html: the first load's
  lazyCss: Chunk[]; // linked by a lazy chunk when it loads
}

/** Script and modulepreload URLs under /assets/ named by index.html (pure). */
export function entryFiles(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const isScript = m[1] === 'script' && /type="module"/.test(tag);
    const isPreload = m[1] === 'link' && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="\/?(assets\/[^"]+\.js)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url) out.add(url);
  }
  return [...out];
}

/** Stylesheet URLs under /assets/ that index.html links (pure). */
export function stylesheetFiles(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const url = /href="\/?(assets\/[^"]+\.css)"/.exec(m[0])?.[1];
    if (/rel="stylesheet"/.test(m[0]) && url) out.add(url);
  }
  return [...out];
}

/** Static imports (`import … from "./x.js"`, `import "./x.js"`) of a built chunk (pure). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["'](\.\/[^"']+\.js)["']/g,
  )) {
    out.add(m[1]!.slice(2));
  }
  return [...out];
}

function chunk(dir: string, file: string): Chunk {
  const data = readFileSync(join(dir, file));
  return { file, raw: data.length, gzip: gzipSync(data).length };
}

export function measureBundle(webDir: string): BundleReport {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  const queue = entryFiles(html);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(join(webDir, file), 'utf8');
    for (const dep of staticImports(code)) queue.push(`assets/${dep}`);
  }
  const all = readdirSync(join(webDir, 'assets')).map((f) => `assets/${f}`);
  const firstCss = new Set(stylesheetFiles(html));
  return {
    initial: [...initial].map((f) => chunk(webDir, f)),
    lazy: all.filter((f) => f.endsWith('.js') && !initial.has(f)).map((f) => chunk(webDir, f)),
    css: all.filter((f) => firstCss.has(f)).map((f) => chunk(webDir, f)),
    lazyCss: all.filter((f) => f.endsWith('.css') && !firstCss.has(f)).map((f) => chunk(webDir, f)),
  };
}

export function bundleTable(b: BundleReport): string {
  const total = b.initial.reduce((s, c) => s + c.gzip, 0);
  const rows = [
    ...b.initial.map((c) => ['initial JS', c.file, bytes(c.raw), bytes(c.gzip)]),
    [
      'initial JS total',
      '',
      bytes(b.initial.reduce((s, c) => s + c.raw, 0)),
      `${bytes(total)} ${mark(total <= 100_000)}`,
    ],
    ...b.css.map((c) => ['CSS (initial)', c.file, bytes(c.raw), bytes(c.gzip)]),
    ...b.lazy.map((c) => ['lazy JS', c.file, bytes(c.raw), bytes(c.gzip)]),
    ...b.lazyCss.map((c) => ['lazy CSS', c.file, bytes(c.raw), bytes(c.gzip)]),
  ];
  return table(['part', 'file', 'minified', 'gzip'], rows);
}
