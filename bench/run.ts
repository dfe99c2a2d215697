// `npm run bench`: starts its own stack (stack.ts), loads 30 days of history (part 0), runs
// the six benchmarks side by side on it (1 proxy overhead, 2 viewers, 3 live tick bytes,
// 4 browser with the bare-uPlot floor, 5 bundle, 6 big dashboard), then the goals of issue
// #15; prints each table, writes bench/RESULTS.md with the machine and date, and stops
// everything, also on Ctrl+C. A benchmark, not a test: a missed goal is marked, never failed.
// BENCH_QUICK=1 runs every part shorter (a smoke run, its figures noisier); BENCH_ONLY=1,4
// runs just those parts (the history is loaded only with part 6, the goals only in a whole run).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutPanels } from '../web/dashboard/view/rows.ts';
import { normaliseDashboard } from '../web/model/model.ts';
import { BIG_UID, benchBigDashboard, bigDashboard, directTimes } from './big-dashboard.ts';
import { benchBrowser } from './browser.ts';
import { bundleTable, measureBundle } from './bundle.ts';
import { bigTable, goalsTable } from './goals.ts';
import { historyCheck, historyTable } from './history-check.ts';
import { tickDashboard } from './live-tick.ts';
import { ACCEPT_ENCODING, benchProxyOverhead, overheadTable, QUERIES } from './proxy-overhead.ts';
import { type BenchStack, SCRAPE_S, startBenchStack } from './stack.ts';
import { bytes, fmt, mark, median, percentile, table } from './stats.ts';
import { benchTickBytes, tickBytesTable } from './tick-bytes.ts';
import { queryPanels } from './viewer.ts';
import { benchViewers, viewersTable } from './viewers.ts';

// dist/bench/bench/run.js → the repository root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const quick = process.env.BENCH_QUICK === '1';
// BENCH_ONLY=1,4 runs just those parts (numbers as below); such a run prints its tables but
// leaves bench/RESULTS.md alone, which always holds one whole run.
const only = new Set(
  (process.env.BENCH_ONLY ?? '1,2,3,4,5,6')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => n >= 1 && n <= 6),
);
const whole = only.size === 6;
const log = (line: string) => console.log(`  ${line}`);

const plan = quick
  ? { proxyMs: 3_000, viewersMs: 15_000, loads: 1, tickS: 16, tickRounds: 1 }
  : { proxyMs: 5_000, viewersMs: 30_000, loads: 3, tickS: 26, tickRounds: 2 };

