// Grafana's old dashboard addresses, still written by its panel-link migration (schemaVersion
// 19: `dashboard/db/<slug>` from a link's dashboard name, `dashboard/<dashUri>`) and found in
// old bookmarks: Grafana redirects them to the dashboard by slug; so does Promscope, through
// the dashboard list. Pure.
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts (upgradePanelLink)
import type { SearchHit } from '../../api/server.ts';

/** The slug or uid an old address names, or null when it is not one (`/dashboard/new`). */
export function legacyDashboardKey(path: string): string | null {
  const m = /^\/dashboard\/(?:db\/)?([^/]+)\/?$/.exec(path);
  if (!m?.[1] || path === '/dashboard/new') return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * Slugs compared by their letters and digits only: Grafana's slugifyForUrl (used by the
 * migration) drops `-` and `_` where the server's slug keeps a dash, and vice versa.
 */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The address of the dashboard `key` names: its uid, else its slug; null when none does. */
export function legacyDashboardUrl(key: string, hits: readonly SearchHit[]): string | null {
  const ok = hits.filter((h) => !h.error);
  const hit =
    ok.find((h) => h.uid === key) ??
    ok.find((h) => h.slug === key) ??
    ok.find((h) => bare(h.slug) === bare(key) && bare(key) !== '');
  return hit ? hit.url : null;
}
