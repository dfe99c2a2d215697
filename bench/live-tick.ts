// Bench 4's live tick and its floor. Main-thread time per live tick on a dashboard of 8 panels
// × 10 series × 661 points at a 5 s refresh, from a Chrome trace (trace.ts: every top-level
// task of the renderer main thread from just before a tick's first query_range request until
// 3 s later — fetch handling, JSON parsing, the incremental merge, Preact, uPlot setData and
// paint — and the tasks over 50 ms among them); and the same, read the same way, on the
// bare-uPlot page with the same charts, sizes and data (floor-uplot.ts). The machine is
// shared, so the two are measured in alternating rounds rather than one after the other:
// a burst of load elsewhere lands on both rather than on one.
import type { Browser, Page } from '@playwright/test';
import { chartSizes, FLOOR_PATH, floorHtml, runFloor } from './floor-uplot.ts';
import { median } from './stats.ts';
import { syntheticSeries } from './tick-bytes.ts';
import { type TickCost, type TraceEvent, ticksFromTrace } from './trace.ts';

export const TICK_DASHBOARD_UID = 'bench-ticks';
/** The dashboard's window and step (s): 55 min at one point per 5 s tick. */
const WINDOW_S = 55 * 60;
const STEP_S = 5;
const REFRESH_MS = 5_000;
const VIEWPORT = { width: 1440, height: 1000 };

/** The 8 panels' queries: 10 synthetic series each, fixed at `at` (unix s). */
export function tickExprs(at: number): string[] {
  return Array.from({ length: 8 }, (_, i) => syntheticSeries(10, i * 100, at));
}

/**
 * 8 timeseries panels × 10 series; 55 min on a ~690 px wide plot is a 5 s step (one new point
 * every tick), 661 points. `at` (unix seconds, an instant with data) fixes the synthetic
 * series as in part 3, so held points never change and ticks come back as only the new points
 * ('applied'), as with real series.
 */
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

export interface LiveTickReport {
  /** Main-thread cost of each live tick of the app's dashboard. */
  ticks: TickCost[];
  tickSamples: number;
  /** The same, on the bare-uPlot page with the same data. */
  floorTicks: TickCost[];
  floorSamples: number;
  /** The app's chart sizes (px), which the bare page copied. */
  chartSizes: { width: number; height: number }[];
  rounds: number;
}

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

export async function benchLiveTick(
  browser: Browser,
  opts: {
    root: string;
    serverUrl: string;
    dsUid: string;
    tickAt: number;
    tickSeconds: number; // s traced per round and page
    rounds: number;
    log: (line: string) => void;
  },
): Promise<LiveTickReport> {
  const out: LiveTickReport = {
    ticks: [],
    tickSamples: 0,
    floorTicks: [],
    floorSamples: 0,
    chartSizes: [],
    rounds: opts.rounds,
  };
  const html = floorHtml(opts.root);
  for (let round = 0; round < opts.rounds; round++) {
    // The app's dashboard.
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    const page = await ctx.newPage();
    await page.goto(`${opts.serverUrl}/d/${TICK_DASHBOARD_UID}`);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('.uplot')].filter(
          (c) => Number(c.dataset.samples) > 0,
        ).length >= 8,
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(6000); // past the first tick, which may still be a full load
    out.tickSamples = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.uplot')].reduce(
        (n, c) => n + Number(c.dataset.samples ?? 0),
        0,
      ),
    );
    const ticks = await tracedTicks(browser, page, opts.tickSeconds);
    out.ticks.push(...ticks);
    out.chartSizes = await chartSizes(page);
    await ctx.close();

    // The floor: the same charts, sizes and data on a bare uPlot page, traced the same way.
    const fctx = await browser.newContext({ viewport: VIEWPORT });
    const fpage = await fctx.newPage();
    await fpage.route(`${opts.serverUrl}${FLOOR_PATH}`, (r) =>
      r.fulfill({ contentType: 'text/html', body: html }),
    );
    await fpage.goto(`${opts.serverUrl}${FLOOR_PATH}`);
    out.floorSamples = await fpage.evaluate(runFloor, {
      url: `/api/datasources/proxy/uid/${encodeURIComponent(opts.dsUid)}/api/v1/query_range`,
      exprs: tickExprs(opts.tickAt),
      sizes: out.chartSizes,
      windowS: WINDOW_S,
      stepS: STEP_S,
      refreshMs: REFRESH_MS,
    });
    await fpage.waitForTimeout(6000); // as for the app
    const floor = await tracedTicks(browser, fpage, opts.tickSeconds);
    out.floorTicks.push(...floor);
    await fctx.close();
    const med = (t: TickCost[]) => median(t.map((x) => x.busyMs)).toFixed(1);
    opts.log(
      `browser: live tick round ${round + 1}/${opts.rounds}: app ${ticks.length} ticks, median ${med(ticks)} ms; bare uPlot ${floor.length} ticks, median ${med(floor)} ms`,
    );
  }
  return out;
}
