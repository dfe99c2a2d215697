// Debian's prometheus-node-exporter, started for the e2e run on a free loopback port, so the
// node-exporter-style dashboard (e2e/fixtures/dashboards/e2e-node-exporter.json) draws real
// CPU, memory and network series. Only the collectors it needs, none that needs privileges.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../dev/free-port.ts';

const BINARY = '/usr/bin/prometheus-node-exporter';
const COLLECTORS = ['cpu', 'meminfo', 'netdev', 'loadavg'];

export interface NodeExporter {
  /** Its metrics endpoint, e.g. `http://127.0.0.1:41234/metrics`. */
  url: string;
  stop(): Promise<void>;
}

export async function startNodeExporter(): Promise<NodeExporter> {
  if (!existsSync(BINARY)) {
    throw new Error(
      `${BINARY} is missing: install Debian's prometheus-node-exporter (apt-get install prometheus-node-exporter)`,
    );
  }
  const port = await freePort(0);
  const child: ChildProcess = spawn(
    BINARY,
    [
      `--web.listen-address=127.0.0.1:${port}`,
      '--collector.disable-defaults',
      ...COLLECTORS.map((c) => `--collector.${c}`),
      // Its default leaves out lo: the loopback is the one link the tests' own scrapes
      // keep busy, so it is the traffic panel's series (receive and transmit alike).
      '--collector.netdev.device-exclude=^$',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (b: Buffer) => {
    log = (log + b.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/metrics`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  // Up when /metrics answers with the CPU counters (a few tries, 100 ms apart).
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url)
      .then(async (r) => r.ok && (await r.text()).includes('node_cpu_seconds_total'))
      .catch(() => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`prometheus-node-exporter did not start on ${url}:\n${log}`);
}
