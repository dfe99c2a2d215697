// The dashboard list's filtering (pure): words match the title, every chosen tag must be
// present, results sorted by title as Grafana lists them.
import type { SearchHit } from '../api/server.ts';

export function filterDashboards(
  hits: readonly SearchHit[],
  text: string,
  tags: readonly string[],
): SearchHit[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return hits
    .filter((h) => words.every((w) => h.title.toLowerCase().includes(w)))
    .filter((h) => tags.every((t) => h.tags.includes(t)))
    .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
}

/** Every tag in use, with how many dashboards carry it, most used first. */
export function tagCounts(hits: readonly SearchHit[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const h of hits) for (const t of h.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
