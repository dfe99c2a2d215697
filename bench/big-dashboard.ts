// Bench 6: a big dashboard (130 panels in 10 rows, the last 3 collapsed, like the large
// community node dashboards) over 24 h and 7 d of the 30-day history, in Chromium: time from
// navigation to the first visible panel drawn and to every visible panel drawn (a panel is
// drawn when its uPlot root carries data-samples > 0, which the chart sets right after
// setData), requests and bytes sent, main-thread long tasks (PerformanceObserver), JS heap;
// then the same after scrolling to the bottom. Every panel's query carries a no-op matcher
// `{bench_panel!="pN"}` so each request names the panel it is for: the bench counts requests
// per panel and checks that only panels in or near the viewport asked and collapsed rows
// asked nothing. The queries the page sent are then replayed straight to Prometheus (the
// floor: Prometheus' own answer time for each).
import { chromium, type Page } from '@playwright/test';
import { median } from './stats.ts';

export const BIG_UID = 'bench-big';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BIG_ROWS = 10;
export const BIG_PER_ROW = 13;
export const BIG_COLLAPSED = new Set([7, 8, 9]); // row indexes, 0-based

const EXPRS = [
  'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle",$m}[$__rate_interval]))',
  'sum by (mode) (rate(node_cpu_seconds_total{$m}[$__rate_interval]))',
  'node_memory_MemAvailable_bytes{$m} / node_memory_MemTotal_bytes{$m}',
  'node_load1{$m}',
  '1 - node_filesystem_avail_bytes{$m} / node_filesystem_size_bytes{$m}',
  'rate(node_network_receive_bytes_total{$m}[$__rate_interval])',
  'rate(node_network_transmit_bytes_total{$m}[$__rate_interval])',
  'rate(node_disk_read_bytes_total{$m}[$__rate_interval])',
  'rate(node_disk_written_bytes_total{$m}[$__rate_interval])',
  'sum by (route) (rate(http_requests_total{$m}[$__rate_interval]))',
  'sum by (status) (rate(http_requests_total{$m}[$__rate_interval]))',
  'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{$m}[$__rate_interval])))',
  'sum by (route) (rate(http_request_duration_seconds_sum{$m}[$__rate_interval])) / sum by (route) (rate(http_request_duration_seconds_count{$m}[$__rate_interval]))',
];

/** The dashboard: rows of 13 timeseries panels (8 wide, 7 high), rows 8–10 collapsed. */
export function bigDashboard(): Record<string, unknown> {
  const panels: Record<string, unknown>[] = [];
  let y = 0;
  let id = 1;
  for (let r = 0; r < BIG_ROWS; r++) {
    const collapsed = BIG_COLLAPSED.has(r);
    const row = {
      id: id++,
      type: 'row',
      title: `Row ${r + 1}`,
      collapsed,
      gridPos: { x: 0, y: y++, w: 24, h: 1 },
      panels: [] as Record<string, unknown>[],
    };
    panels.push(row);
    for (let i = 0; i < BIG_PER_ROW; i++) {
      const pid = id++;
      const expr = (EXPRS[i % EXPRS.length] ?? '').replaceAll('$m', `bench_panel!="p${pid}"`);
      const panel = {
        id: pid,
        type: 'timeseries',
        title: `Panel ${pid}`,
        gridPos: { x: (i % 3) * 8, y: y + Math.floor(i / 3) * 7, w: 8, h: 7 },
        targets: [{ refId: 'A', expr }],
        fieldConfig: { defaults: {}, overrides: [] },
        options: {},
      };
      if (collapsed) row.panels.push(panel);
      else panels.push(panel);
    }
    if (!collapsed) y += Math.ceil(BIG_PER_ROW / 3) * 7;
  }
  return {
    uid: BIG_UID,
    title: 'Bench: big dashboard',
    tags: ['bench'],
    schemaVersion: 39,
    time: { from: 'now-24h', to: 'now' },
    panels,
  };
}

/** Panel ids of collapsed rows. */
export function collapsedPanelIds(): Set<number> {
  const out = new Set<number>();
  for (const r of BIG_COLLAPSED) {
    const first = 1 + r * (BIG_PER_ROW + 1) + 1;
    for (let i = 0; i < BIG_PER_ROW; i++) out.add(first + i);
  }
  return out;
}

/** The panel a request is for, from its no-op matcher, or null. */
export function panelOfRequest(text: string): number | null {
  const m = /bench_panel!=(?:"|%22|\\")p(\d+)/.exec(decodeURIComponent(text.replace(/\+/g, ' ')));
  return m ? Number(m[1]) : null;
}

export interface BigPhase {
  firstVisibleMs: number;
  allVisibleMs: number;
  visible: number;
  drawn: number;
  requests: number;
  bytesIn: number;
  /** Panels queried that were never in or near (±50 % of a screen) the viewport. */
  farQueried: number[];
  collapsedQueried: number[];
  panelsQueried: number;
  longestTaskMs: number;
  longTasks: number;
  heapMB: number;
}

export interface BigReport {
  window: string;
  load: BigPhase;
  scrolled: BigPhase;
  /** Query URLs the page sent (for the direct replay). */
  queries: string[];
}

