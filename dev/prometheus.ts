/**
 * Launches a throwaway Prometheus as a child process, for `npm run demo` and the e2e
 * global setup. Lifecycle and admin APIs stay disabled: this Prometheus is only read.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { prometheusConfig, type ScrapeTarget } from './prometheus-config.ts';

export type { ScrapeTarget } from './prometheus-config.ts';

export interface RunningPrometheus {
  url: string;
  port: number;
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

const READY_POLL_MS = 200; // between /-/ready and query polls, ms
const READY_TIMEOUT_MS = 30_000; // ms
const STOP_GRACE_MS = 10_000; // SIGTERM → SIGKILL, ms
const FETCH_TIMEOUT_MS = 2_000; // per poll request, ms
const LOG_TAIL_BYTES = 4_000; // how much of prometheus.log to quote in errors, bytes

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PROMETHEUS_BIN, then `prometheus` on PATH, then /usr/bin/prometheus; null if none is executable. */
export function findPrometheus(): string | null {
  const fromEnv = process.env.PROMETHEUS_BIN;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'prometheus');
    if (isExecutable(candidate)) return candidate;
  }
  return isExecutable('/usr/bin/prometheus') ? '/usr/bin/prometheus' : null;
}

function logTail(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-LOG_TAIL_BYTES).trim() || '(log empty)';
  } catch {
    return '(no log)';
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startPrometheus(opts: {
  bin?: string;
  port: number;
  host?: string;
  dataDir: string;
  scrapeIntervalS?: number;
  targets: ScrapeTarget[];
  ruleFiles?: string[];
  /** --storage.tsdb.retention.time; 2d by default (the bench loads 30 days of history). */
  retention?: string;
  /**
   * --web.config.file: Prometheus serving TLS (tls_server_config), for the TLS datasource
   * tests. The URL is then https://, and `ready` says whether /-/ready answers 200: only the
   * caller holds the CA and client certificate its server wants.
   */
  web?: { configFile: string; ready: (url: string) => Promise<boolean> };
}): Promise<RunningPrometheus> {
  const { port, dataDir, targets } = opts;
  const host = opts.host ?? '127.0.0.1';
  const bin = opts.bin ?? findPrometheus();
  if (!bin) throw new Error('Prometheus binary not found (set PROMETHEUS_BIN or add it to PATH)');
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = `${opts.web ? 'https' : 'http'}://${hostPort}`;

  mkdirSync(dataDir, { recursive: true });
  const configPath = join(dataDir, 'prometheus.yml');
  const logPath = join(dataDir, 'prometheus.log');
  const scrapeIntervalS = opts.scrapeIntervalS ?? 5;
  writeFileSync(
    configPath,
    prometheusConfig({ self: hostPort, scrapeIntervalS, targets, ruleFiles: opts.ruleFiles }),
  );

  const logFd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      bin,
      [
        `--config.file=${configPath}`,
        `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
        `--storage.tsdb.retention.time=${opts.retention ?? '2d'}`,
        `--web.listen-address=${hostPort}`,
        ...(opts.web ? [`--web.config.file=${opts.web.configFile}`] : []),
        '--log.level=warn',
      ],
      { cwd: dataDir, stdio: ['ignore', logFd, logFd] },
    );
  } finally {
    closeSync(logFd); // the child holds its own copy of the descriptor
  }

  // A child that never spawned (ENOENT) has no pid and will never emit 'exit'.
  const alive = () =>
    child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  // Synchronous safety net: if this process exits without calling stop(), take the child along.
  const killOnExit = () => {
    if (alive()) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (alive()) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, STOP_GRACE_MS);
        }
      }
      process.off('exit', killOnExit);
    })();
    return stopping;
  };

  // 'spawn' or 'error' (e.g. ENOENT) arrives on a later tick; settle it before polling.
  const spawnError = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    // Kept (not once): a later 'error', e.g. from kill(), must not crash the parent.
    child.on('error', resolve);
  });

  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new Error(`Prometheus ${why}.\n--- ${logPath} (tail) ---\n${logTail(logPath)}`);
  };

  if (spawnError) return fail(`failed to start (${bin}): ${spawnError.message}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (true) {
    if (!alive()) return fail(`exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    try {
      if (opts.web) {
        if (await opts.web.ready(url)) break;
      } else {
        const res = await fetch(`${url}/-/ready`, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
        await res.body?.cancel();
        if (res.status === 200) break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      return fail(`not ready at ${url} after ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(READY_POLL_MS);
  }

  if (child.pid === undefined) return fail('has no pid'); // unreachable after 'spawn'
  return { url, port, pid: child.pid, stop };
}

type QueryBody = { data?: { result?: unknown }; error?: string };

/** Polls an instant query until it returns at least one sample; throws after `timeoutMs`. */
export async function waitForData(
  promUrl: string,
  query: string,
  timeoutMs: number,
): Promise<void> {
  const endpoint = new URL('/api/v1/query', promUrl);
  endpoint.searchParams.set('query', query);
  const deadline = Date.now() + timeoutMs;
  let last = 'no response';
  while (true) {
    try {
      const res = await fetch(endpoint, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      const body = (await res.json()) as QueryBody;
      const result = body.data?.result;
      if (res.ok && Array.isArray(result) && result.length > 0) return;
      last = body.error ?? `HTTP ${res.status}, empty result`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `waitForData: no data for ${query} at ${promUrl} in ${timeoutMs} ms: ${last}`,
      );
    }
    await sleep(READY_POLL_MS);
  }
}
