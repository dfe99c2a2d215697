// `promscope migrate-storage`, runtime-agnostic: the entry points (migrate-storage.node.ts,
// migrate-storage.deno.ts) hand in the file system, a path resolver and where to print. What
// it prints is for a person at a terminal: where from and to, a line per thing left uncopied
// or replaced, then one count line per kind; the exit status says whether the target is
// complete (USAGE, args.ts).
import type { FileSystem } from '../deps.ts';
import type { Location } from './args.ts';
import { parseArgs, sameStorage, USAGE, UsageError } from './args.ts';
import type { Counts, Report } from './copy.ts';
import { complete, copyStorage } from './copy.ts';
import { OpenError, type Opened, openStorage } from './open.ts';

export interface CliIo {
  files: FileSystem;
  /** An absolute, normalised path (symbolic links resolved where they exist). */
  resolvePath(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const PREFIX = 'promscope migrate-storage:';

function countLine(what: string, c: Counts, dryRun: boolean, versions?: number): string {
  const copied = dryRun ? 'to copy' : 'copied';
  const parts = [`${c.copied} ${copied}${versions !== undefined ? ` (${versions} versions)` : ''}`];
  if (c.replaced) parts.push(`${c.replaced} ${dryRun ? 'to replace' : 'replaced'}`);
  parts.push(`${c.there} already there`, `${c.differing} differing`);
  if (c.failed) parts.push(`${c.failed} unreadable`);
  return `  ${`${what}:`.padEnd(13)} ${parts.join(', ')}`;
}

export function formatReport(r: Report, dryRun: boolean): string[] {
  const lines = r.notes.map((n) => `  ${n}`);
  lines.push(
    countLine('folders', r.folders, dryRun),
    countLine('datasources', r.datasources, dryRun),
    countLine('dashboards', r.dashboards, dryRun, r.dashboards.versions),
  );
  const kinds = [r.folders, r.datasources, r.dashboards];
  const moved = kinds.reduce((n, c) => n + c.copied + c.replaced, 0);
  const seen = kinds.reduce(
    (n, c) => n + c.copied + c.replaced + c.there + c.differing + c.failed,
    0,
  );
  // A path mistyped into an existing folder: nothing wrong to report, but worth a question.
  if (seen === 0) {
    lines.push(
      'The source holds no saved dashboards, folders or datasources: is it the right one?',
    );
  } else if (moved === 0 && complete(r)) {
    lines.push('Nothing to do: the target already holds everything.');
  } else if (!complete(r)) {
    const differing = kinds.some((c) => c.differing > 0);
    const failed = kinds.some((c) => c.failed > 0);
    const todo = [
      failed && 'fix what is named',
      differing && 'pass --overwrite to replace what differs',
    ]
      .filter(Boolean)
      .join(', or ');
    lines.push(`Not everything was copied (see above): ${todo}, and run again.`);
  } else if (dryRun) lines.push('Dry run: nothing was written.');
  else lines.push('Done: the target holds everything the source does.');
  return lines;
}

async function absolute(loc: Location, io: CliIo): Promise<Location> {
  return loc.kind === 'files' ? { kind: 'files', dir: await io.resolvePath(loc.dir) } : loc;
}

/** Runs the command; the exit status (0 complete, 1 not, 2 usage or a storage not opened). */
export async function runMigrateStorage(argv: readonly string[], io: CliIo): Promise<number> {
  let opened: Opened[] = [];
  try {
    const args = parseArgs(argv);
    if (!args) {
      io.out(USAGE);
      return 0;
    }
    const from = await absolute(args.from, io);
    const to = await absolute(args.to, io);
    if (sameStorage(from, to)) throw new UsageError('--from and --to name the same storage');
    const source = await openStorage(from, 'source', io.files);
    opened = [source];
    const target = await openStorage(to, 'target', io.files);
    opened.push(target);
    io.out(`${args.dryRun ? 'Would copy' : 'Copying'} ${source.name} → ${target.name}`);
    const report = await copyStorage(source, target, args);
    for (const line of formatReport(report, args.dryRun)) io.out(line);
    return complete(report) ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${PREFIX} ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof OpenError) {
      io.err(`${PREFIX} ${err.message}`);
      return 2;
    }
    // A storage failing half-way (a full disk, a dropped connection): what was put is whole.
    io.err(
      `${PREFIX} stopped: ${(err as Error).message ?? String(err)}\nWhat was copied before is whole in the target; run the same command again to finish.`,
    );
    return 1;
  } finally {
    await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
  }
}
