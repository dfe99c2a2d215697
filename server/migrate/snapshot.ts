// One saved dashboard whole, read through a store's own read API (what the routes serve: the
// current JSON, its folder and times, the versions listed and each record), and the test of
// whether two stores hold the same. migrate-storage copies what `readCopy` gives, so a version
// a client could not see (an orphan record of a killed save, one past KEEP_VERSIONS not yet
// pruned) is not copied either; and it calls two copies equal only when a client could not
// tell them apart.
import type { DashboardCopy, DashboardStore } from '../dashboards/store.ts';
import type { VersionRecord } from '../dashboards/versions.ts';

/** A dashboard that cannot be copied faithfully, and why (naming the file or the record). */
export interface Unreadable {
  uid: string;
  error: string;
}

/** The copy; undefined when the store has no such uid; Unreadable when part of it is broken. */
export async function readCopy(
  store: DashboardStore,
  uid: string,
): Promise<DashboardCopy | Unreadable | undefined> {
  const saved = await store.get(uid);
  if (!saved) return undefined;
  if (saved.error || !saved.dashboard) return { uid, error: saved.error ?? 'no dashboard JSON' };
  const history: VersionRecord[] = [];
  for (const summary of await store.versions(uid)) {
    if (summary.error) return { uid, error: summary.error };
    try {
      const rec = await store.version(uid, summary.version);
      // A record edited by hand into something no store could date is not copied as it is.
      if (rec && !Number.isFinite(Date.parse(rec.created))) {
        return { uid, error: `versions/${uid}/${summary.version}.json: "created" is not a time` };
      }
      if (rec) history.push(rec);
    } catch (err) {
      return { uid, error: (err as Error).message };
    }
  }
  return {
    uid,
    folderUid: saved.folderUid ?? '',
    dashboard: saved.dashboard,
    version: saved.version,
    created: saved.created,
    updated: saved.updated,
    history,
  };
}

export const isUnreadable = (c: DashboardCopy | Unreadable): c is Unreadable => 'error' in c;

/** Equal instants, or no time in the source to keep (a file put in DATA_DIR by hand). */
export function sameTime(source: string | null | undefined, target: string | null | undefined) {
  if (source == null) return true;
  return target != null && Date.parse(source) === Date.parse(target);
}

/** JSON equal with keys in the same order: stores keep dashboards as text, so order survives. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sameRecord(a: VersionRecord, b: VersionRecord): boolean {
  return (
    a.version === b.version &&
    sameTime(a.created, b.created) &&
    (a.message ?? '') === (b.message ?? '') &&
    sameTime(a.dashboardCreated, b.dashboardCreated) &&
    sameJson(a.dashboard, b.dashboard)
  );
}

/** What differs between the source's copy and the target's, in words; null when nothing. */
export function difference(source: DashboardCopy, target: DashboardCopy): string | null {
  if (source.version !== target.version) {
    return `the target is at version ${target.version}, the source at ${source.version}`;
  }
  if (!sameJson(source.dashboard, target.dashboard)) return 'its JSON differs';
  if (source.folderUid !== target.folderUid) {
    return `it is in folder "${target.folderUid}" there, "${source.folderUid}" here`;
  }
  const numbers = (c: DashboardCopy) => c.history.map((r) => r.version).join(',');
  if (numbers(source) !== numbers(target)) {
    return `its versions differ (target ${numbers(target) || 'none'}, source ${numbers(source) || 'none'})`;
  }
  const at = source.history.findIndex((r, i) => !sameRecord(r, target.history[i]!));
  if (at !== -1) return `version ${source.history[at]!.version} differs`;
  if (!sameTime(source.created, target.created) || !sameTime(source.updated, target.updated)) {
    return 'its created or updated time differs';
  }
  return null;
}
