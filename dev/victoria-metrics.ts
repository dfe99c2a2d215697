/**
 * Launches a throwaway single-node VictoriaMetrics (Debian's `victoria-metrics`) as a child
 * process scraping the same targets as the e2e Prometheus, so the UI specs can run against a
 * second Prometheus-compatible datasource. It reads the scrape config Prometheus reads
 * (dev/prometheus-config.ts); rule files are not its business (vmalert's), so none are given.
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

export interface RunningVictoriaMetrics {
  url: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

const READY_POLL_MS = 200; // ms
const READY_TIMEOUT_MS = 30_000; // ms
const STOP_GRACE_MS = 10_000; // SIGTERM → SIGKILL, ms
const LOG_TAIL_BYTES = 4_000; // bytes of the log quoted in errors

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VICTORIA_METRICS_BIN, then `victoria-metrics` on PATH, then Debian's path; null if none. */
export function findVictoriaMetrics(): string | null {
  const candidates = [
    process.env.VICTORIA_METRICS_BIN,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => d && join(d, 'victoria-metrics')),
    '/usr/bin/victoria-metrics',
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not this one
    }
  }
  return null;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startVictoriaMetrics(opts: {
  port: number;
  host?: string;
  dataDir: string;
  scrapeIntervalS: number;
  targets: ScrapeTarget[];
}): Promise<RunningVictoriaMetrics> {
  const bin = findVictoriaMetrics();
  if (!bin) {
    throw new Error(
      'victoria-metrics not found (apt-get install victoria-metrics, or set VICTORIA_METRICS_BIN)',
    );
  }
  const host = opts.host ?? '127.0.0.1';
  const hostPort = `${host}:${opts.port}`;
  const url = `http://${hostPort}`;
  mkdirSync(opts.dataDir, { recursive: true });
  const configPath = join(opts.dataDir, 'scrape.yml');
  const logPath = join(opts.dataDir, 'victoria-metrics.log');
  writeFileSync(
    configPath,
    prometheusConfig({
      self: hostPort,
      selfJob: 'victoria-metrics',
      scrapeIntervalS: opts.scrapeIntervalS,
      targets: opts.targets,
    }),
  );
  const logFd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      bin,
      [
        `-storageDataPath=${join(opts.dataDir, 'data')}`,
        `-httpListenAddr=${hostPort}`,
        `-promscrape.config=${configPath}`,
        // The file is Prometheus' own; its global evaluation_interval means rules, not scrapes.
        '-promscrape.config.strictParse=false',
        '-retentionPeriod=1d',
        // VictoriaMetrics hides the newest 30 s from queries by default (samples from remote
        // writers may still be on their way). Scraping itself, it has them: show them, as
        // Prometheus does, or every live chart here would end 30 s short.
        '-search.latencyOffset=1s',
        '-loggerLevel=WARN',
      ],
      { cwd: opts.dataDir, stdio: ['ignore', logFd, logFd] },
    );
  } finally {
    closeSync(logFd);
  }
  const alive = () =>
    child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const killOnExit = () => {
    if (alive()) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (alive()) {
        child.kill('SIGTERM');
        if (!(await exited(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await exited(child, STOP_GRACE_MS);
        }
      }
      process.off('exit', killOnExit);
    })();
    return stopping;
  };
  const spawnError = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.on('error', resolve);
  });
  const fail = async (why: string): Promise<never> => {
    await stop();
    let tail = '(no log)';
    try {
      tail = readFileSync(logPath, 'utf8').slice(-LOG_TAIL_BYTES).trim() || '(log empty)';
    } catch {
      // keep "(no log)"
    }
    throw new Error(`VictoriaMetrics ${why}.\n--- ${logPath} (tail) ---\n${tail}`);
  };
  if (spawnError) return fail(`failed to start (${bin}): ${spawnError.message}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (true) {
    if (!alive()) return fail(`exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    try {
      // The same readiness path as Prometheus; VictoriaMetrics answers it too.
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      return fail(`not ready at ${url} after ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(READY_POLL_MS);
  }
  return { url, pid: child.pid as number, stop };
}
