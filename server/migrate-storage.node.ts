// `promscope migrate-storage` on Node: copies a DATA_DIR into PostgreSQL and back (USAGE in
// migrate/args.ts). Built with the server into dist/server/migrate-storage.node.js and run as
// `npm run migrate-storage -- …` or `promscope migrate-storage …` (scripts/start.mjs).
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { nodeFiles } from './main.node.ts';
import { runMigrateStorage } from './migrate/cli.ts';

/** Absolute, with symbolic links resolved when the path exists (a target may not yet). */
async function resolvePath(path: string): Promise<string> {
  const abs = resolve(path);
  return realpath(abs).catch(() => abs);
}

process.exitCode = await runMigrateStorage(process.argv.slice(2), {
  files: nodeFiles,
  resolvePath,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
