// What a runtime entry point (main.node.ts, main.deno.ts) hands to createApp: the app itself
// imports nothing runtime-specific.
import type { Upstream } from './datasources/upstream.ts';

export interface FileSystem {
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  /** Names in a directory, or null when it does not exist. */
  readDir(path: string): Promise<string[] | null>;
  /** Write to a temp file, fsync, rename over `path`: readers see the old or the new file. */
  writeFileAtomic(path: string, data: string): Promise<void>;
  /** Deletes a file; a file that is already gone is not an error (deletes are retried). */
  remove(path: string): Promise<void>;
}

export interface Deps {
  files: FileSystem;
  /** Defaults to the global fetch; tests hand in upstream fakes for faults. */
  fetch?: typeof fetch;
  /** The proxy's upstream client (Node: node:http); defaults to `fetch` through fetchUpstream. */
  upstream?: Upstream;
  log?: (line: string) => void;
}

/** Joins path segments with "/", which both Node and Deno accept on every OS. */
export function joinPath(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .map((p, i) => (i === 0 ? p.replace(/\/+$/, '') : p.replace(/^\/+|\/+$/g, '')))
    .join('/');
}

/**
 * What an entry point passes as Hono's `env` with each request. Both are optional: in unit
 * tests (app.request) there is no socket.
 */
export interface RequestEnv {
  /** The request target exactly as on the request line, before any normalisation. */
  rawTarget?: string;
  /** The client's IP address, for the per-client rate limit. */
  remoteAddr?: string;
}
