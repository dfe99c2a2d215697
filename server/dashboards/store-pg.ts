// Saved dashboards and their versions in PostgreSQL (DATABASE_URL), for several Promscope
// replicas behind one balancer. Same contract as the files of store.ts (DashboardStore); what
// differs is how replicas agree. Reads a request makes often (the list behind search, one
// dashboard by uid) are cached while the change feed is up (pg-changes.ts): every write sends
// NOTIFY promscope_dashboards '<uid>' in its transaction, each replica drops what it holds of
// that uid, and a cache hit first passes the feed's fence, so the next request to any replica
// reads the new version. Versions are read through (rare). The
// 412 check never uses a cache: it
// is the save statement itself (UPDATE … WHERE version = posted, or INSERT … ON CONFLICT DO
// NOTHING), in the same transaction as the version record: of N racing saves at one version
// exactly one row is updated. An overwrite (or restore) has no version to test, so it takes a
// transaction-scoped advisory lock on the uid and reads the row FOR UPDATE.
// The JSON is kept as text, not jsonb: jsonb reorders keys, and a dashboard must come back
// byte for byte as it was saved (migrate-storage round-trips files → PostgreSQL → files).

import type { VersionSummary } from '../../contract/api.ts';
import type { Sql, TransactionSql } from '../pg.ts';
import type { ChangeFeed } from '../pg-changes.ts';
import { ReadCache } from '../read-cache.ts';
import type { DashboardEntry } from './provisioned.ts';
import { parseDashboardFile, slugify } from './provisioned.ts';
import type { DashboardCopy, DashboardStore, SavedDashboard, SaveResult } from './store.ts';
import { FOLDER_KEY } from './store.ts';
import type { Dashboard, SaveRequest } from './validate.ts';
import { assertUid } from './validate.ts';
import type { VersionRecord } from './versions.ts';
import { KEEP_VERSIONS } from './versions.ts';

interface Row {
  uid: string;
  version: number;
  folder_uid: string;
  body: string;
  created: Date;
  updated: Date;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function entryOf(row: Pick<Row, 'uid' | 'body' | 'folder_uid'>): DashboardEntry {
  const entry = parseDashboardFile(`${row.uid}.json`, new TextEncoder().encode(row.body));
  return { ...entry, uid: row.uid, folderUid: row.folder_uid };
}

export class PgDashboards implements DashboardStore {
  readonly dataDir = 'DATABASE_URL';
  /** The list behind search (one key, ''). */
  readonly listCache: ReadCache<DashboardEntry[]>;
  readonly byUid: ReadCache<SavedDashboard | undefined>;

  constructor(
    private readonly sql: Sql,
    feed: ChangeFeed | null = null,
  ) {
    this.listCache = new ReadCache(feed);
    this.byUid = new ReadCache(feed);
    feed?.subscribe('promscope_dashboards', {
      changed: (uid) => this.forget(uid),
      reset: () => {
        this.listCache.clear();
        this.byUid.clear();
      },
    });
  }

  private forget(uid: string): void {
    this.listCache.clear();
    this.byUid.drop(uid);
  }

  /** Nothing to sweep: a killed replica's open transaction is rolled back by PostgreSQL. */
  async sweepTemps(): Promise<number> {
    return 0;
  }

  list(): Promise<DashboardEntry[]> {
    return this.listCache.get('', async () => {
      const rows = await this.sql<Row[]>`
        SELECT uid, folder_uid, body FROM dashboards ORDER BY uid`;
      return rows.map(entryOf);
    });
  }

  async exists(uid: string): Promise<boolean> {
    return (await this.get(uid)) !== undefined;
  }

  get(uid: string): Promise<SavedDashboard | undefined> {
    assertUid(uid);
    return this.byUid.get(uid, async () => {
      const [row] = await this.sql<Row[]>`
        SELECT uid, version, folder_uid, body, created, updated
        FROM dashboards WHERE uid = ${uid}`;
      if (!row) return undefined;
      return {
        ...entryOf(row),
        version: row.version,
        created: iso(row.created),
        updated: iso(row.updated),
      };
    });
  }

  async versions(uid: string): Promise<VersionSummary[]> {
    const rows = await this.sql<{ version: number; created: Date; message: string }[]>`
      SELECT version, created, message FROM dashboard_versions
      WHERE uid = ${assertUid(uid)} ORDER BY version DESC LIMIT ${KEEP_VERSIONS}`;
    return rows.map((r) => ({ version: r.version, created: iso(r.created), message: r.message }));
  }

  async version(uid: string, version: number): Promise<VersionRecord | null> {
    const [row] = await this.sql<{ record: string }[]>`
      SELECT record FROM dashboard_versions WHERE uid = ${assertUid(uid)} AND version = ${version}`;
    return row ? (JSON.parse(row.record) as VersionRecord) : null;
  }

  async save(uid: string, req: SaveRequest): Promise<SaveResult> {
    assertUid(uid);
    const result = await this.sql.begin(async (tx) => {
      if (req.overwrite) {
        await tx`SELECT pg_advisory_xact_lock(hashtext(${`dashboard:${uid}`}))`;
        const [row] = await tx<Row[]>`
          SELECT version, folder_uid, created FROM dashboards WHERE uid = ${uid} FOR UPDATE`;
        return this.write(tx, uid, req, row ?? null);
      }
      const posted = typeof req.dashboard.version === 'number' ? req.dashboard.version : 0;
      // The version check and the write are one statement (below); this only learns what the
      // row holds to build the new JSON, and the statement fails if that changed since.
      const [row] = await tx<Row[]>`
        SELECT version, folder_uid, created FROM dashboards WHERE uid = ${uid}`;
      if (row && row.version !== posted) return { ok: false, reason: 'version-mismatch' } as const;
      return this.write(tx, uid, req, row ?? null);
    });
    if (result.ok) this.forget(uid); // this replica at once; the others by the NOTIFY
    return result;
  }

