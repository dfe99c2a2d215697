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
  // Shown open it sits in the page as the app's own dialogs do, and the app's Escape handling
  // takes any open <dialog> for one of its own.
  'dialog',
];

/**
 * Attributes that style the page (the CSP would block it anyway), act as URLs we do not check,
 * or reach outside the panel: `popover` puts an element in the top layer over the app, and
 * `autofocus` and `accesskey` take the keyboard from it.
 */
export const FORBIDDEN_ATTRS = [
  'style',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'ping',
  'popover',
  'autofocus',
  'accesskey',
];

/**
 * Classes a text panel may keep: only marked's `language-…` on fenced code. Any other class
 * would be the app's own (`modal`, `panel-menu`, `panel-error`…) and dress the panel's HTML as
 * the app's dialogs, menus and notices ("Session expired, paste your token"); the app's style
 * sheet has no `language-` rule.
 */
const KEPT_CLASS = /^language-[A-Za-z0-9_+-]{1,40}$/;

/** The class attribute's value with only the kept classes ('' when none is left). */
export function keptClasses(value: string): string {
  return value
    .split(/\s+/)
    .filter((c) => KEPT_CLASS.test(c))
    .join(' ');
}

/**
 * DOMPurify's SANITIZE_NAMED_PROPS prefix: every `id` and `name` becomes `user-content-…`, so
 * none can clobber window or document properties (`<img name="getElementById">`, `<form
 * id="…">`) or the app's own ids, whatever the browser's property list.
 */
export const NAMED_PREFIX = 'user-content-';

/** Attributes that refer to ids: they follow the prefix, so they point into the panel only. */
const ID_REFS = new Set([
  'for',
  'headers',
  'list',
  'form',
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
]);

const prefixed = (id: string) => (id.startsWith(NAMED_PREFIX) ? id : NAMED_PREFIX + id);

/**
 * The value an attribute that refers to ids gets, or undefined for any other attribute: each
 * id prefixed as DOMPurify prefixes `id` and `name`, and an in-page link `#x` made `#user-content-x`.
 */
export function namespacedRef(attr: string, value: string): string | undefined {
  if (ID_REFS.has(attr)) return value.split(/\s+/).filter(Boolean).map(prefixed).join(' ');
  if ((attr === 'href' || attr === 'usemap') && value.startsWith('#') && value.length > 1) {
    return `#${prefixed(value.slice(1))}`;
  }
  return undefined;
}

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
  // DOM clobbering: ids and names that are document or form properties are dropped
  // (SANITIZE_DOM, DOMPurify's default, said here so it stays on), and every other id and name
  // is prefixed with NAMED_PREFIX (SANITIZE_NAMED_PROPS).
  // https://github.com/cure53/DOMPurify#influence-how-we-sanitize
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
} as const satisfies Config;
