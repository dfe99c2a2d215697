import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_ATTRS,
  FORBIDDEN_TAGS,
  isAllowedUrl,
  LINK_REL,
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
