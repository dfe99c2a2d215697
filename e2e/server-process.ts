// The specs' way to start a Promscope server of their own from this repository (see
// dev/server-process.ts).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Runtime, ServerProcess } from '../dev/server-process.ts';
import { startPromscope as start } from '../dev/server-process.ts';

export type { Runtime, ServerProcess };

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export const startPromscope = (
  runtime: Runtime,
  env: Record<string, string>,
  port?: number,
): Promise<ServerProcess> => start({ root, runtime, env, port });
