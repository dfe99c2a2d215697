#!/usr/bin/env node
// `npm run load`: 200 keep-alive connections for 60 s against the built server on Node, in
// front of a real Prometheus (the demo stack, scraping every second), loopback only. Mixes
// proxied PromQL with the SPA's page and assets (dev/load.ts), then prints requests,
// deliberate 429s, failures, p50/p90/p99 and the server's RSS, and writes them into
// docs/RELIABILITY.md between the load markers. Exits 1 on any failure other than a 429.
// LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 200), LOAD_WRITE=0 to leave the doc.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dev = (p) => pathToFileURL(join(root, 'dist', 'dev', p)).href;
if (!existsSync(join(root, 'dist', 'dev', 'load.js'))) {
  console.error('load: build first (npm run build)');
  process.exit(2);
}
const { startDemoStack } = await import(dev('stack.js'));
const { waitForData } = await import(dev('prometheus.js'));
const { freePort } = await import(dev('free-port.js'));
const { runLoad, dashboardMix } = await import(dev('load.js'));

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 200);
const tmp = await mkdtemp(join(tmpdir(), 'promscope-load-'));
const stack = await startDemoStack({
  dataDir: join(tmp, 'prometheus'),
  prometheusPort: 0,
  servicePort: 0,
  scrapeIntervalS: 1,
});
const port = await freePort(0);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'dist', 'server', 'main.node.js')], {
  cwd: root,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PROMETHEUS_URL: stack.prometheus.url,
    SCRAPE_INTERVAL: '1s',
    DATA_DIR: join(tmp, 'data'),
    DASHBOARDS_DIR: join(root, 'dashboards'),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopAll = async () => {
  server.kill('SIGTERM');
  await stack.stop();
  await rm(tmp, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

let report;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitForData(stack.prometheus.url, 'count_over_time(up{job="demo"}[1m]) >= 5', 60_000);
  const assets = readdirSync(join(root, 'dist', 'web', 'assets'))
    .filter((n) => /\.(js|css)$/.test(n))
    .map((n) => `/assets/${n}`);
  console.log(`load: ${connections} connections for ${seconds} s against ${base} …`);
  // The server's V8 heap in use (its own /metrics), to tell a leak from memory not yet given back.
  const heap = [];
  const sampleHeap = async () => {
    try {
      const text = await (await fetch(`${base}/metrics`)).text();
      const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
      if (m) heap.push(Number(m[1]) / 1024 / 1024);
    } catch {
      // a missed sample
    }
  };
  const heapTimer = setInterval(sampleHeap, Math.max(1000, (seconds * 1000) / 20));
  report = await runLoad({
    base,
    connections,
    seconds,
    next: dashboardMix(assets),
    pid: server.pid,
  });
  clearInterval(heapTimer);
  await new Promise((r) => setTimeout(r, 2000)); // ms: the load is over; let the heap settle
  await sampleHeap();
  report.heapMiB = heap.map((v) => Math.round(v));
} finally {
  await stopAll();
}

const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
const rows = [
  ['Run', `${when}; ${report.connections} connections, ${report.seconds} s; ${machine}`],
  ['Requests', `${report.requests} (${report.perSecond}/s)`],
  ['Answered 2xx/3xx', String(report.ok)],
  ['Deliberate 429 (upstream queue full)', String(report.rejected)],
  [
    'Failed (anything else)',
    `${report.failed}${report.failed ? ` ${JSON.stringify(report.failures)}` : ''}`,
  ],
  [
    'Latency p50 / p90 / p99 / max',
    `${report.latencyMs.p50} / ${report.latencyMs.p90} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms`,
  ],
  [
    'Server RSS warm → halfway → end (max)',
    report.rssMiB
      ? `${report.rssMiB.warm} → ${report.rssMiB.mid} → ${report.rssMiB.end} MiB (max ${report.rssMiB.max} MiB)`
      : 'not measured',
  ],
];
if (report.heapMiB.length > 2) {
  const h = report.heapMiB;
  rows.push([
    'Server V8 heap used: warm → halfway → end of load → 2 s after (max)',
    `${h[1]} → ${h[Math.floor(h.length / 2)]} → ${h[h.length - 2]} → ${h[h.length - 1]} MiB (max ${Math.max(...h)} MiB)`,
  ]);
}
for (const [kind, k] of Object.entries(report.byKind)) {
  rows.push([`↳ ${kind}`, `${k.requests} requests, p50 ${k.p50} ms, p99 ${k.p99} ms`]);
}
const table = [
  '| Figure | Value |',
  '| --- | --- |',
  ...rows.map(([k, v]) => `| ${k} | ${v} |`),
].join('\n');
console.log(table);

const doc = join(root, 'docs', 'RELIABILITY.md');
if (process.env.LOAD_WRITE !== '0' && existsSync(doc)) {
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- load:start -->';
  const end = '<!-- load:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a !== -1 && b > a) {
    writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
    console.log(`load: figures written to ${doc}`);
  }
}
process.exit(report.failed === 0 ? 0 : 1);
