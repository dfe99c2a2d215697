// The rules of the one HTML sanitiser (sanitise.ts), kept apart from DOMPurify so they can be
// read and tested without a DOM. Text panels are the only place user-written HTML reaches the
// page; everything else renders as text. https://github.com/cure53/DOMPurify#can-i-configure-dompurify
import type { Config } from 'dompurify';

/** Elements that run code, load other documents, style the page, or submit anything. */
export const FORBIDDEN_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'template',
  'noscript',
  'svg',
  'math',
];

/** Attributes that style the page (the CSP would block it anyway) or act as URLs we do not check. */
export const FORBIDDEN_ATTRS = ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'ping'];

/**
 * A URL attribute passes only as http(s):, mailto:, or without a scheme (relative, #anchor).
 * DOMPurify's own pattern, less the rarer schemes: a value that is no URL at all ("3", "en")
 * still passes, since DOMPurify applies this to every attribute it does not know to be safe.
 */
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** data: URLs, which DOMPurify lets through on <img> and media by default: never here. */
export const DATA_URL = /^data:/i;

/** DOMPurify drops these characters before matching a URL; so must we. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip control characters inside a scheme ("java\tscript:"), so the match must too.
const URL_SPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/** Whether a URL attribute's value would be kept. */
export function isAllowedUrl(value: string): boolean {
  const compact = value.replace(URL_SPACE, '');
  return ALLOWED_URI.test(compact) && !DATA_URL.test(compact);
}

/** Every link opens in a new tab, with no window.opener and no Referer. */
export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer';

export const SANITISE_CONFIG = {
  USE_PROFILES: { html: true }, // HTML only: no SVG or MathML namespaces
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRS,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
} as const satisfies Config;
