// The copy itself, between two opened storages (open.ts), whatever their kinds: folders first
// (dashboards name them), then the datasources added in the UI, then each saved dashboard with
// its history. Each thing is compared with what the target holds under its uid: absent, it is
// copied; equal, counted "already there"; different, named and left alone unless --overwrite.
// Every write is one store's `put` (a transaction per dashboard on PostgreSQL; on files the
// dashboard file last), so a run stopped half-way leaves the target whole and the next run
// finishes the job. The source is only read.
import type { FolderStorage, StoredFolder } from '../dashboards/folders.ts';
import type { DashboardStore } from '../dashboards/store.ts';
import type { AddedDatasources, StoredDatasource } from '../datasources/added.ts';
import { difference, isUnreadable, readCopy, sameTime } from './snapshot.ts';

export interface Storage {
  /** How to name it to the operator ("DATA_DIR /var/lib/promscope"), never a password. */
  name: string;
  /** What makes a dashboard's file name a path, for errors ("/var/lib/promscope/dashboards/"); '' for PostgreSQL. */
  filePrefix: string;
  dashboards: DashboardStore;
  folders: FolderStorage;
  /** Why folders.json cannot be read, or null. */
  foldersError: string | null;
  datasources: AddedDatasources;
}

export interface Counts {
  copied: number;
  /** Differed and were replaced (--overwrite). */
  replaced: number;
  there: number;
  /** Differed and were left as the target had them. */
  differing: number;
  /** Could not be read from the source, or not written to the target: named in `notes`. */
  failed: number;
}

export interface Report {
  folders: Counts;
  datasources: Counts;
  dashboards: Counts & { versions: number };
  /** One line per thing left uncopied or replaced, naming it and why. */
  notes: string[];
}

export interface CopyOptions {
  overwrite: boolean;
  dryRun: boolean;
}

const zero = (): Counts => ({ copied: 0, replaced: 0, there: 0, differing: 0, failed: 0 });

/** Whether everything the source holds is now in the target, as it is there. */
export const complete = (r: Report) =>
  [r.folders, r.datasources, r.dashboards].every((c) => c.differing === 0 && c.failed === 0);

export async function copyStorage(from: Storage, to: Storage, opts: CopyOptions): Promise<Report> {
  const report: Report = {
    folders: zero(),
    datasources: zero(),
    dashboards: { ...zero(), versions: 0 },
    notes: [],
  };
  await copyFolders(from, to, opts, report);
  await copyDatasources(from, to, opts, report);
  await copyDashboards(from, to, opts, report);
  return report;
}

/**
 * Puts `write` through unless this is a dry run; counts it as copied or replaced. A failure
 * is the storage's (a full disk, a lost connection): it stops the run, the target whole.
 */
async function put(
  counts: Counts,
  replacing: boolean,
  opts: CopyOptions,
  write: () => Promise<void>,
) {
  if (!opts.dryRun) await write();
  if (replacing) counts.replaced++;
  else counts.copied++;
}

const isTime = (t: unknown) => typeof t === 'string' && Number.isFinite(Date.parse(t));

const sameFolder = (a: StoredFolder, b: StoredFolder) =>
  a.title === b.title &&
  a.version === b.version &&
  sameTime(a.created, b.created) &&
  sameTime(a.updated, b.updated);

async function copyFolders(from: Storage, to: Storage, opts: CopyOptions, report: Report) {
  const counts = report.folders;
  for (const [s, error] of [
    [from, from.foldersError],
    [to, to.foldersError],
  ] as const) {
    if (error) {
      counts.failed++;
      report.notes.push(`folders not copied: ${s.name}: ${error}`);
      return;
    }
  }
  const theirs = [...(await to.folders.list())];
  for (const folder of await from.folders.list()) {
    // folders.json edited by hand: a folder no store could hold as it is.
    if (!Number.isInteger(folder.version) || !isTime(folder.created) || !isTime(folder.updated)) {
      counts.failed++;
      report.notes.push(
        `folder ${folder.uid} not copied: ${from.name}: its version, created or updated is missing or not valid; fix folders.json and run again`,
      );
      continue;
    }
    const held = theirs.find((f) => f.uid === folder.uid);
    const clash = theirs.find(
      (f) => f.uid !== folder.uid && f.title.toLowerCase() === folder.title.toLowerCase(),
    );
    if (held && sameFolder(folder, held)) {
      counts.there++;
      continue;
    }
    if (clash) {
      // Titles are unique: replacing the other folder could orphan its dashboards.
      counts.differing++;
      report.notes.push(
        `folder "${folder.title}" (${folder.uid}) not copied: the target has a folder of that title under uid ${clash.uid}; rename one of them`,
      );
      continue;
    }
    if (held && !opts.overwrite) {
      counts.differing++;
      report.notes.push(
        `folder ${folder.uid} differs: "${held.title}" v${held.version} there, "${folder.title}" v${folder.version} here; left as it is (--overwrite replaces it)`,
      );
      continue;
    }
    if (held)
      report.notes.push(`folder ${folder.uid} replaced: "${held.title}" → "${folder.title}"`);
    await put(counts, !!held, opts, () => to.folders.put(folder));
    theirs.push(folder);
  }
}

