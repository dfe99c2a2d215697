// What a failed write to DATA_DIR means, in words a person can act on, and the start-up check
// that says so before anyone tries to save. A full disk is 507 Insufficient Storage (RFC 4918
// §11.5); a folder the server may not write is a 500 naming DATA_DIR. Node puts the errno
// name in `code`; Deno too, and its messages carry the OS's words ("No space left on device").
import type { FileSystem } from './deps.ts';
import { joinPath } from './deps.ts';

export interface StorageProblem {
  status: 500 | 507;
  errorType: 'insufficient_storage' | 'not_writable' | 'internal';
  /**
   * Why, for the person saving: what happened and what to do. Never the OS's message: it
   * carries absolute paths, and the temp file's name the process id.
   */
  words: string;
  /** The same with DATA_DIR's path and the OS's own message: for the server's log only. */
  detail: string;
}

/** An error whose message was written for the client: no path, no process id, no OS text. */
export class PlainError extends Error {}

const FULL = new Set(['ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR']);

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof e?.code === 'string') return e.code;
  const text = `${String(e?.name ?? '')} ${String(e?.message ?? '')}`;
  if (/no space left|os error 28|disk quota/i.test(text)) return 'ENOSPC';
  if (/read-only file system|os error 30/i.test(text)) return 'EROFS';
  if (/permission denied|PermissionDenied|os error 13/i.test(text)) return 'EACCES';
  if (/not a directory|os error 20/i.test(text)) return 'ENOTDIR';
  return undefined;
}

export function storageProblem(err: unknown, dataDir: string): StorageProblem {
  const reason = (err as Error)?.message ?? String(err);
  const code = codeOf(err);
  const problem = (
    status: StorageProblem['status'],
    errorType: StorageProblem['errorType'],
    what: (dir: string) => string,
    todo: string,
  ): StorageProblem => ({
    status,
    errorType,
    words: `${what(`DATA_DIR`)}; ${todo}${code ? ` (${code})` : ''}`,
    detail: `${what(`DATA_DIR (${dataDir})`)}; ${todo} (${reason})`,
  });
  if (code && FULL.has(code)) {
    return problem(
      507,
      'insufficient_storage',
      (dir) => `no space left on the disk holding ${dir}`,
      'nothing was changed: free some space and save again',
    );
  }
  if (code && DENIED.has(code)) {
    return problem(
      500,
      'not_writable',
      (dir) => `${dir} is not writable by the server`,
      'nothing was changed: fix its permissions or set DATA_DIR',
    );
  }
  if (err instanceof PlainError)
    return { status: 500, errorType: 'internal', words: reason, detail: reason };
  return problem(500, 'internal', (dir) => `writing to ${dir} failed`, 'the server log says why');
}

/** Why a file that exists could not be read, in words with no path in them. */
export function unreadable(err: unknown): string {
  const code = codeOf(err);
  if (code === 'EACCES' || code === 'EPERM') return 'the server may not read it (EACCES)';
  if (code === 'EISDIR') return 'it is a folder, not a file (EISDIR)';
  return `it cannot be read${code ? ` (${code})` : ''}`;
}

/**
 * Writes and removes a small file in DATA_DIR, the way a save does (atomic write, directory
 * created as needed). Null when that works; otherwise the words to log at start.
 */
export async function checkDataDir(files: FileSystem, dataDir: string): Promise<string | null> {
  const probe = joinPath(dataDir, '.promscope-write-check');
  try {
    await files.writeFileAtomic(probe, `${new Date().toISOString()}\n`);
    await files.remove(probe);
    return null;
  } catch (err) {
    const problem = storageProblem(err, dataDir);
    return `warning: ${problem.detail}. Dashboards and datasources cannot be saved until this is fixed; everything else works.`;
  }
}