let stack: BenchStack | null = null;
let stopping: Promise<void> | null = null;
function stopAll(): Promise<void> {
  stopping ??= stack ? stack.stop() : Promise.resolve();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the bench stack…`);
    void stopAll().then(() => process.exit(130));
  });
}

const loadAverage = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

function machine(promVersion: string, loadAtStart: number[], partLoads: string[]): string {
  const cpus = os.cpus();
  return table(
    ['', ''],
    [
      ['date', new Date().toISOString()],
      [
        'CPU',
        `${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (load average, 1/5/15 min: ${loadAverage(loadAtStart)} at the start, ${loadAverage(os.loadavg())} at the end; the machine is shared, and a load above the core count means other work competed for them)`,
      ],
      ['load average (1 min) as each part started', partLoads.join(', ')],
      ['RAM', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`],
      ['OS', `${os.type()} ${os.release()} ${os.arch()}`],
      ['Node', process.version],
      ['Prometheus', promVersion],
      ['run', quick ? 'BENCH_QUICK=1 (short)' : 'full'],
    ],
  );
}

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg();
  // The 1-min load average as each part starts: how much else ran beside it.
  const partLoads: string[] = [];
  const part = (name: string) => {
    const l = os.loadavg()[0] ?? 0;
    partLoads.push(`${name.split(' ')[0]} ${l.toFixed(1)}`);
    log(`${name}… (load average ${l.toFixed(2)})`);
  };
  const sections: string[] = [];
  const section = (title: string, body: string) => {
    console.log(`\n## ${title}\n\n${body}\n`);
    sections.push(`## ${title}\n\n${body}\n`);
  };

  console.log(
    `Promscope bench${quick ? ' (BENCH_QUICK)' : ''}: starting Prometheus, the demo service and the server…`,
  );
  stack = await startBenchStack({ root, log, history: only.has(6) });
  const s = stack;
  // Provisioned once Prometheus has data: its series are fixed at an instant that has some.
  const tickAt = Math.floor(Date.now() / 1000) - 10;
  await s.provision('bench-ticks.json', tickDashboard(tickAt));

  await s.provision('bench-big.json', bigDashboard());
  const history = !only.has(6)
    ? null
    : await historyCheck(s.prometheusUrl).catch((err: unknown) => {
        console.error('history check failed:', err);
        return null;
      });

  // 5. Bundle (no stack needed, but printed with the rest).
  const bundle = measureBundle(join(root, 'dist', 'web'));

  // 1. Proxy overhead.
  part('1/6 proxy overhead');
  const overhead = !only.has(1)
    ? null
    : await benchProxyOverhead({
        prometheusUrl: s.prometheusUrl,
        serverUrl: s.serverUrl,
        dsUid: s.dsUid,
        concurrencies: [1, 16, 64],
        durationMs: plan.proxyMs,
        log,
      });

  // 2. Viewers of the Service overview.
  part('2/6 viewers');
  const raw = (await (
    await fetch(`${s.serverUrl}/api/dashboards/uid/service-overview`)
  ).json()) as {
    dashboard: Record<string, unknown>;
  };
  const overview = normaliseDashboard(raw.dashboard);
  const panels = queryPanels(layoutPanels(overview.panels, new Set()));
  const viewers = !only.has(2)
    ? null
    : await benchViewers({
        prometheusUrl: s.prometheusUrl,
        serverUrl: s.serverUrl,
        dsUid: s.dsUid,
        panels,
        windowMs: 15 * 60_000,
        refreshMs: 5_000,
        scrapeIntervalS: SCRAPE_S,
        overlapS: s.liveOverlapS,
        counts: [1, 10, 50],
        durationMs: plan.viewersMs,
        log,
      });

  // 3. Live tick bytes.
  part('3/6 live tick bytes');
  const tickBytes = !only.has(3)
    ? null
    : await benchTickBytes({
        serverUrl: s.serverUrl,
        dsUid: s.dsUid,
        scrapeIntervalS: SCRAPE_S,
        overlaps: [s.liveOverlapS, 60],
        windows: [
          { label: '1h', ms: 3_600_000 },
          { label: '24h', ms: 86_400_000 },
        ],
        log,
      });

  // 4. Browser.
  part('4/6 browser');
  const browser = !only.has(4)
    ? null
    : await benchBrowser({
        root,
        tickAt,
        serverUrl: s.serverUrl,
        dsUid: s.dsUid,
        loads: plan.loads,
        tickSeconds: plan.tickS,
        tickRounds: plan.tickRounds,
        log,
      });

  // 6. The big dashboard over the history.
  part('6/6 big dashboard');
  // A failure here is reported, not fatal: the other parts' figures are still written.
  const big = !only.has(6)
    ? null
    : await benchBigDashboard({ serverUrl: s.serverUrl, windows: ['24h', '7d'], log }).catch(
        (err: unknown) => {
          console.error('big dashboard failed:', err);
          return null;
        },
      );
  const direct = new Map<string, number[]>();
  for (const b of big ?? []) direct.set(b.window, await directTimes(s.prometheusUrl, b.queries));

  await stopAll();
  stack = null;

  section('Machine', machine(s.prometheusVersion, loadAtStart, partLoads));
  if (overhead)
    section(
      '1. Proxy overhead',
      `The same \`query_range\` sent straight to Prometheus and through the proxy with the same client, keep-alive, \`Accept-Encoding: ${ACCEPT_ENCODING}\` on both sides (Prometheus gzips its own answer; on Node the proxy asks Prometheus for gzip too and passes those bytes through). Ranges end at now (aligned to the step), which the cache never holds. **light**: \`${QUERIES.light.expr}\`, 15 min at 5 s, Prometheus answers in about a millisecond. **heavy**: 20 synthetic series (bench/tick-bytes.ts) over 6 h at 60 s, 361 points each, at concurrency 1 and 16. ${plan.proxyMs / 1000} s per run, direct, floor, then proxy, after a 0.5 s warm-up of each. **floor**: a bare Node pass-through proxy (bench/floor-proxy.ts, node:http in and out, keep-alive, nothing checked), in its own process like the server: what any proxy written in Node costs on this machine. **distinct**: a no-op \`+ 0*N\` makes every request unique, so each is one upstream call (the proxy's bare cost). **same**: every request of a step is identical, so concurrent ones may share an upstream call (last column: upstream calls Prometheus counted per proxied request). Goals: p50 ≤ 1.05×, throughput ≥ 0.9× of direct. The load generator, Prometheus and the server share the machine's cores (and other work on it).\n\n${overheadTable(overhead)}`,
    );
  if (viewers)
    section(
      '2. Viewers and server memory',
      `Simulated viewers of the Service overview (${panels.length} panels, 15 min window, 5 s refresh, live overlap ${s.liveOverlapS} s), opened at random moments within one refresh, each sending what the browser sends (see bench/README.md). Upstream requests as Prometheus counts them (\`prometheus_http_requests_total\`, handlers \`/api/v1/query\` + \`/api/v1/query_range\`), over ${plan.viewersMs / 1000} s of steady state after every viewer has loaded and ticked once. Goal: 50 viewers ≤ 1.2× one viewer; server RSS (\`process_resident_memory_bytes\` from its /metrics) flat over the run.\n\n${viewersTable(viewers)}`,
    );
  if (tickBytes)
    section(
      '3. Live tick bytes',
      `One panel ~704 px wide of 10 synthetic series (full-precision floats at every instant, so the whole window has points on a fresh Prometheus), at a 5 s refresh: the last 10 minutes of ticks replayed, each planned with planQueries and fetched with fetchSliding (incremental: the overlap is re-asked of Prometheus, and the tick says what it holds, so the proxy sends only later points when the held ones are unchanged) and as a whole window (full reload), through the proxy. The synthetic values at an instant never change once written, as with real series. Bytes per 5 s tick averaged over all ticks (a tick whose aligned range has not moved sends nothing in either mode); JSON = the body as sent by Prometheus, gzip = on the wire from Promscope. Goals: ≥ 20× fewer on 1 h, ≥ 100× on 24 h.\n\n${tickBytesTable(tickBytes)}`,
    );
  if (browser) sectionBrowser(section, browser);
  if (only.has(5))
    section(
      '5. Bundle',
      `From dist/web: what index.html loads before the dashboard can draw, and what is loaded lazily. gzip at zlib's default level.\n\n${bundleTable(bundle)}`,
    );

  if (history && s.history)
    section(
      '0. History',
      `${s.history.series} series (the demo's http_requests_total and request duration histogram, node_exporter-like node_* series of ${3} instances), 30 days ending a minute before the stack started, every 15 s over the last day, 60 s to 7 days, 5 min beyond: ${s.history.samples} samples as OpenMetrics text (bench/history.ts, written in ${fmt(s.history.generateS, 1)} s), loaded with \`promtool tsdb create-blocks-from openmetrics --max-block-duration=240h\` in ${fmt(s.history.loadS, 1)} s; Prometheus then started on that data dir (retention 60d) and scrapes the live demo on top. Counted by Prometheus once it was up (\`count_over_time\` per metric name of jobs demo and node, live scrapes included, summed):\n\n${historyTable(history)}`,
    );
  if (big)
    section(
      '6. Big dashboard',
      `${BIG_UID}: 130 timeseries panels in 10 rows of 13, rows 8–10 collapsed (39 panels), on a 1440×1000 page in Chromium, fresh context each window. Drawn = the panel's uPlot root has data-samples > 0 (set right after setData). Times from navigation (load) or from the first scroll step (scrolled: screen-sized steps to the bottom, 100 ms apart). Requests: /api/v1/query* the page sent in that phase, counted per panel by each query's no-op matcher; "far" = a panel queried that was never within half a screen of the viewport. Long tasks: PerformanceObserver longtask. JS heap: performance.memory.usedJSHeapSize after the phase. Floor: every query the page sent on load replayed straight to Prometheus (median of 3).\n\n${bigTable(big, direct)}`,
    );
  if (whole)
    section(
      'Goals (issue #15)',
      goalsTable({
        ticks: browser?.ticks ?? null,
        uplotFloor: browser?.floorTicks ?? null,
        big,
        direct,
        overhead,
        tickBytes,
      }),
    );

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (!whole) {
    console.log(
      `Parts ${[...only].join(', ')} only (${minutes} min): bench/RESULTS.md left as it was.`,
    );
    return;
  }
  const md = `# Promscope benchmark results\n\nWritten by \`npm run bench\` (bench/README.md says what each part measures). Every figure of one run, measured side by side on the same machine; goals marked ✓ or ✗ missed (what limits a missed one: bench/README.md, "Goals missed"). Run took ${minutes} min.\n\n${sections.join('\n')}`;
  writeFileSync(join(root, 'bench', 'RESULTS.md'), md);
  console.log(`Wrote bench/RESULTS.md (${minutes} min).`);
}

