// Test helper for migrate-storage: a DATA_DIR filled through the server's own stores (so it is
// what a server leaves behind, not a hand-made imitation), the command run in-process with its
// output kept, and everything a storage holds read back through the stores' read APIs, for
// comparing one storage with another. Node only.
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { VersionSummary } from '../../contract/api.ts';
import { FolderStore, type StoredFolder } from '../dashboards/folders.ts';
import type { DashboardCopy } from '../dashboards/store.ts';
import { SavedDashboards } from '../dashboards/store.ts';
import { FileDatasources, type StoredDatasource } from '../datasources/added.ts';
import type { FileSystem } from '../deps.ts';
import { nodeFiles } from '../main.node.ts';
import { type Location, parseLocation } from './args.ts';
import { runMigrateStorage } from './cli.ts';
import { openStorage } from './open.ts';
import { isUnreadable, readCopy } from './snapshot.ts';

export const noTaken = () => false;

/**
 * Folders "ops" and "team-a"; dashboards "many" (27 saves: versions 8–27 shown, with
 * messages), "ops-board" (in ops, restored once), "team-board" (in team-a, key order and
 * non-ASCII text to keep), "root" (General, one version); two datasources added in the UI.
 */
export async function fillDataDir(dir: string): Promise<void> {
  const folders = new FolderStore(nodeFiles, dir);
  await folders.load();
  await folders.create('ops', 'Operations', noTaken);
  await folders.create('team-a', 'Team A', noTaken);
  await folders.rename('team-a', 'Team A (payments)', 1, false, noTaken);
  const saved = new SavedDashboards(nodeFiles, dir);
  for (let v = 0; v < 27; v++) {
    const dashboard = {
      uid: 'many',
      title: 'Many',
      version: v,
      panels: [{ id: 1, title: `p${v}` }],
    };
    await saved.save('many', { dashboard, overwrite: false, message: `edit ${v + 1}` });
  }
  for (let v = 0; v < 3; v++) {
    const dashboard = { title: 'Ops board', tags: ['ops'], version: v, refresh: `${v + 1}m` };
    await saved.save('ops-board', { dashboard, overwrite: false, message: '', folderUid: 'ops' });
  }
  await saved.restore('ops-board', 1);
  const team = { zeta: 1, title: 'Équipe — größe ✓', alpha: { b: 2, a: 1 }, panels: [] };
  await saved.save('team-board', {
    dashboard: team,
    overwrite: false,
    message: 'first',
    folderUid: 'team-a',
  });
  await saved.save('root', { dashboard: { title: 'Root' }, overwrite: false, message: 'root' });
  const datasources = new FileDatasources(nodeFiles, dir);
  await datasources.load([]);
  await datasources.add({ uid: 'ds-thanos', name: 'Thanos', url: 'http://127.0.0.1:10902' }, 50);
  await datasources.add({ uid: 'ds-vm', name: 'VM', url: 'http://127.0.0.1:8428' }, 50);
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `promscope migrate-storage` with these arguments, in this process. */
export async function migrateStorage(argv: string[], files: FileSystem = nodeFiles): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMigrateStorage(argv, {
    files,
    resolvePath: async (p) => realpath(resolve(p)).catch(() => resolve(p)),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export interface Everything {
  dashboards: Record<string, DashboardCopy | string>;
  /** The history lists as GET …/versions serves them. */
  versions: Record<string, VersionSummary[]>;
  /** What search is built from: uid, title, tags, folder. */
  list: { uid: string; title: string; tags: string[]; folderUid: string }[];
  folders: StoredFolder[];
  datasources: StoredDatasource[];
}

/** All a storage holds, through its stores' read APIs (a DATA_DIR path or a postgres:// URL). */
export async function readEverything(where: string): Promise<Everything> {
  const loc: Location = parseLocation(where, 'test');
  const s = await openStorage(loc, loc.kind === 'files' ? 'source' : 'target', nodeFiles);
  try {
    const list = await s.dashboards.list();
    const dashboards: Everything['dashboards'] = {};
    const versions: Everything['versions'] = {};
    for (const e of list) {
      const copy = await readCopy(s.dashboards, e.uid);
      dashboards[e.uid] = !copy ? 'absent' : isUnreadable(copy) ? copy.error : copy;
      versions[e.uid] = await s.dashboards.versions(e.uid);
    }
    return {
      dashboards,
      versions,
      list: list.map((e) => ({
        uid: e.uid,
        title: e.title,
        tags: e.tags,
        folderUid: e.folderUid ?? '',
      })),
      folders: [...(await s.folders.list())],
      datasources: (await s.datasources.load([])).items,
    };
  } finally {
    await s.close();
  }
}
