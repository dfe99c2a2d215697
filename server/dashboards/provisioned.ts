// Provisioned dashboards: Grafana dashboard JSON files in DASHBOARDS_DIR, read-only. The
// directory is read on each call, so edited files show up without a restart; a broken file is
// reported with its error and never hides the others.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';

export interface DashboardEntry {
  uid: string;
  title: string;
  tags: string[];
  slug: string;
  file: string;
  dashboard?: Record<string, unknown>;
  error?: string;
}

/** Grafana's URL slug: lower case, runs of anything else than letters and digits become "-". */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'dashboard'
  );
}

/** One dashboard file; a broken one becomes an entry with `error`, named after its file. */
export function parseDashboardFile(file: string, bytes: Uint8Array): DashboardEntry {
  const fallbackUid = file.replace(/\.json$/, '');
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new Error('not a JSON object');
    }
    const d = json as Record<string, unknown>;
    const title = typeof d.title === 'string' && d.title ? d.title : fallbackUid;
    const uid = typeof d.uid === 'string' && d.uid ? d.uid : fallbackUid;
    const tags = Array.isArray(d.tags)
      ? d.tags.filter((t): t is string => typeof t === 'string')
      : [];
    return { uid, title, tags, slug: slugify(title), file, dashboard: { ...d, uid, title } };
  } catch (err) {
    const error = `${file}: ${(err as Error).message}`;
    return { uid: fallbackUid, title: file, tags: [], slug: slugify(fallbackUid), file, error };
  }
}

export class ProvisionedDashboards {
  constructor(
    private readonly files: FileSystem,
    private readonly dir: string,
  ) {}

  async list(): Promise<DashboardEntry[]> {
    const names = (await this.files.readDir(this.dir)) ?? [];
    const entries = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map(async (file) => {
          const bytes = await this.files.readFile(joinPath(this.dir, file));
          return bytes ? parseDashboardFile(file, bytes) : null;
        }),
    );
    return entries.filter((e): e is DashboardEntry => e !== null);
  }

  async get(uid: string): Promise<DashboardEntry | undefined> {
    return (await this.list()).find((e) => e.uid === uid);
  }
}
