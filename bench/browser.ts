// Bench 4, in Chromium (playwright, /usr/bin/chromium, --no-sandbox --disable-gpu):
// - time from navigation to every panel of the Service overview drawn: performance.now() in
//   the page when every uPlot chart has data-samples > 0 and every stat shows a value;
// - main-thread time per live tick on a dashboard of 8 panels × 10 series × ~700 points at a
//   5 s refresh, from a Chrome trace: all top-level tasks of the page's renderer main thread
//   from just before a tick's first query_range request goes out until 3 s later, summed
//   (fetch handling, JSON parsing, the incremental merge, Preact, uPlot setData and paint),
//   and the main-thread tasks of over 50 ms among them (long tasks);
// - the same on the floor: a bare uPlot page with the same charts, sizes and data
//   (floor-uplot.ts), traced the same way;
// - one stress panel of 100 series × ~10,000 points (Explore with a fixed 5 s step over
//   834 minutes): time from navigation to drawn, and the longest main-thread task on the way
//   (PerformanceObserver longtask), which is how long the page was frozen at most.
import { type Browser, chromium, type Page } from '@playwright/test';
import { chartSizes, FLOOR_PATH, floorHtml, runFloor } from './floor-uplot.ts';
import { median } from './stats.ts';
import { syntheticSeries } from './tick-bytes.ts';
import { type TickCost, type TraceEvent, ticksFromTrace } from './trace.ts';

export const TICK_DASHBOARD_UID = 'bench-ticks';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * 8 timeseries panels × 10 series; 55 min on a ~690 px wide plot is a 5 s step (one new point
 * every tick), 661 points. `at` (unix seconds, an instant with data) fixes the synthetic
 * series as in part 3, so held points never change and ticks come back as only the new points
 * ('applied'), as with real series.
 */
/** The 8 panels' queries: 10 synthetic series each, fixed at `at`. */
export function tickExprs(at: number): string[] {
  return Array.from({ length: 8 }, (_, i) => syntheticSeries(10, i * 100, at));
}

export function tickDashboard(at: number): Record<string, unknown> {
  return {
    uid: TICK_DASHBOARD_UID,
    title: 'Bench: live ticks',
    tags: ['bench'],
    schemaVersion: 39,
    time: { from: 'now-55m', to: 'now' },
    refresh: '5s',
    panels: tickExprs(at).map((expr, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: `Panel ${i + 1}`,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 7, w: 12, h: 7 },
      targets: [{ refId: 'A', expr, legendFormat: '{{series}}' }],
      fieldConfig: { defaults: {}, overrides: [] },
      options: {},
    })),
  };
}

export interface BrowserReport {
  /** ms from navigation to every panel drawn, one per fresh page load. */
  firstDrawMs: number[];
  panelsDrawn: string;
  /** Script bytes the dashboard page really fetched (transfer size, gzip) and their names. */
  scriptsLoaded: { name: string; transfer: number }[];
  /** Main-thread cost of each live tick. */
  ticks: TickCost[];
  tickSamples: number;
  /** The same, on the bare-uPlot page with the same data (floor-uplot.ts). */
  floorTicks: TickCost[];
  floorSamples: number;
  /** The app's chart sizes (px), which the bare page copied. */
  chartSizes: { width: number; height: number }[];
  stress: {
    drawnMs: number;
    longestTaskMs: number;
    longTasksMs: number;
    samples: number;
    series: number;
  };
}

const LONGTASKS = `window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });`;

/** The bench dashboard's window and step (s): 55 min at one point per 5 s tick. */
const TICK_WINDOW_S = 55 * 60;
const TICK_STEP_S = 5;

/** Main-thread cost of each live tick on `page` over `seconds`, from a Chrome trace. */
async function tracedTicks(browser: Browser, page: Page, seconds: number): Promise<TickCost[]> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  await page.waitForTimeout(seconds * 1000);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  return ticksFromTrace(trace.traceEvents);
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** performance.now() when every chart has samples and every stat a value, or NaN at timeout. */
async function timeToDrawn(page: Page, charts: number, stats: number): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      ([nCharts, nStats]) => {
        const cs = [...document.querySelectorAll<HTMLElement>('.uplot')];
        const ss = [...document.querySelectorAll('.stat-value')];
        const ok =
          cs.length >= nCharts &&
          cs.every((c) => Number(c.dataset.samples ?? c.parentElement?.dataset.samples) > 0) &&
          ss.length >= nStats &&
          ss.every((s) => (s.textContent ?? '').trim() !== '');
        return ok ? performance.now() : false;
      },
      [charts, stats] as const,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return Number.NaN;
  }
}