const INIT = `window.__longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });`;

/** In the page: panels in or near the viewport (as LazyPanel's 50 % margin), drawn or not. */
async function viewportState(page: Page) {
  return page.evaluate(() => {
    const h = window.innerHeight;
    const out: { id: number; visible: boolean; near: boolean; drawn: boolean }[] = [];
    for (const p of document.querySelectorAll<HTMLElement>('section.panel')) {
      const title = p.getAttribute('aria-label') ?? '';
      const id = Number(/Panel (\d+)/.exec(title)?.[1] ?? Number.NaN);
      if (!Number.isFinite(id)) continue;
      const r = p.getBoundingClientRect();
      const u = p.querySelector<HTMLElement>('.uplot');
      out.push({
        id,
        visible: r.bottom > 0 && r.top < h,
        near: r.bottom > -h / 2 && r.top < h * 1.5,
        drawn: Number(u?.dataset.samples ?? 0) > 0,
      });
    }
    return out;
  });
}

async function phase(
  page: Page,
  t0: number,
  sent: { panel: number | null; url: string }[],
  bytes: { n: number },
  nearEver: Set<number>,
): Promise<BigPhase> {
  let first = Number.NaN;
  let all = Number.NaN;
  let state = await viewportState(page);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    state = await viewportState(page);
    for (const s of state) if (s.near) nearEver.add(s.id);
    const now = (await page.evaluate(() => performance.now())) - t0;
    const vis = state.filter((s) => s.visible);
    if (Number.isNaN(first) && vis.some((s) => s.drawn)) first = now;
    if (vis.length > 0 && vis.every((s) => s.drawn)) {
      all = now;
      break;
    }
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(1500); // late requests and long tasks reported
  for (const s of await viewportState(page)) if (s.near) nearEver.add(s.id);
  const collapsed = collapsedPanelIds();
  const queried = new Set(sent.map((s) => s.panel).filter((p): p is number => p !== null));
  const extra = await page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[] };
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const long = w.__longtasks.splice(0);
    return { long, heap: (mem?.usedJSHeapSize ?? 0) / 2 ** 20 };
  });
  const vis = state.filter((s) => s.visible);
  return {
    firstVisibleMs: first,
    allVisibleMs: all,
    visible: vis.length,
    drawn: vis.filter((s) => s.drawn).length,
    requests: sent.length,
    bytesIn: bytes.n,
    farQueried: [...queried].filter((p) => !nearEver.has(p)),
    collapsedQueried: [...queried].filter((p) => collapsed.has(p)),
    panelsQueried: queried.size,
    longestTaskMs: Math.max(0, ...extra.long),
    longTasks: extra.long.length,
    heapMB: extra.heap,
  };
}

export async function benchBigDashboard(opts: {
  serverUrl: string;
  windows: string[]; // e.g. ['24h', '7d']
  log: (line: string) => void;
}): Promise<BigReport[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const out: BigReport[] = [];
  try {
    for (const w of opts.windows) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      await ctx.addInitScript(INIT);
      const page = await ctx.newPage();
      const sent: { panel: number | null; url: string }[] = [];
      const bytes = { n: 0 };
      const all: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (!url.includes('/api/v1/query')) return;
        const text = `${url} ${req.postData() ?? ''}`;
        sent.push({ panel: panelOfRequest(text), url });
        all.push(url);
      });
      page.on('response', async (res) => {
        if (!res.url().includes('/api/v1/query')) return;
        const sizes = await res
          .request()
          .sizes()
          .catch(() => null);
        if (sizes) bytes.n += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      const nearEver = new Set<number>();
      await page.goto(`${opts.serverUrl}/d/${BIG_UID}?from=now-${w}&to=now`);
      const load = await phase(page, 0, sent, bytes, nearEver);
      opts.log(
        `big dashboard ${w}: first visible ${load.firstVisibleMs.toFixed(0)} ms, all ${load.allVisibleMs.toFixed(0)} ms, ${load.requests} requests`,
      );
      sent.length = 0;
      bytes.n = 0;
      // Scroll to the bottom in screen-sized steps, as a reader would, then measure there.
      const t0 = await page.evaluate(() => performance.now());
      for (let i = 0; i < 40; i++) {
        const atEnd = await page.evaluate(() => {
          window.scrollBy(0, window.innerHeight);
          return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        });
        for (const s of await viewportState(page)) if (s.near) nearEver.add(s.id);
        if (atEnd) break;
        await page.waitForTimeout(100);
      }
      const scrolled = await phase(page, t0, sent, bytes, nearEver);
      opts.log(
        `big dashboard ${w} scrolled: all visible ${scrolled.allVisibleMs.toFixed(0)} ms, ${scrolled.requests} requests`,
      );
      out.push({ window: w, load, scrolled, queries: all });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Replays the page's queries straight to Prometheus, 3 times each: median ms per query. */
export async function directTimes(prometheusUrl: string, urls: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const u of urls) {
    const url = new URL(u);
    const i = url.pathname.indexOf('/api/v1/');
    const direct = `${prometheusUrl}${url.pathname.slice(i)}${url.search}`;
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const res = await fetch(direct, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    out.push(median(times));
  }
  return out;
}