async function copyDatasources(from: Storage, to: Storage, opts: CopyOptions, report: Report) {
  const counts = report.datasources;
  const source = await from.datasources.load([]);
  const target = await to.datasources.load([]);
  for (const [s, error] of [
    [from, source.error],
    [to, target.error],
  ] as const) {
    if (error) {
      counts.failed++;
      report.notes.push(`datasources not copied: ${s.name}: ${error}`);
      return;
    }
  }
  const theirs: StoredDatasource[] = [...target.items];
  for (const ds of source.items) {
    if (![ds.uid, ds.name, ds.url].every((v) => typeof v === 'string' && v !== '')) {
      counts.failed++;
      report.notes.push(
        `datasource ${JSON.stringify(ds.name ?? ds.uid ?? '?')} not copied: ${from.name}: it lacks a uid, name or url; fix datasources.json and run again`,
      );
      continue;
    }
    const held = theirs.find((d) => d.uid === ds.uid);
    const clash = theirs.find((d) => d.uid !== ds.uid && d.url === ds.url);
    if (held && held.name === ds.name && held.url === ds.url) {
      counts.there++;
      continue;
    }
    if (clash) {
      // A URL is added once: dashboards of either uid would lose their datasource.
      counts.differing++;
      report.notes.push(
        `datasource "${ds.name}" (${ds.uid}) not copied: the target has ${ds.url} under uid ${clash.uid}; remove one of them`,
      );
      continue;
    }
    if (held && !opts.overwrite) {
      counts.differing++;
      report.notes.push(
        `datasource ${ds.uid} differs: "${held.name}" ${held.url} there, "${ds.name}" ${ds.url} here; left as it is (--overwrite replaces it)`,
      );
      continue;
    }
    if (held) report.notes.push(`datasource ${ds.uid} replaced: ${held.url} → ${ds.url}`);
    await put(counts, !!held, opts, () => to.datasources.put(ds));
    theirs.push(ds);
  }
}

async function copyDashboards(from: Storage, to: Storage, opts: CopyOptions, report: Report) {
  const counts = report.dashboards;
  // The files store's errors start with the file's name under dashboards/: made a whole path.
  const broken = (uid: string, error: string, where: Storage) => {
    counts.failed++;
    const what = where.filePrefix ? `${where.filePrefix}${error}` : `${where.name}: ${error}`;
    report.notes.push(`dashboard ${uid} not copied: ${what}; fix or remove it and run again`);
  };
  for (const entry of await from.dashboards.list()) {
    const uid = entry.uid;
    if (entry.error) {
      broken(uid, entry.error, from);
      continue;
    }
    const source = await readCopy(from.dashboards, uid).catch((err: unknown) => ({
      uid,
      error: (err as Error).message,
    }));
    if (!source) continue; // deleted meanwhile
    if (isUnreadable(source)) {
      broken(uid, source.error, from);
      continue;
    }
    const target = await readCopy(to.dashboards, uid).catch((err: unknown) => ({
      uid,
      error: (err as Error).message,
    }));
    const why = !target
      ? null
      : isUnreadable(target)
        ? `the target's is unreadable (${target.error})`
        : difference(source, target);
    if (target && why === null) {
      counts.there++;
      continue;
    }
    if (target && !opts.overwrite) {
      counts.differing++;
      report.notes.push(
        `dashboard ${uid} ("${entry.title}") differs: ${why}; left as it is (--overwrite replaces it)`,
      );
      continue;
    }
    if (target) report.notes.push(`dashboard ${uid} ("${entry.title}") replaced: ${why}`);
    await put(counts, !!target, opts, () => to.dashboards.put(source));
    counts.versions += source.history.length;
  }
}
