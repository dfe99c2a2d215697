// Saved dashboards: <DATA_DIR>/dashboards/<uid>.json holds the current Grafana JSON, versions.ts
// its history. Every change to one uid runs in that uid's queue, so a save checks the version it
// is about to replace with no other save in between: one of N concurrent saves at the same
// version wins, the others see the winner's version and get a mismatch. (One process owns a
// DATA_DIR; the queue does not guard against a second server on the same folder.)

import type { VersionSummary } from '../../contract/api.ts';
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import type { DashboardEntry } from './provisioned.ts';
import { ParsedFiles, slugify } from './provisioned.ts';
import type { Dashboard, SaveRequest } from './validate.ts';
import { assertUid, UID_PATTERN } from './validate.ts';
import type { VersionRecord } from './versions.ts';
import { VersionHistory } from './versions.ts';

export type SaveResult =
  | { ok: true; uid: string; version: number; slug: string; title: string; folderUid: string }
  | { ok: false; reason: 'version-mismatch' };

export interface SavedDashboard extends DashboardEntry {
  version: number;
  created: string | null; // ISO 8601; null for a file put in place by hand
  updated: string | null;
}

/**
 * A saved dashboard whole, as `promscope migrate-storage` moves it from one store to another:
 * its current JSON and the history clients see, timestamps and messages as they were.
 */
export interface DashboardCopy {
  uid: string;
  folderUid: string;
  /** The current JSON (its `version` field included when it has one). */
  dashboard: Dashboard;
  version: number;
  created: string | null; // ISO 8601
  updated: string | null; // ISO 8601
  /** The version records clients see, newest first (at most KEEP_VERSIONS). */
  history: VersionRecord[];
}

/**
 * Where saved dashboards and their versions are kept: the files of DATA_DIR (SavedDashboards,
 * the default) or PostgreSQL (PgDashboards in store-pg.ts, DATABASE_URL). The routes see only
 * this; both keep the same contract (store.contract.test.ts runs one suite against both).
 */
export interface DashboardStore {
  /** What to name in a storage error: DATA_DIR's path, or `DATABASE_URL`. */
  readonly dataDir: string;
  /** Clears what a killed process left half done; how many were removed. */
  sweepTemps(): Promise<number>;
  list(): Promise<DashboardEntry[]>;
  exists(uid: string): Promise<boolean>;
  get(uid: string): Promise<SavedDashboard | undefined>;
  versions(uid: string): Promise<VersionSummary[]>;
  version(uid: string, version: number): Promise<VersionRecord | null>;
  save(uid: string, req: SaveRequest): Promise<SaveResult>;
  restore(uid: string, version: number): Promise<SaveResult | null>;
  countIn(folderUid: string): Promise<number>;
  delete(uid: string): Promise<string | null>;
  /**
   * Replaces whatever `copy.uid` holds by the copy, history included, numbers and times kept
   * (migrate-storage). A process stopped half-way leaves no dashboard or the whole copy.
   */
  put(copy: DashboardCopy): Promise<void>;
}

const UID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 12 random characters from [a-z0-9]: about 62 bits, so collisions are not a practical worry. */
export function newUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  // 256 % 36 skews a few letters slightly; irrelevant for an identifier that needs no secrecy.
  return Array.from(bytes, (b) => UID_CHARS[b % UID_CHARS.length]).join('');
}

const unreachable = async (uid: string): Promise<DashboardEntry> => ({
  uid,
  title: `${uid}.json`,
  tags: [],
  slug: slugify(uid),
  file: `${uid}.json`,
  error: `${uid}.json: the file name is not a valid uid (A-Z, a-z, 0-9, "_", "-"; up to 40)`,
});

/**
 * Where a saved dashboard's folder is kept: a key of its file, beside the dashboard JSON, so
 * a save that moves it is one atomic write. Taken out before the dashboard is served.
 */
export const FOLDER_KEY = '__promscopeFolderUid';

/** A temp file of writeFileAtomic (main.node.ts, main.deno.ts). */
const TEMP_FILE = /\.json\.tmp-\d+-[a-z0-9]+$/;

const versionOf = (d: Dashboard | undefined) => (typeof d?.version === 'number' ? d.version : 0);

