// A Promscope server as a child process of the built code: `node dist/server/main.node.js`
// or `deno run server/main.deno.ts`, on a free port with the environment given, started once
// /api/health answers. The e2e setup, specs that need a server of their own (kill -9 in the
// middle of saves, a datasource that comes and goes) and the benchmarks all start it here.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

const START_TIMEOUT_MS = 30_000; // ms

export type Runtime = 'node' | 'deno';

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL, as the OOM killer or a power cut would; resolves once it has exited. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPromscope(opts: {
  /** The repository: where dist/ and node_modules/ are. */
  root: string;
  runtime: Runtime;
  env: Record<string, string>;
  port?: number;
}): Promise<ServerProcess> {
  const { root, runtime, env } = opts;
  const p = opts.port ?? (await freePort(0));
  const [cmd, args] =
    runtime === 'node'
      ? [process.execPath, [join(root, 'dist/server/main.node.js')]]
      : [
          join(root, 'node_modules', 'deno', 'deno'),
          [
            'run',
            '--allow-net',
            '--allow-env',
            '--allow-read',
            '--allow-write',
            '--allow-sys',
            'server/main.deno.ts',
          ],
        ];
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(p), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${p}`;
  const server: ServerProcess = {
    url,
    port: p,
    pid: child.pid ?? 0,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${runtime} server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill9();
      throw new Error(`${runtime} server did not start within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