export async function benchBrowser(opts: {
  root: string;
  serverUrl: string;
  dsUid: string;
  /** The instant the bench dashboard's synthetic series are fixed at (tickDashboard). */
  tickAt: number;
  loads: number;
  tickSeconds: number; // s of live ticks traced
  log: (line: string) => void;
}): Promise<BrowserReport> {
  const browser = await launch();
  try {
    // 1. The Service overview, drawn from a fresh page (new context: empty cache) each time.
    const firstDrawMs: number[] = [];
    let scriptsLoaded: BrowserReport['scriptsLoaded'] = [];
    let panelsDrawn = '';
    for (let i = 0; i < opts.loads; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await ctx.newPage();
      await page.goto(`${opts.serverUrl}/d/service-overview`);
      const ms = await timeToDrawn(page, 6, 3);
      firstDrawMs.push(ms);
      if (i === 0) {
        scriptsLoaded = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter(
              (e) =>
                (e as PerformanceResourceTiming).initiatorType === 'script' ||
                e.name.endsWith('.js'),
            )
            .map((e) => ({
              name: new URL(e.name).pathname,
              transfer: (e as PerformanceResourceTiming).transferSize,
            })),
        );
        panelsDrawn = await page.evaluate(
          () =>
            `${document.querySelectorAll('.uplot').length} charts, ${document.querySelectorAll('.stat-value').length} stats`,
        );
      }
      opts.log(`browser: service overview drawn in ${ms.toFixed(0)} ms`);
      await ctx.close();
    }

    // 2. Live ticks, 8 panels × 10 series × ~700 points.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await ctx.newPage();
    await page.goto(`${opts.serverUrl}/d/${TICK_DASHBOARD_UID}`);
    await timeToDrawn(page, 8, 0);
    await page.waitForTimeout(6000); // past the first tick, which may still be a full load
    const tickSamples = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.uplot')].reduce(
        (n, c) => n + Number(c.dataset.samples ?? 0),
        0,
      ),
    );
    const ticks = await tracedTicks(browser, page, opts.tickSeconds);
    opts.log(
      `browser: ${ticks.length} ticks, median ${median(ticks.map((t) => t.busyMs)).toFixed(1)} ms main thread`,
    );
    const sizes = await chartSizes(page);
    await ctx.close();

    // 2b. The floor: the same charts, sizes and data on a bare uPlot page, traced the same way.
    const fctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const fpage = await fctx.newPage();
    const html = floorHtml(opts.root);
    await fpage.route(`${opts.serverUrl}${FLOOR_PATH}`, (r) =>
      r.fulfill({ contentType: 'text/html', body: html }),
    );
    await fpage.goto(`${opts.serverUrl}${FLOOR_PATH}`);
    const floorSamples = await fpage.evaluate(runFloor, {
      url: `/api/datasources/proxy/uid/${encodeURIComponent(opts.dsUid)}/api/v1/query_range`,
      exprs: tickExprs(opts.tickAt),
      sizes,
      windowS: TICK_WINDOW_S,
      stepS: TICK_STEP_S,
      refreshMs: 5000,
    });
    await fpage.waitForTimeout(6000); // as for the app: past the first tick
    const floorTicks = await tracedTicks(browser, fpage, opts.tickSeconds);
    opts.log(
      `browser: bare uPlot floor, ${floorTicks.length} ticks, median ${median(floorTicks.map((t) => t.busyMs)).toFixed(1)} ms main thread`,
    );
    await fctx.close();

    // 3. Stress: 100 series × ~10,000 points in Explore.
    const sctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await sctx.addInitScript(LONGTASKS);
    const spage = await sctx.newPage();
    const expr = syntheticSeries(100);
    const qs = new URLSearchParams({ 'q0.expr': expr, from: 'now-834m', step: '5s' });
    await spage.goto(`${opts.serverUrl}/explore?${qs}`);
    let drawnMs = Number.NaN;
    try {
      const h = await spage.waitForFunction(
        () => {
          const c = document.querySelector<HTMLElement>('.uplot');
          return c && Number(c.dataset.samples) >= 900_000 ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      drawnMs = (await h.jsonValue()) as number;
    } catch {
      // left NaN: not drawn in 2 minutes
    }
    await spage.waitForTimeout(500); // let the observer report the last long task
    const stress = await spage.evaluate(() => {
      const long = (window as unknown as { __longtasks: number[] }).__longtasks;
      const c = document.querySelector<HTMLElement>('.uplot');
      return {
        longestTaskMs: Math.max(0, ...long),
        longTasksMs: long.reduce((a, b) => a + b, 0),
        samples: Number(c?.dataset.samples ?? 0),
        series: Number(c?.dataset.series ?? 0),
      };
    });
    opts.log(
      `browser: stress drawn in ${drawnMs.toFixed(0)} ms, longest task ${stress.longestTaskMs.toFixed(0)} ms`,
    );
    await sctx.close();
    return {
      firstDrawMs,
      panelsDrawn,
      scriptsLoaded,
      ticks,
      tickSamples,
      floorTicks,
      floorSamples,
      chartSizes: sizes,
      stress: { drawnMs, ...stress },
    };
  } finally {
    await browser.close();
  }
}
