// A throwaway PostgreSQL for tests: Debian's binaries (package `postgresql`), initdb into a
// temp dir, postgres on a free port of 127.0.0.1 with its own socket dir; no system service.
// PostgreSQL refuses to run as root, so under root (CI) the server runs as the `postgres`
// user the package creates, through runuser. Node only (child_process).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<n>/bin, or null when the package is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => +b - +a);
  const bin = versions.map((v) => join(root, v, 'bin')).find((b) => existsSync(join(b, 'initdb')));
  return bin ?? null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'promscope-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  execFileSync('mkdir', ['-p', sock]);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(sock, uid, gid);
    chmodSync(dir, 0o755);
  }
  const as = (cmd: string, args: string[]): [string, string[]] =>
    root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const [initCmd, initArgs] = as(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'promscope',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [cmd, args] = as(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    sock,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ]);
  // Its own process group: stop() signals the group, reaching postgres under runuser too
  // (runuser does not pass SIGINT on to its child).
  const proc: ChildProcess = spawn(cmd, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let log = '';
  proc.stderr?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  // Ready when it says so on stderr (no timing: the server's own words).
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/ready to accept connections/.test(log)) resolve();
    };
    proc.stderr?.on('data', check);
    proc.once('exit', (code) => reject(new Error(`postgres exited (${code}): ${log}`)));
  });
  return {
    url: `postgres://promscope@127.0.0.1:${port}/postgres`,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        process.kill(-proc.pid!, 'SIGINT'); // fast shutdown: open sessions are ended
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
