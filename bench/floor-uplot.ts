// The live tick's floor (issue #15, floor a): a bare page — uPlot and nothing else, no Preact,
// no app — with the same 8 charts at the sizes the app drew them, fed the same series at the
// same step, that on every 5 s tick fetches the new points through the same proxy, appends
// them, drops what left the window and calls setData. Its main-thread time per tick, read from
// a Chrome trace by the same ticksFromTrace as the app's, is what the browser and machine
// need at the least for that tick: fetch, JSON parsing, uPlot's setData and drawing, paint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Path of the bare page on the server's origin (served by page.route, never by the server). */
export const FLOOR_PATH = '/__bench/uplot-floor';

/** The bare page: uPlot's own build and CSS inline, an empty body. */
export function floorHtml(root: string): string {
  const dist = join(root, 'node_modules', 'uplot', 'dist');
  const js = readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(join(dist, 'uPlot.min.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare uPlot</title><style>${css}
body{margin:0;background:#111217;color:#ccccdc;font:12px sans-serif}
#grid{display:flex;flex-wrap:wrap;gap:16px;padding:16px}</style><script>${js}</script></head>
<body><div id="grid"></div></body></html>`;
}

export interface FloorConfig {
  /** The proxy's query_range URL (same origin as the page). */
  url: string;
  exprs: string[];
  /** Each chart's size (px), as the app's uPlot roots measured on the dashboard. */
  sizes: { width: number; height: number }[];
  windowS: number;
  stepS: number;
  refreshMs: number;
}

/**
 * In the page (serialised by Playwright: nothing from outside this body): draws the charts
 * from a full fetch, then ticks on wall-clock multiples of the refresh. Resolves with the
 * samples drawn once every chart has its first data.
 */
export function runFloor(cfg: FloorConfig): Promise<number> {
  type Plot = { setData(d: (number | null)[][]): void };
  type Answer = { data: { result: { values: [number, string][] }[] } };
  const W = window as unknown as {
    uPlot: new (o: unknown, d: unknown, el: HTMLElement) => Plot;
    __floorTicks: number;
  };
  const colors = ['#73bf69', '#f2cc0c', '#8ab8ff', '#ff780a', '#f2495c'];
  const more = ['#5794f2', '#b877d9', '#705da0', '#37872d', '#fade2a'];
  const palette = [...colors, ...more];
  const grid = document.getElementById('grid')!;
  const axis = {
    stroke: '#ccccdc',
    grid: { stroke: 'rgba(204, 204, 220, 0.07)', width: 1 },
    ticks: { stroke: 'rgba(204, 204, 220, 0.12)', width: 1, size: 4 },
  };
  const cols: { x: number[]; ys: (number | null)[][] }[] = [];
  const plots: Plot[] = [];
  let lastEnd = 0;

  const fetchRange = async (expr: string, start: number, end: number) => {
    const qs = new URLSearchParams({
      query: expr,
      start: String(start),
      end: String(end),
      step: String(cfg.stepS),
    });
    const res = await fetch(`${cfg.url}?${qs}`);
    return ((await res.json()) as Answer).data.result;
  };
  // Appends the answer's points after what is held and drops what left the window.
  const merge = (i: number, result: Answer['data']['result'], end: number) => {
    const c = cols[i]!;
    const held = c.x.length > 0 ? c.x[c.x.length - 1]! : Number.NEGATIVE_INFINITY;
    const xs = [...new Set(result.flatMap((s) => s.values.map((v) => v[0])))]
      .filter((t) => t > held)
      .sort((a, b) => a - b);
    const at = new Map(xs.map((t, k) => [t, k]));
    const add = result.map((s) => {
      const out: (number | null)[] = xs.map(() => null);
      for (const [t, v] of s.values) {
        const k = at.get(t);
        if (k !== undefined) out[k] = Number(v);
      }
      return out;
    });
    const from = end - cfg.windowS;
    let drop = 0;
    while (drop < c.x.length && c.x[drop]! < from) drop++;
    c.x = [...c.x.slice(drop), ...xs];
    c.ys = c.ys.map((y, s) => [...y.slice(drop), ...(add[s] ?? xs.map(() => null))]);
    plots[i]!.setData([c.x, ...c.ys]);
  };

  const tick = async () => {
    const end = Math.floor(Date.now() / 1000 / cfg.stepS) * cfg.stepS;
    if (end > lastEnd) {
      const start = lastEnd + cfg.stepS;
      lastEnd = end;
      await Promise.all(
        cfg.exprs.map(async (e, i) => merge(i, await fetchRange(e, start, end), end)),
      );
      W.__floorTicks = (W.__floorTicks ?? 0) + 1;
    }
    setTimeout(tick, cfg.refreshMs - (Date.now() % cfg.refreshMs));
  };

  return (async () => {
    const end = Math.floor(Date.now() / 1000 / cfg.stepS) * cfg.stepS;
    const first = await Promise.all(cfg.exprs.map((e) => fetchRange(e, end - cfg.windowS, end)));
    let samples = 0;
    first.forEach((result, i) => {
      const size = cfg.sizes[i] ?? cfg.sizes[0]!;
      const el = document.createElement('div');
      grid.appendChild(el);
      const opts = {
        ...size,
        legend: { show: false },
        scales: { x: { time: true } },
        // The app's axis colours (web/chart/options.ts), so both draw the same pixels.
        axes: [axis, axis],
        series: [
          {},
          ...result.map((_, s) => ({
            stroke: palette[s % palette.length],
            width: 1,
            points: { show: false },
            spanGaps: false,
          })),
        ],
      };
      cols.push({ x: [], ys: result.map(() => []) });
      plots.push(new W.uPlot(opts, [[], ...result.map(() => [])], el));
      merge(i, result, end);
      samples += cols[i]!.x.length * result.length;
    });
    lastEnd = end;
    setTimeout(tick, cfg.refreshMs - (Date.now() % cfg.refreshMs));
    return samples;
  })();
}

/** The uPlot roots' sizes on the app's page, for the floor to draw the same. */
export function chartSizes(page: Page): Promise<{ width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('.uplot .u-wrap > canvas')].map((c) => ({
      width: Math.round(c.getBoundingClientRect().width),
      height: Math.round(c.getBoundingClientRect().height),
    })),
  );
}