function sectionBrowser(
  section: (title: string, body: string) => void,
  browser: Awaited<ReturnType<typeof benchBrowser>>,
) {
  const drawn = browser.firstDrawMs;
  const busy = browser.ticks.map((t) => t.busyMs);
  const script = browser.ticks.map((t) => t.scriptMs);
  const scriptTotal = browser.scriptsLoaded.reduce((n, x) => n + x.transfer, 0);
  const floor = browser.floorTicks;
  const floorBusy = floor.map((t) => t.busyMs);
  const sizes = [...new Set(browser.chartSizes.map((c) => `${c.width}×${c.height}`))].join(', ');
  const long = (ticks: typeof floor) =>
    `${ticks.reduce((n, t) => n + t.longTasks, 0)}, longest task ${fmt(Math.max(0, ...ticks.map((t) => t.longestTaskMs)), 1)} ms`;
  section(
    '4. Browser (Chromium)',
    table(
      ['measure', 'figure', 'goal'],
      [
        [
          `Service overview: navigation → every panel drawn (${browser.panelsDrawn}; ${drawn.length} fresh loads)`,
          `median ${fmt(median(drawn), 0)} ms (${drawn.map((d) => fmt(d, 0)).join(', ')})`,
          '',
        ],
        [
          `Live tick, 8 panels × 10 series (${browser.tickSamples} samples drawn): renderer main-thread time per tick, all tasks (Chrome trace, ${browser.ticks.length} ticks in ${browser.rounds} rounds alternating with the floor)`,
          `median ${fmt(median(busy), 1)} ms, max ${fmt(percentile(busy, 100), 1)} ms (${busy.map((b) => fmt(b, 0)).join(', ')})`,
          `≤ 1.3× the floor below ${mark(median(busy) <= 1.3 * median(floorBusy))}`,
        ],
        [
          '… of which running JS (fetch handling, merge, Preact, uPlot setData and draw calls); the rest is style, layout, paint and compositing',
          `median ${fmt(median(script), 1)} ms (${script.map((b) => fmt(b, 0)).join(', ')})`,
          '',
        ],
        [
          'Live tick: long tasks (main-thread tasks over 50 ms, Chrome trace)',
          `${long(browser.ticks)}`,
          `none ${mark(browser.ticks.every((t) => t.longTasks === 0))}`,
        ],
        [
          `Floor: bare uPlot page, the same ${browser.chartSizes.length} charts (${sizes}) and data (${browser.floorSamples} samples), fetch + setData per tick, no Preact or app: main-thread time per tick (${floor.length} ticks)`,
          `median ${fmt(median(floorBusy), 1)} ms, max ${fmt(percentile(floorBusy, 100), 1)} ms (${floorBusy.map((b) => fmt(b, 0)).join(', ')}); JS median ${fmt(median(floor.map((t) => t.scriptMs)), 1)} ms; long tasks: ${long(floor)}`,
          `app ≤ 1.3× floor: ${fmt(median(busy) / median(floorBusy), 2)}× ${mark(median(busy) <= 1.3 * median(floorBusy))}`,
        ],
        [
          `Stress: ${browser.stress.series} series, ${browser.stress.samples} samples in Explore: navigation → drawn`,
          `${fmt(browser.stress.drawnMs, 0)} ms`,
          '',
        ],
        [
          'Stress: longest main-thread task (the page frozen at most) / all long tasks',
          `${fmt(browser.stress.longestTaskMs, 0)} ms / ${fmt(browser.stress.longTasksMs, 0)} ms`,
          '',
        ],
        [
          'Scripts the dashboard page fetched (transfer size, gzip)',
          `${bytes(scriptTotal)}: ${browser.scriptsLoaded.map((x) => x.name).join(', ')}`,
          '',
        ],
      ],
    ),
  );
}

main().then(
  () => process.exit(0),
  async (err) => {
    console.error(err);
    await stopAll();
    process.exit(1);
  },
);
