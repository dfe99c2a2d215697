// The project's one HTML sanitiser (docs/ARCHITECTURE.md, "Security stance"): text panels'
// markdown and HTML pass through here and nowhere else. DOMPurify with the strict rules of
// sanitise-config.ts, plus two hooks: data: URLs are dropped everywhere, and every link opens
// in a new tab without window.opener. The answer is a DocumentFragment, so the sanitised tree
// is inserted as nodes and never parsed from a string again.
import DOMPurify from 'dompurify';
import { DATA_URL, LINK_REL, LINK_TARGET, SANITISE_CONFIG } from './sanitise-config.ts';

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
