// Bench 0: 30 days of history before anything is measured. A generator of ours writes the
// demo's metrics (http_requests_total by method/route/status, the request duration histogram)
// and node_exporter-like series of a few instances as OpenMetrics text, and Debian's
// `promtool tsdb create-blocks-from openmetrics` turns it into blocks in the bench's own
// Prometheus data dir before that Prometheus starts. Resolution thins with age (15 s over the
// last day, 60 s to 7 days, 5 min beyond) so that 1 h, 24 h and 7 d windows are full at the
// steps the app asks for, and the file stays a few hundred MB at most.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const HISTORY_DAYS = 30;
const DAY_S = 86_400;

/** One series: its name and labels, and its value at t (unix s) given the previous one. */
export interface HistorySeries {
  name: string;
  labels: Record<string, string>;
  /** Counters: per-second rate at t (the generator integrates it, with resets). */
  rate?: (t: number) => number;
  /** Gauges: value at t. */
  gauge?: (t: number) => number;
}

/** Diurnal load between 0.3 and 1.0, peaking at 14:00 UTC, quieter at weekends. */
export function diurnal(t: number): number {
  const hour = (t % DAY_S) / 3600;
  const day = Math.floor(t / DAY_S + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  const weekend = day === 0 || day === 6 ? 0.6 : 1;
  return (0.65 + 0.35 * Math.cos(((hour - 14) / 24) * 2 * Math.PI)) * weekend;
}

/** Deterministic noise in [0, 1) from an integer seed (no Math.random: runs compare). */
export function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

const ROUTES = [
  { method: 'GET', route: '/api/users', rps: 6, ok: 200, err: [] as number[], lat: 0.04 },
  { method: 'GET', route: '/api/users/:id', rps: 10, ok: 200, err: [404], lat: 0.02 },
  { method: 'POST', route: '/api/orders', rps: 2, ok: 201, err: [400, 500, 502], lat: 0.25 },
  { method: 'GET', route: '/api/products', rps: 8, ok: 200, err: [], lat: 0.01 },
  { method: 'GET', route: '/api/search', rps: 4, ok: 200, err: [400], lat: 0.6 },
];
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5];
export const NODE_INSTANCES = ['node-a:9100', 'node-b:9100', 'node-c:9100'];
const CPUS = 2;
const MODES: [string, number][] = [
  ['user', 0.25],
  ['system', 0.08],
  ['iowait', 0.02],
  ['idle', 0.65],
];

/** The series of the history: the demo's (job demo) and node_exporter-like (job node). */
export function historySeries(): HistorySeries[] {
  const out: HistorySeries[] = [];
  const demo = { job: 'demo', instance: 'history:8081' };
  for (const [ri, r] of ROUTES.entries()) {
    const statuses = [r.ok, ...r.err];
    for (const [si, status] of statuses.entries()) {
      const share = si === 0 ? 1 - 0.02 * r.err.length : 0.02;
      const labels = { ...demo, method: r.method, route: r.route, status: String(status) };
      const rps = (t: number) => r.rps * share * diurnal(t) * (0.9 + 0.2 * noise(t + ri));
      out.push({ name: 'http_requests_total', labels, rate: rps });
      out.push({ name: 'http_request_duration_seconds_count', labels, rate: rps });
      out.push({
        name: 'http_request_duration_seconds_sum',
        labels,
        rate: (t) => rps(t) * r.lat * (0.8 + 0.6 * diurnal(t)),
      });
      if (si > 0) continue; // buckets for the main status only: the size stays sane
      for (const le of [...BUCKETS, Number.POSITIVE_INFINITY]) {
        // Share of requests ≤ le for an exponential latency of mean r.lat (slower at peak).
        const below = (t: number) => 1 - Math.exp(-le / (r.lat * (0.8 + 0.6 * diurnal(t))));
        out.push({
          name: 'http_request_duration_seconds_bucket',
          labels: { ...labels, le: le === Number.POSITIVE_INFINITY ? '+Inf' : String(le) },
          rate: (t) => rps(t) * below(t),
        });
      }
    }
  }
  for (const [ii, instance] of NODE_INSTANCES.entries()) {
    const node = { job: 'node', instance };
    const busy = (t: number) => diurnal(t) * (0.7 + 0.3 * ii) * (0.85 + 0.3 * noise(t + ii));
    for (let cpu = 0; cpu < CPUS; cpu++) {
      for (const [mode, share] of MODES) {
        out.push({
          name: 'node_cpu_seconds_total',
          labels: { ...node, cpu: String(cpu), mode },
          rate: (t) => (mode === 'idle' ? 1 - 0.35 * busy(t) : (share / 0.35) * 0.35 * busy(t)),
        });
      }
    }
    const total = (8 + 8 * ii) * 2 ** 30;
    out.push({ name: 'node_memory_MemTotal_bytes', labels: node, gauge: () => total });
    out.push({
      name: 'node_memory_MemAvailable_bytes',
      labels: node,
      gauge: (t) => total * (0.7 - 0.3 * busy(t)),
    });
    const fs = { ...node, device: '/dev/vda1', fstype: 'ext4', mountpoint: '/' };
    const size = 100 * 2 ** 30;
    out.push({ name: 'node_filesystem_size_bytes', labels: fs, gauge: () => size });
    // Fills slowly over the month, freed on Sundays.
    out.push({
      name: 'node_filesystem_avail_bytes',
      labels: fs,
      gauge: (t) => size * (0.6 - 0.04 * (((t / DAY_S + 4) % 7) / 7) - 0.05 * ii),
    });
    for (const dir of ['receive', 'transmit']) {
      out.push({
        name: `node_network_${dir}_bytes_total`,
        labels: { ...node, device: 'eth0' },
        rate: (t) => (dir === 'receive' ? 4e6 : 2e6) * busy(t),
      });
    }
    for (const dir of ['read', 'written']) {
      out.push({
        name: `node_disk_${dir}_bytes_total`,
        labels: { ...node, device: 'vda' },
        rate: (t) => (dir === 'read' ? 1e6 : 3e6) * busy(t),
      });
    }
    out.push({ name: 'node_load1', labels: node, gauge: (t) => CPUS * 0.9 * busy(t) });
  }
  return out;
}

