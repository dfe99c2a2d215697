import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_ATTRS,
  FORBIDDEN_TAGS,
  isAllowedUrl,
  keptClasses,
  LINK_REL,
  NAMED_PREFIX,
  namespacedRef,
  SANITISE_CONFIG,
} from './sanitise-config.ts';

describe('sanitiser rules', () => {
  it.each([
    ['https://prometheus.io/docs/'],
    ['http://example.com/a?b=c#d'],
    ['mailto:ops@example.com'],
    ['/d/service-overview'],
    ['#section'],
    ['runbook.html'],
    ['../up'],
    ['3'], // not a URL at all (ol start="3"): DOMPurify checks those too
  ])('keeps %s', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:window.__xss=3'],
    ['JavaScript:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['ftp://example.com/file'],
    ['file:///etc/passwd'],
  ])('drops %s', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });

  it('forbids everything that runs code, loads documents, styles or submits', () => {
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math']) {
      expect(FORBIDDEN_TAGS).toContain(tag);
    }
    expect(FORBIDDEN_ATTRS).toContain('style');
    expect(SANITISE_CONFIG.FORBID_TAGS).toBe(FORBIDDEN_TAGS);
    expect(SANITISE_CONFIG.ALLOW_UNKNOWN_PROTOCOLS).toBe(false);
    expect(SANITISE_CONFIG.ALLOW_DATA_ATTR).toBe(false);
    expect(SANITISE_CONFIG.USE_PROFILES).toEqual({ html: true });
  });

  it('links carry noopener and noreferrer', () => {
    expect(LINK_REL.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });
});

describe('DOM clobbering and the app’s own classes', () => {
  it('prefixes every id and name, besides dropping document and form properties', () => {
    expect(SANITISE_CONFIG.SANITIZE_DOM).toBe(true);
    expect(SANITISE_CONFIG.SANITIZE_NAMED_PROPS).toBe(true);
    expect(NAMED_PREFIX).toBe('user-content-'); // DOMPurify's own, which it does not export
  });

  it('keeps no class the app’s style sheets have a rule for', () => {
    // The first-load sheet and every feature's own (web/**/*.css).
    const web = join(import.meta.dirname, '..');
    const css = readdirSync(web, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(web, f), 'utf8'))
      .join('\n');
    const classes = new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
    expect(classes.size).toBeGreaterThan(100);
    for (const c of ['modal', 'modal-title', 'panel-menu', 'panel-error', 'drawer']) {
      expect(classes).toContain(c);
    }
    const kept = [...classes].filter((c) => keptClasses(c) !== '');
    expect(kept).toEqual([]);
    expect(keptClasses('modal wide panel-notice')).toBe('');
  });

  it('keeps marked’s language- class on fenced code, alone', () => {
    expect(keptClasses('language-promql')).toBe('language-promql');
    expect(keptClasses('modal language-js  panel')).toBe('language-js');
    expect(keptClasses('language-')).toBe('');
  });

  it('points references to ids and in-page links at the prefixed ids', () => {
    expect(namespacedRef('for', 'datasource-url')).toBe('user-content-datasource-url');
    expect(namespacedRef('aria-labelledby', 'a  b')).toBe('user-content-a user-content-b');
    expect(namespacedRef('href', '#setup')).toBe('#user-content-setup');
    expect(namespacedRef('href', '#user-content-setup')).toBe('#user-content-setup');
    expect(namespacedRef('href', '#')).toBeUndefined();
    expect(namespacedRef('href', 'https://example.com/#x')).toBeUndefined();
    expect(namespacedRef('title', 'x')).toBeUndefined();
  });

  it('forbids what reaches outside the panel: open dialogs, popovers, focus and access keys', () => {
    expect(FORBIDDEN_TAGS).toContain('dialog');
    for (const a of ['popover', 'autofocus', 'accesskey']) expect(FORBIDDEN_ATTRS).toContain(a);
  });
});
