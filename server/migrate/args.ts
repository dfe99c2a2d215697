// `promscope migrate-storage`'s command line: where from, where to, and how to treat what the
// target already holds. A storage is named as the server names it: a DATA_DIR path, or a
// DATABASE_URL (postgres://…). Pure: the entry point resolves paths before the checks here.

export type Location = { kind: 'files'; dir: string } | { kind: 'postgres'; url: string };

export interface MigrateArgs {
  from: Location;
  to: Location;
  /** Replace what the target holds under a uid when it differs from the source. */
  overwrite: boolean;
  /** Say what would be copied, write nothing. */
  dryRun: boolean;
}

/** A mistake on the command line: said with the usage, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: promscope migrate-storage --from <source> --to <target> [--overwrite] [--dry-run]

Copies what a Promscope saves from one storage to another, either way: saved dashboards
with every version they show (numbers, messages and times kept, so the history and the 412
version check stay as they were), folders (uids, titles, versions) and the datasources added
in the UI. Provisioned dashboards and datasources are not copied: they stay files
(DASHBOARDS_DIR, PROVISIONING_DIR).

A storage is
  /var/lib/promscope                       a DATA_DIR (files; the server's default)
  postgres://user:pass@host:5432/db        a PostgreSQL database (DATABASE_URL); its tables
                                           are created or brought up to date first

Options
  --from <DATA_DIR|postgres://…>   where to copy from; only read
  --to <DATA_DIR|postgres://…>     where to copy to
  --overwrite                      replace a dashboard, folder or datasource the target
                                   holds under the same uid when it differs (by default it
                                   is left as it is, named, and the exit status is 1)
  --dry-run                        say what would be copied, write nothing
  --help                           this text

Running it again copies nothing more and says so: what the target already holds, equal to
the source, is counted as "already there". Stop the servers writing to the target while it
runs (or start them after); the source may stay in use, but what is saved there meanwhile
is copied only by a later run.

Exit status: 0 the target holds everything; 1 something was not copied (each named above:
a differing dashboard without --overwrite, an unreadable file, a failure half-way: run it
again to finish); 2 bad arguments or a storage that cannot be opened.`;

/** A DATA_DIR path or a postgres:// URL, as typed. */
export function parseLocation(text: string, flag: string): Location {
  if (text.trim() === '')
    throw new UsageError(`${flag} needs a DATA_DIR path or a postgres:// URL`);
  if (/^postgres(ql)?:\/\//i.test(text)) {
    // No host is fine: libpq's `?host=/run/postgresql` (a socket), or localhost.
    if (!URL.canParse(text)) throw new UsageError(`${flag}: "${redact(text)}" is not a valid URL`);
    return { kind: 'postgres', url: text };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new UsageError(`${flag}: only a DATA_DIR path or a postgres:// URL, not ${redact(text)}`);
  }
  return { kind: 'files', dir: text };
}

/** Null for --help; the arguments otherwise. Both `--flag value` and `--flag=value`. */
export function parseArgs(argv: readonly string[]): MigrateArgs | null {
  const values = new Map<string, string>();
  let overwrite = false;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return null;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--overwrite' || flag === '--dry-run') {
      if (eq !== -1) throw new UsageError(`${flag} takes no value`);
      if (flag === '--overwrite') overwrite = true;
      else dryRun = true;
    } else if (flag === '--from' || flag === '--to') {
      if (values.has(flag)) throw new UsageError(`${flag} given twice`);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown argument ${arg}`);
    }
  }
  const from = values.get('--from');
  const to = values.get('--to');
  if (from === undefined || to === undefined) {
    throw new UsageError('both --from and --to are needed');
  }
  return {
    from: parseLocation(from, '--from'),
    to: parseLocation(to, '--to'),
    overwrite,
    dryRun,
  };
}

/** The URL with its password replaced: what may be printed or logged. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** The server, port and database a postgres:// URL reaches: libpq's defaults filled in. */
function target(url: string): string {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || 'postgres';
  const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || user;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return `${loopback ? 'loopback' : host}:${u.port || '5432'}/${db}`;
}

/** How to name a storage to the operator: no password. */
export function describe(loc: Location): string {
  if (loc.kind === 'files') return `DATA_DIR ${loc.dir}`;
  const u = new URL(loc.url);
  const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
  return `PostgreSQL ${user}${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/**
 * Whether the two name one storage (paths already absolute and normalised by the caller):
 * copying a storage onto itself would count everything "already there" and prove nothing.
 */
export function sameStorage(a: Location, b: Location): boolean {
  if (a.kind === 'files' && b.kind === 'files') {
    return a.dir.replace(/\/+$/, '') === b.dir.replace(/\/+$/, '');
  }
  if (a.kind === 'postgres' && b.kind === 'postgres') return target(a.url) === target(b.url);
  return false;
}
