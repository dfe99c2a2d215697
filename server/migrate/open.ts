// Opens a storage named on migrate-storage's command line with the server's own store classes,
// and says in words why it cannot be: a DATA_DIR that does not exist (as a source) or cannot
// be written (as a target), a PostgreSQL that does not answer, refuses the user, lacks the
// database, or (as a source) holds no Promscope tables. A PostgreSQL target gets the server's
// migrations first, as a server starting on it would. No change feed: nothing here caches.
import { FolderStore } from '../dashboards/folders.ts';
import { PgFolders } from '../dashboards/folders-pg.ts';
import { SavedDashboards } from '../dashboards/store.ts';
import { PgDashboards } from '../dashboards/store-pg.ts';
import { FileDatasources } from '../datasources/added.ts';
import { PgDatasources } from '../datasources/added-pg.ts';
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { connect, migrate, type Sql } from '../pg.ts';
import { checkDataDir } from '../storage.ts';
import { describe, type Location, redact } from './args.ts';
import type { Storage } from './copy.ts';

/** A storage that cannot be opened: said as it is, exit status 2. */
export class OpenError extends Error {}

export interface Opened extends Storage {
  close(): Promise<void>;
}

export async function openStorage(
  loc: Location,
  role: 'source' | 'target',
  files: FileSystem,
): Promise<Opened> {
  return loc.kind === 'files' ? openFiles(loc.dir, role, files) : openPostgres(loc.url, role);
}

async function openFiles(dir: string, role: 'source' | 'target', files: FileSystem) {
  const name = `DATA_DIR ${dir}`;
  if (role === 'source') {
    const names = await files.readDir(dir).catch((err: unknown) => {
      throw new OpenError(`${name} cannot be read: ${(err as Error).message}`);
    });
    if (names === null) throw new OpenError(`${name} does not exist (or is not a folder)`);
  } else {
    const problem = await checkDataDir(files, dir);
    if (problem)
      throw new OpenError(problem.replace(/^warning: /, '').replace(/\. Dashboards.*$/, ''));
  }
  const folders = new FolderStore(files, dir);
  await folders.load();
  return {
    name,
    filePrefix: `${joinPath(dir, 'dashboards')}/`,
    dashboards: new SavedDashboards(files, dir),
    folders,
    foldersError: folders.error,
    datasources: new FileDatasources(files, dir),
    close: async () => undefined,
  };
}

/** PostgreSQL's and the client's errors, in words naming the storage but not its password. */
export function postgresProblem(err: unknown, url: string): string {
  const e = err as { code?: string; message?: string };
  const where = describe({ kind: 'postgres', url });
  const u = new URL(url);
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused at ${u.host}: is PostgreSQL running there, on that port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: host ${u.hostname} not found`;
    case 'CONNECT_TIMEOUT':
      return `${where}: no answer from ${u.host} within 10 s`;
    case '28P01':
    case '28000':
      return `${where}: PostgreSQL refused the login (${e.message})`;
    case '3D000':
      return `${where}: ${e.message}; create it first (createdb) or fix the URL`;
    default:
      return `${where}: ${redact(e.message ?? String(err))}`;
  }
}

async function openPostgres(url: string, role: 'source' | 'target') {
  const sql: Sql = connect(url, 4, 10);
  try {
    if (role === 'target') await migrate(sql);
    else {
      const [row] = await sql<{ t: string | null }[]>`SELECT to_regclass('dashboards')::text AS t`;
      if (!row?.t) {
        throw new OpenError(
          `${describe({ kind: 'postgres', url })} holds no Promscope tables: no server has run on it (is it the right database?)`,
        );
      }
    }
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    if (err instanceof OpenError) throw err;
    throw new OpenError(postgresProblem(err, url));
  }
  return {
    name: describe({ kind: 'postgres', url }),
    filePrefix: '',
    dashboards: new PgDashboards(sql),
    folders: new PgFolders(sql),
    foldersError: null,
    datasources: new PgDatasources(sql),
    close: () => sql.end({ timeout: 5 }),
  };
}
