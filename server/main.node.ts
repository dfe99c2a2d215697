// Node entry point: the only file that knows about Node's file system and HTTP server.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadConfig, startupNotes } from './config.ts';
import { helpText } from './config-flags.ts';
import { ConfigError } from './config-values.ts';
import { nodeUpstream } from './datasources/upstream.node.ts';
import type { FileSystem, RequestEnv } from './deps.ts';
import { checkDataDir } from './storage.ts';
import { VERSION } from './version.ts';

// A path under a regular file (ENOTDIR) does not exist either: a DATA_DIR set to a file still
// lets the server start, read-only, and say why saves fail (storage.ts). Nor does a name too
// long for the file system (ENAMETOOLONG): asking for one is a miss, not a server error.
const missing = (err: unknown) => {
  const code = (err as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
};

export const nodeFiles: FileSystem = {
  async readFile(path) {
    try {
      return new Uint8Array(await readFile(path));
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  },
  async readDir(path) {
    try {
      return await readdir(path);
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  },
  async writeFileAtomic(path, data) {
    const dir = dirname(path);
    await mkdir(dir, { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      const fh = await open(tmp, 'w', 0o644);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    // The rename itself is durable only once the directory entry is on disk.
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  },
  async remove(path) {
    await rm(path, { force: true });
  },
  async stamp(path) {
    try {
      const s = await stat(path, { bigint: true });
      // A save renames a new file in: a new inode, whatever its size and mtime.
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  },
};

/** The repository (or installed package) root: the nearest folder above with a package.json. */
export function projectRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startNodeServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const client = nodeUpstream();
  const { app } = await createApp(config, {
    files: nodeFiles,
    log,
    upstream: client.upstream,
    env: process.env,
  });
  const problem = await checkDataDir(nodeFiles, config.dataDir);
  if (problem) log(`promscope: ${problem}`);
  return new Promise((resolve, reject) => {
    // The raw request line's target: the adapter's Request URL has dot segments resolved.
    const fetch = (req: Request, { incoming, outgoing }: HttpBindings | Http2Bindings) =>
      app.fetch(req, {
        rawTarget: incoming.url,
        remoteAddr: incoming.socket.remoteAddress,
        onGone: (gone) => {
          if (outgoing.destroyed) {
            gone();
            return () => {};
          }
          const closed = () => {
            if (!outgoing.writableFinished) gone();
          };
          outgoing.once('close', closed);
          return () => outgoing.off('close', closed);
        },
      } satisfies RequestEnv);
    const server = serve({ fetch, hostname: config.host, port: config.port }, (info) => {
      const port = (info as AddressInfo).port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            client.close();
          }),
      });
    });
    server.once('error', reject);
  });
}

export function nodeConfig(argv = process.argv.slice(2)): Config {
  const root = projectRoot();
  return loadConfig(process.env, argv, {
    dataDir: join(root, 'data'),
    dashboardsDir: join(root, 'dashboards'),
    webDir: join(root, 'dist', 'web'),
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(helpText());
    return;
  }
  let config: Config;
  try {
    config = nodeConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`promscope: ${err.message}`);
    process.exit(2);
  }
  try {
    const server = await startNodeServer(config);
    console.log(`Promscope ${VERSION} on Node: ${server.url} (datasource ${config.prometheusUrl})`);
    for (const note of startupNotes(config)) console.log(note);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT` : String(err);
    console.error(`promscope: cannot listen on ${config.host}:${config.port}: ${why}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
