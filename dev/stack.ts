/**
 * The whole demo in one call: demo service + traffic generator + Prometheus scraping it.
 * Used by `npm run demo` and by the e2e global setup.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { type ScrapeTarget, startPrometheus } from './prometheus.ts';
import { DEMO_RULES } from './prometheus-config.ts';
import { startDemoService } from './service.ts';
import { startTraffic } from './traffic.ts';

export interface DemoStackOptions {
  dataDir: string;
  host?: string;
  /** Preferred port; another free one is used when taken. Default 9090. */
  prometheusPort?: number;
  /** Preferred port; another free one is used when taken. Default 8081. */
  servicePort?: number;
  scrapeIntervalS?: number;
  extraTargets?: ScrapeTarget[];
  /** The rules file Prometheus evaluates (YAML); the demo's own by default. */
  rules?: string;
  /** Prometheus' retention (default 2d); the bench's history needs more. */
  retention?: string;
  log?: (line: string) => void;
}

export interface DemoStack {
  prometheus: { url: string; pid: number };
  service: { url: string };
  /** Stops traffic, service and Prometheus, in that order. Idempotent. */
  stop(): Promise<void>;
}

export async function startDemoStack(opts: DemoStackOptions): Promise<DemoStack> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});

  const servicePort = await freePort(opts.servicePort ?? 8081, host);
  const service = await startDemoService({ port: servicePort, host });
  log(`demo service listening on ${service.url}`);
  const traffic = startTraffic({ target: service.url });

  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  try {
    const promPort = await freePort(opts.prometheusPort ?? 9090, host);
    await mkdir(opts.dataDir, { recursive: true });
    const rulesFile = join(opts.dataDir, 'rules.yml');
    await writeFile(rulesFile, opts.rules ?? DEMO_RULES);
    prometheus = await startPrometheus({
      port: promPort,
      host,
      dataDir: opts.dataDir,
      scrapeIntervalS: opts.scrapeIntervalS,
      targets: [{ job: 'demo', url: `${service.url}/metrics` }, ...(opts.extraTargets ?? [])],
      ruleFiles: [rulesFile],
      retention: opts.retention,
    });
  } catch (err) {
    // Do not leave the service and traffic running behind a failed start.
    traffic.stop();
    await service.close();
    throw err;
  }
  log(`prometheus listening on ${prometheus.url} (pid ${prometheus.pid}, data in ${opts.dataDir})`);

  let stopping: Promise<void> | null = null;
  return {
    prometheus: { url: prometheus.url, pid: prometheus.pid },
    service: { url: service.url },
    stop() {
      stopping ??= (async () => {
        traffic.stop();
        await service.close();
        await prometheus.stop();
        log('demo stack stopped');
      })();
      return stopping;
    },
  };
}
