// `promscope migrate-storage` on Deno (USAGE in migrate/args.ts), from the TypeScript sources:
//   deno run --allow-net --allow-env --allow-read --allow-write --allow-sys \
//     server/migrate-storage.deno.ts --from /var/lib/promscope --to postgres://…
import { denoFiles } from './files.deno.ts';
import { runMigrateStorage } from './migrate/cli.ts';

/** Absolute, dot segments resolved, symbolic links too when the path exists (a target may not yet). */
async function resolvePath(path: string): Promise<string> {
  const abs = decodeURIComponent(new URL(path, `file://${Deno.cwd()}/`).pathname);
  return Deno.realPath(abs).catch(() => abs);
}

Deno.exit(
  await runMigrateStorage(Deno.args, {
    files: denoFiles,
    resolvePath,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }),
);
