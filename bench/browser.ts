// Bench 4, in Chromium (playwright, /usr/bin/chromium, --no-sandbox --disable-gpu):
// - time from navigation to every panel of the Service overview drawn: performance.now() in
//   the page when every uPlot chart has data-samples > 0 and every stat shows a value;
// - main-thread time per live tick on a dashboard of 8 panels × 10 series, and on the
//   bare-uPlot floor with the same data (live-tick.ts);
// - one stress panel of 100 series × ~10,000 points (Explore with a fixed 5 s step over
//   834 minutes): time from navigation to drawn, and the longest main-thread task on the way
//   (PerformanceObserver longtask), which is how long the page was frozen at most.
import { type Browser, chromium, type Page } from '@playwright/test';
import { benchLiveTick, type LiveTickReport } from './live-tick.ts';
import { syntheticSeries } from './tick-bytes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserReport extends LiveTickReport {
  /** ms from navigation to every panel drawn, one per fresh page load. */
  firstDrawMs: number[];
  panelsDrawn: string;
  /** Script bytes the dashboard page really fetched (transfer size, gzip) and their names. */
  scriptsLoaded: { name: string; transfer: number }[];
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
  tickSeconds: number; // s of live ticks traced per round, on each page
  tickRounds: number; // rounds of app then floor
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

    // 2. Live ticks, 8 panels × 10 series × ~700 points, and the bare-uPlot floor.
    const live = await benchLiveTick(browser, { ...opts, rounds: opts.tickRounds });

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
      ...live,
      stress: { drawnMs, ...stress },
    };
  } finally {
    await browser.close();
  }
}