/** Sample instants (unix s, ascending) from `start` to `end`, thinner with age. */
export function historyInstants(start: number, end: number): number[] {
  const out: number[] = [];
  let t = start - (start % 300);
  while (t <= end) {
    out.push(t);
    const age = end - t;
    t += age > 7 * DAY_S ? 300 : age > DAY_S ? 60 : 15;
  }
  return out;
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * OpenMetrics lines of one series over `instants`. Counters integrate their rate and reset to
 * 0 once, at a restart placed by the series' index (as a process restart would).
 */
export function* seriesLines(s: HistorySeries, index: number, instants: number[]) {
  const labels = Object.entries(s.labels)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',');
  const head = `${s.name}{${labels}} `;
  const resetAt = instants[Math.floor(instants.length * (0.3 + 0.5 * noise(index)))];
  let value = 0;
  let prev = instants[0] ?? 0;
  for (const t of instants) {
    if (s.rate) {
      value = t === resetAt ? 0 : value + s.rate(t) * (t - prev);
      prev = t;
      yield `${head}${Math.round(value * 1000) / 1000} ${t}\n`;
    } else if (s.gauge) yield `${head}${Math.round(s.gauge(t))} ${t}\n`;
  }
}

/** Writes the OpenMetrics file; returns its series and sample counts. */
export async function writeHistory(
  file: string,
  start: number,
  end: number,
): Promise<{ series: number; samples: number }> {
  const out = createWriteStream(file);
  const instants = historyInstants(start, end);
  const series = historySeries();
  let samples = 0;
  let buf = '';
  for (const [i, s] of series.entries()) {
    for (const line of seriesLines(s, i, instants)) {
      buf += line;
      samples++;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
        buf = '';
      }
    }
  }
  out.write(`${buf}# EOF\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { series: series.length, samples };
}

/** Generates 30 days ending at `end` and loads them into `<dataDir>/tsdb` with promtool. */
export async function loadHistory(opts: {
  dataDir: string;
  end: number;
  log: (line: string) => void;
}): Promise<{ series: number; samples: number; generateS: number; loadS: number }> {
  const tsdb = join(opts.dataDir, 'tsdb');
  await mkdir(tsdb, { recursive: true });
  const file = join(opts.dataDir, 'history.om');
  const t0 = Date.now();
  const counts = await writeHistory(file, opts.end - HISTORY_DAYS * DAY_S, opts.end);
  const generateS = (Date.now() - t0) / 1000;
  opts.log(`history: ${counts.series} series, ${counts.samples} samples written in ${generateS}s`);
  const t1 = Date.now();
  execFileSync(
    process.env.PROMTOOL_BIN ?? 'promtool',
    // Blocks of up to 10 days: promtool re-reads the whole file once per block range, so
    // its default 2 h blocks would read it 360 times.
    ['tsdb', 'create-blocks-from', 'openmetrics', '-q', '--max-block-duration=240h', file, tsdb],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const loadS = (Date.now() - t1) / 1000;
  opts.log(`history: loaded by promtool in ${loadS}s`);
  return { ...counts, generateS, loadS };
}
