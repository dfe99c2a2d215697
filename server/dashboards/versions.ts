// Version history of saved dashboards: one file per version in
// <DATA_DIR>/dashboards/versions/<uid>/<version>.json, the newest KEEP_VERSIONS kept.
// https://grafana.com/docs/grafana/latest/developers/http_api/dashboard_versions/
import type { VersionSummary } from '../../contract/api.ts';
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { unreadable } from '../storage.ts';
import type { Dashboard } from './validate.ts';
import { assertUid } from './validate.ts';

export const KEEP_VERSIONS = 20;

export interface VersionRecord {
  version: number;
  created: string; // ISO 8601, when this version was saved
  message: string;
  dashboard: Dashboard;
  /**
   * When version 1 was saved, carried forward by every save: older records are pruned, so the
   * dashboard's own creation time would otherwise be lost.
   */
  dashboardCreated?: string; // ISO 8601
}

export class VersionHistory {
  constructor(
    private readonly files: FileSystem,
    private readonly dir: string,
  ) {}

  private file(uid: string, version: number): string {
    return joinPath(this.dirOf(uid), `${version}.json`);
  }

  private dirOf(uid: string): string {
    return joinPath(this.dir, assertUid(uid));
  }

  /** Version numbers on disk, newest first; names that are not `<n>.json` are ignored. */
  async numbers(uid: string): Promise<number[]> {
    const names = (await this.files.readDir(this.dirOf(uid))) ?? [];
    return names
      .map((n) => /^([1-9]\d*)\.json$/.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => b - a);
  }

  /** The record, null when absent; throws with the file name when it cannot be parsed. */
  async read(uid: string, version: number): Promise<VersionRecord | null> {
    const name = `versions/${uid}/${version}.json`; // errors name the file, never its path
    const bytes = await this.files.readFile(this.file(uid, version)).catch((err: unknown) => {
      throw new Error(`${name}: ${unreadable(err)}`);
    });
    if (!bytes) return null;
    try {
      const rec = JSON.parse(new TextDecoder().decode(bytes)) as VersionRecord;
      if (typeof rec !== 'object' || rec === null || typeof rec.dashboard !== 'object') {
        throw new Error('not a version record');
      }
      return rec;
    } catch (err) {
      throw new Error(`${name}: ${(err as Error).message}`);
    }
  }

  /**
   * The versions a client may see, newest first: none above `current` (the version of the
   * dashboard file) and no more than KEEP_VERSIONS. A save writes its record, then the
   * dashboard, then prunes; a kill -9 between the first two leaves the record of a version
   * that never became current and was never acknowledged, and one before the prune leaves
   * KEEP_VERSIONS + 1 records. Both are put right by the next save; until then they are not
   * shown.
   */
  async shown(uid: string, current: number): Promise<number[]> {
    return (await this.numbers(uid)).filter((v) => v <= current).slice(0, KEEP_VERSIONS);
  }

  /** Newest first (see `shown`); an unreadable record is listed with its error, not hiding the rest. */
  async list(uid: string, current: number): Promise<VersionSummary[]> {
    const numbers = await this.shown(uid, current);
    return Promise.all(
      numbers.map(async (version): Promise<VersionSummary> => {
        try {
          const rec = await this.read(uid, version);
          return { version, created: rec?.created ?? null, message: rec?.message ?? '' };
        } catch (err) {
          return { version, created: null, message: '', error: (err as Error).message };
        }
      }),
    );
  }

  async write(uid: string, rec: VersionRecord): Promise<void> {
    await this.files.writeFileAtomic(
      this.file(uid, rec.version),
      `${JSON.stringify(rec, null, 2)}\n`,
    );
  }

  async remove(uid: string, version: number): Promise<void> {
    await this.files.remove(this.file(uid, version));
  }

  /** Removes all but the newest KEEP_VERSIONS records. */
  async prune(uid: string): Promise<void> {
    const old = (await this.numbers(uid)).slice(KEEP_VERSIONS);
    for (const v of old) await this.files.remove(this.file(uid, v));
  }

  async removeAll(uid: string): Promise<void> {
    for (const v of await this.numbers(uid)) await this.files.remove(this.file(uid, v));
  }
}
