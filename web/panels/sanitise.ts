// The project's one HTML sanitiser (docs/ARCHITECTURE.md, "Security stance"): text panels'
// markdown and HTML pass through here and nowhere else. DOMPurify with the strict rules of
// sanitise-config.ts, plus hooks: only marked's `language-` classes are kept (no app class to
// dress HTML as the app's dialogs), references to ids follow DOMPurify's `user-content-`
// prefix, data: URLs are dropped everywhere, and every link opens in a new tab without
// window.opener. The answer is a DocumentFragment, so the sanitised tree is inserted as nodes
// and never parsed from a string again.
import DOMPurify from 'dompurify';
import {
  DATA_URL,
  keptClasses,
  LINK_REL,
  LINK_TARGET,
  namespacedRef,
  SANITISE_CONFIG,
} from './sanitise-config.ts';

const URL_ATTRS = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
];

// Our own instance, so the hooks touch nothing else that might use DOMPurify.
const purify = DOMPurify(window);

purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'class') {
    data.attrValue = keptClasses(data.attrValue);
    if (!data.attrValue) data.keepAttr = false;
    return;
  }
  const ref = namespacedRef(data.attrName, data.attrValue);
  if (ref !== undefined) data.attrValue = ref;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  for (const name of URL_ATTRS) {
    const value = node.getAttribute(name);
    if (value !== null && DATA_URL.test(value.trim())) node.removeAttribute(name);
  }
  if (node.tagName === 'A') {
    if (node.hasAttribute('href')) {
      node.setAttribute('target', LINK_TARGET);
      node.setAttribute('rel', LINK_REL);
    } else node.removeAttribute('target');
  }
});

/** Untrusted HTML → a fragment safe to append. */
export function sanitise(html: string): DocumentFragment {
  return purify.sanitize(html, SANITISE_CONFIG);
}
