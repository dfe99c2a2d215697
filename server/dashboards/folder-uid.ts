// A folder's uid from its title, stable across restarts, so links to a provisioned folder keep
// working: its title in lower-case ASCII (for a readable URL), then 8 hex digits of FNV-1a
// over the whole title (titles that differ only in other characters stay apart). Always
// within UID_PATTERN.
export function folderUidFor(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    h ^= title.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 31)
    .replace(/-+$/, '');
  const hash = (h >>> 0).toString(16).padStart(8, '0');
  return slug ? `${slug}-${hash}` : `f-${hash}`;
}
