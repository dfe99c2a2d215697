// Names for files the browser saves (Download CSV, Download JSON), made from a title that
// anyone can write: nothing that means a path or a shell character survives.

/** A file name from a title: letters, digits, spaces, dots, dashes and underscores kept. */
export function fileName(title: string, extension: string, fallback = 'panel'): string {
  const base = title
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  return `${base || fallback}.${extension}`;
}
