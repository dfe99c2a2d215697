import { describe, expect, it } from 'vitest';
import { entryFiles, staticImports, stylesheetFiles } from './bundle.ts';

describe('entryFiles', () => {
  it('finds module scripts and modulepreloads, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">`;
    expect(entryFiles(html)).toEqual(['assets/index-A.js', 'assets/vendor-B.js']);
  });
});

describe('staticImports', () => {
  it('follows static imports and leaves dynamic ones (lazy) out', () => {
    const code = `import{a as b}from"./vendor-B.js";import"./side-C.js";const e=()=>import("./Editor-D.js");`;
    expect(staticImports(code)).toEqual(['vendor-B.js', 'side-C.js']);
  });
});

describe('stylesheetFiles', () => {
  it('finds the stylesheets index.html links (the first load), not the lazy ones', () => {
    const html = `<script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">
      <link rel="preload" as="style" href="/assets/other-D.css">`;
    expect(stylesheetFiles(html)).toEqual(['assets/index-C.css']);
  });
});