export class SavedDashboards implements DashboardStore {
  readonly history: VersionHistory;
  private readonly dir: string;
  private readonly parsed: ParsedFiles;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly files: FileSystem,
    readonly dataDir: string,
  ) {
    this.dir = joinPath(dataDir, 'dashboards');
    this.history = new VersionHistory(files, joinPath(this.dir, 'versions'));
    this.parsed = new ParsedFiles(files);
  }

  private file(uid: string): string {
    return joinPath(this.dir, `${assertUid(uid)}.json`);
  }

  /** Runs `fn` after every earlier change to `uid` has settled, whether it failed or not. */
  private queue<T>(uid: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(uid) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => undefined);
    this.queues.set(uid, tail);
    void tail.then(() => {
      if (this.queues.get(uid) === tail) this.queues.delete(uid);
    });
    return run;
  }

  /**
   * Removes the temp files of saves a killed process left half done (writeFileAtomic's
   * `<file>.tmp-<pid>-<random>`): run at start, before this process saves anything. The saved
   * files themselves are whole either way (rename is atomic); this only stops litter piling up.
   */
  async sweepTemps(): Promise<number> {
    let removed = 0;
    const sweep = async (dir: string) => {
      for (const name of (await this.files.readDir(dir)) ?? []) {
        if (!TEMP_FILE.test(name)) continue;
        await this.files.remove(joinPath(dir, name));
        removed++;
      }
    };
    await sweep(this.dir);
    const versions = joinPath(this.dir, 'versions');
    for (const uid of (await this.files.readDir(versions)) ?? []) {
      if (UID_PATTERN.test(uid)) await sweep(joinPath(versions, uid));
    }
    return removed;
  }

  /** The file name is the uid, whatever the JSON inside claims: saves write to `<uid>.json`. */
  private async entry(uid: string): Promise<DashboardEntry | null> {
    const entry = await this.parsed.read(this.file(uid), `${uid}.json`);
    if (!entry) return null;
    if (!entry.dashboard || !(FOLDER_KEY in entry.dashboard))
      return { ...entry, uid, folderUid: '' };
    // A copy: ParsedFiles' entries are shared.
    const { [FOLDER_KEY]: folder, ...dashboard } = entry.dashboard;
    return { ...entry, uid, dashboard, folderUid: typeof folder === 'string' ? folder : '' };
  }

  async list(): Promise<DashboardEntry[]> {
    const names = (await this.files.readDir(this.dir)) ?? [];
    const uids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
    this.parsed.keepOnly(this.dir, new Set(uids.map((uid) => joinPath(this.dir, `${uid}.json`))));
    const entries = await Promise.all(
      uids.sort().map((uid) =>
        // A file put there by hand under a name no URL can reach is shown, not read.
        UID_PATTERN.test(uid) ? this.entry(uid) : unreachable(uid),
      ),
    );
    return entries.filter((e): e is DashboardEntry => e !== null);
  }

  async exists(uid: string): Promise<boolean> {
    return (await this.files.readFile(this.file(uid))) !== null;
  }

  async get(uid: string): Promise<SavedDashboard | undefined> {
    const entry = await this.entry(uid);
    if (!entry) return undefined;
    const version = versionOf(entry.dashboard);
    // Timestamps live in the history; a missing or broken record leaves them unknown.
    const rec = await this.history.read(uid, version).catch(() => null);
    const updated = rec?.created ?? null;
    return { ...entry, version, updated, created: rec?.dashboardCreated ?? updated };
  }

  /**
   * The version the history is seen up to: the dashboard file's, or, when that is broken or
   * carries none (a file put there by hand), no bound.
   */
  private async currentVersion(uid: string): Promise<number> {
    const entry = await this.entry(uid);
    const version = entry && !entry.error ? versionOf(entry.dashboard) : 0;
    return version > 0 ? version : Number.POSITIVE_INFINITY;
  }

  /** The history as clients see it (VersionHistory.shown): only versions that were saved. */
  async versions(uid: string): Promise<VersionSummary[]> {
    return this.history.list(uid, await this.currentVersion(uid));
  }

  /** One version of the history as clients see it; null when it is not among them. */
  async version(uid: string, version: number): Promise<VersionRecord | null> {
    const shown = await this.history.shown(uid, await this.currentVersion(uid));
    return shown.includes(version) ? this.history.read(uid, version) : null;
  }

  save(uid: string, req: SaveRequest): Promise<SaveResult> {
    return this.queue(uid, () => this.saveNow(uid, req));
  }

  /** Saves the content of an earlier version as a new one; null when there is no such version. */
  restore(uid: string, version: number): Promise<SaveResult | null> {
    return this.queue(uid, async () => {
      const rec = (await this.exists(uid)) ? await this.version(uid, version) : null;
      if (!rec) return null;
      const message = `Restored from version ${version}`;
      return this.saveNow(uid, { dashboard: rec.dashboard, overwrite: true, message });
    });
  }

  /** How many saved dashboards are in the folder (a delete of the folder waits for none). */
  async countIn(folderUid: string): Promise<number> {
    return (await this.list()).filter((e) => e.folderUid === folderUid).length;
  }

  /** Deletes the dashboard and its history; the title it had, or null when there was none. */
  delete(uid: string): Promise<string | null> {
    return this.queue(uid, async () => {
      const entry = await this.entry(uid);
      if (!entry) return null;
      // The dashboard first: once it is gone the delete has happened, whatever history is left.
      await this.files.remove(this.file(uid));
      await this.history.removeAll(uid);
      return entry.title;
    });
  }

  /**
   * The dashboard file goes first and comes back last: stopped in between, the uid has no
   * dashboard (its records are not listed, and the next put or save clears them), never a
   * dashboard with part of its history.
   */
  put(copy: DashboardCopy): Promise<void> {
    const { uid } = copy;
    return this.queue(uid, async () => {
      await this.files.remove(this.file(uid));
      await this.history.removeAll(uid);
      for (const rec of copy.history) await this.history.write(uid, rec);
      const { [FOLDER_KEY]: _ignored, ...clean } = copy.dashboard;
      const stored = copy.folderUid ? { ...clean, [FOLDER_KEY]: copy.folderUid } : clean;
      await this.files.writeFileAtomic(this.file(uid), `${JSON.stringify(stored, null, 2)}\n`);
    });
  }

  private async saveNow(uid: string, req: SaveRequest): Promise<SaveResult> {
    const current = await this.entry(uid);
    const newest = (await this.history.numbers(uid))[0] ?? 0;
    // A broken current file has no trustworthy version: only an explicit overwrite replaces it.
    const stored = current?.error ? newest : versionOf(current?.dashboard);
    const posted = typeof req.dashboard.version === 'number' ? req.dashboard.version : 0;
    // Either way: a version above the stored one was not loaded from here either (a client
    // that guessed, or one holding a copy from before a delete), so it is as stale as a lower one.
    if (current && !req.overwrite && (current.error || posted !== stored)) {
      return { ok: false, reason: 'version-mismatch' };
    }
    // History left behind by an interrupted delete must not mix with a new dashboard's.
    if (!current && newest) await this.history.removeAll(uid);
    const version = current ? stored + 1 : 1;
    const created = new Date().toISOString();
    const previous = current ? await this.history.read(uid, stored).catch(() => null) : null;
    const dashboardCreated = previous?.dashboardCreated ?? previous?.created ?? created;
    const { [FOLDER_KEY]: _ignored, ...clean } = req.dashboard;
    const dashboard: Dashboard = { ...clean, uid, version };
    const folderUid = req.folderUid ?? current?.folderUid ?? '';
    // History before the dashboard: if the second write fails the dashboard is unchanged, and
    // the orphan record is overwritten by the next save, which gets the same version number.
    await this.history.write(uid, {
      version,
      created,
      message: req.message,
      dashboard,
      dashboardCreated,
    });
    try {
      const stored = folderUid ? { ...dashboard, [FOLDER_KEY]: folderUid } : dashboard;
      await this.files.writeFileAtomic(this.file(uid), `${JSON.stringify(stored, null, 2)}\n`);
    } catch (err) {
      // Not saved: take back the record of a version that never became current (best effort;
      // a record left behind is overwritten by the next save, which gets this number).
      await this.history.remove(uid, version).catch(() => undefined);
      throw err;
    }
    // Best effort: the save has happened; a failed prune is retried by the next save.
    await this.history.prune(uid).catch(() => undefined);
    const title = String(dashboard.title);
    return { ok: true, uid, version, title, slug: slugify(title), folderUid };
  }
}
