// The dashboard list's filtering and grouping (pure): words match the title, every chosen tag
// must be present, results sorted by title as Grafana lists them; dashboards grouped under
// their folders, General's after the folders, as Grafana's browse view shows them.
import type { SearchHit } from '../../api/server.ts';

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

export interface FolderGroup {
  folder: SearchHit;
  dashboards: SearchHit[];
}

export interface Grouped {
  folders: FolderGroup[];
  /** Dashboards in no folder (General), and those whose folder is not listed. */
  general: SearchHit[];
  /** A search or a tag is on: folders show what matched, opened. */
  filtering: boolean;
}

/**
 * The list as shown. Without a filter every folder is listed, empty ones too. With one, a
 * folder is listed when a dashboard in it matches, or (text only) when its own title matches,
 * then with all its dashboards that carry the chosen tags.
 */
export function groupByFolder(
  hits: readonly SearchHit[],
  text: string,
  tags: readonly string[],
): Grouped {
  const folders = filterDashboards(
    hits.filter((h) => h.type === 'dash-folder'),
    '',
    [],
  );
  const dashboards = hits.filter((h) => h.type !== 'dash-folder');
  const matched = new Set(filterDashboards(dashboards, text, tags));
  const filtering = text.trim() !== '' || tags.length > 0;
  const known = new Set(folders.map((f) => f.uid));
  const groups: FolderGroup[] = [];
  for (const folder of folders) {
    const inside = dashboards.filter((d) => d.folderUid === folder.uid);
    const titleMatches =
      tags.length === 0 && filterDashboards([folder], text, []).length === 1 && filtering;
    const shown = titleMatches
      ? filterDashboards(inside, '', tags)
      : filterDashboards(inside, text, tags);
    if (filtering && shown.length === 0 && !titleMatches) continue;
    groups.push({ folder, dashboards: shown });
  }
  const general = filterDashboards(
    dashboards.filter((d) => !d.folderUid || !known.has(d.folderUid)),
    text,
    tags,
  ).filter((d) => matched.has(d));
  return { folders: groups, general, filtering };
}