  async restore(uid: string, version: number): Promise<SaveResult | null> {
    const rec = (await this.exists(uid)) ? await this.version(uid, version) : null;
    if (!rec) return null;
    const message = `Restored from version ${version}`;
    return this.save(uid, { dashboard: rec.dashboard, overwrite: true, message });
  }

  /** Asked by a folder's delete: never from a cache (see PgFolders.remove for the guard). */
  async countIn(folderUid: string): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM dashboards WHERE folder_uid = ${folderUid}`;
    return row?.n ?? 0;
  }

  async delete(uid: string): Promise<string | null> {
    assertUid(uid);
    const row = await this.sql.begin(async (tx) => {
      const [gone] = await tx<{ body: string; uid: string; folder_uid: string }[]>`
        DELETE FROM dashboards WHERE uid = ${uid} RETURNING uid, body, folder_uid`;
      if (gone) await tx`SELECT pg_notify('promscope_dashboards', ${uid})`;
      return gone;
    });
    if (!row) return null;
    this.forget(uid);
    return entryOf(row).title;
  }

  /**
   * One transaction under the uid's lock (as an overwrite): the row and every record go in
   * together or not at all. A copy with no times (a file put in DATA_DIR by hand) is dated by
   * its newest record, or now: the columns cannot be empty.
   */
  async put(copy: DashboardCopy): Promise<void> {
    const uid = assertUid(copy.uid);
    const updated = copy.updated ?? copy.history[0]?.created ?? new Date().toISOString();
    const created = copy.created ?? updated;
    await this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`dashboard:${uid}`}))`;
      await tx`DELETE FROM dashboards WHERE uid = ${uid}`;
      const { [FOLDER_KEY]: _ignored, ...dashboard } = copy.dashboard;
      await tx`
        INSERT INTO dashboards (uid, version, folder_uid, body, created, updated)
        VALUES (${uid}, ${copy.version}, ${copy.folderUid}, ${JSON.stringify(dashboard, null, 2)},
          ${new Date(created)}, ${new Date(updated)})`;
      for (const rec of copy.history) {
        await tx`
          INSERT INTO dashboard_versions (uid, version, created, message, record)
          VALUES (${uid}, ${rec.version}, ${new Date(rec.created)}, ${rec.message ?? ''},
            ${JSON.stringify(rec, null, 2)})`;
      }
      await tx`SELECT pg_notify('promscope_dashboards', ${uid})`;
    });
    this.forget(uid);
  }

  /**
   * Writes version `row.version + 1` (1 when there is no row) and its record. Without
   * overwrite the UPDATE tests the version it read and the INSERT does nothing when another
   * replica created the uid first: either way no row comes back and the save is a mismatch,
   * rolled back with its record.
   */
  private async write(
    tx: TransactionSql,
    uid: string,
    req: SaveRequest,
    row: Pick<Row, 'version' | 'folder_uid' | 'created'> | null,
  ): Promise<SaveResult> {
    const version = row ? row.version + 1 : 1;
    const now = new Date();
    const { [FOLDER_KEY]: _ignored, ...clean } = req.dashboard;
    const dashboard: Dashboard = { ...clean, uid, version };
    const folderUid = req.folderUid ?? row?.folder_uid ?? '';
    const body = JSON.stringify(dashboard, null, 2);
    const title = String(dashboard.title);
    const created = row ? new Date(row.created) : now;
    const written = row
      ? await tx`
          UPDATE dashboards SET version = ${version}, folder_uid = ${folderUid}, body = ${body},
            updated = ${now}
          WHERE uid = ${uid} AND version = ${row.version} RETURNING uid`
      : await tx`
          INSERT INTO dashboards (uid, version, folder_uid, body, created, updated)
          VALUES (${uid}, ${version}, ${folderUid}, ${body}, ${now}, ${now})
          ON CONFLICT (uid) DO NOTHING RETURNING uid`;
    if (written.length === 0) {
      // A concurrent save won: nothing of this one is kept (the record is not written yet).
      return { ok: false, reason: 'version-mismatch' };
    }
    const record: VersionRecord = {
      version,
      created: now.toISOString(),
      message: req.message,
      dashboard,
      dashboardCreated: created.toISOString(),
    };
    await tx`
      INSERT INTO dashboard_versions (uid, version, created, message, record)
      VALUES (${uid}, ${version}, ${now}, ${req.message}, ${JSON.stringify(record, null, 2)})
      ON CONFLICT (uid, version) DO UPDATE SET created = EXCLUDED.created,
        message = EXCLUDED.message, record = EXCLUDED.record`;
    await tx`DELETE FROM dashboard_versions WHERE uid = ${uid} AND version <= ${version - KEEP_VERSIONS}`;
    await tx`SELECT pg_notify('promscope_dashboards', ${uid})`;
    return { ok: true, uid, version, title, slug: slugify(title), folderUid };
  }
}
