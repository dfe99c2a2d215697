// A simulated dashboard viewer that sends exactly what the browser sends: the page's panels
// planned with the app's own planQueries (step from the panel width and scrape interval,
// start and end aligned to it), ticks on wall-clock multiples of the refresh (use-now.ts),
// and each tick through the app's own fetchSliding, so a window that only slid asks for
// [last end − overlap, now]. Identical queries across panels are sent once, and a query whose
// aligned range has not moved since the last tick is not sent at all (query-core's cache,
// keyed by the whole request, does the same in the browser).
import type http from 'node:http';
import { DELTA_HEADER, formatKnown, KNOWN_HEADER } from '../contract/known.ts';
import type { MatrixData } from '../web/api/types.ts';
import type { Panel } from '../web/model/model.ts';
import { planQueries } from '../web/panels/panel-queries.ts';
import { fetchSliding, LiveBases, type RangeFetch } from '../web/query/incremental.ts';
import { msToNextTick, tickTime } from '../web/ui/use-now.ts';
import { get } from './http.ts';

/** The viewport width the panels are laid out in (px); Grafana's grid has 24 columns. */
export const VIEWPORT_PX = 1440;
/** What a panel frame takes off its grid width for padding and border (px). */
const FRAME_PX = 16;

export function panelWidthPx(panel: Pick<Panel, 'gridPos'>): number {
  return Math.round((panel.gridPos.w * VIEWPORT_PX) / 24) - FRAME_PX;
}

/** The panels of a dashboard that send queries. */
export function queryPanels(panels: readonly Panel[]): Panel[] {
  return panels.filter((p) => p.type !== 'row' && p.type !== 'text' && p.targets.length > 0);
}

export interface ViewerOptions {
  serverUrl: string;
  dsUid: string;
  panels: Panel[];
  windowMs: number; // ms: the dashboard's time range, ending at now
  refreshMs: number; // ms
  scrapeIntervalS: number; // s
  overlapS: number; // s
  agent: http.Agent;
}

export interface ViewerCounts {
  /** Requests this viewer sent to the Promscope server. */
  sent: number;
  errors: number;
}

/** A range fetch through the proxy, as queryRange sends it. */
export function proxyRangeFetch(
  serverUrl: string,
  dsUid: string,
  expr: string,
  agent: http.Agent,
  onAnswer: (wireBytes: number, bodyBytes: number) => void,
  acceptEncoding = 'gzip',
): RangeFetch {
  return async (grid, _signal, known) => {
    const qs = new URLSearchParams({
      query: expr,
      start: String(grid.start),
      end: String(grid.end),
      step: String(grid.step),
    });
    const url = `${serverUrl}/api/datasources/proxy/uid/${encodeURIComponent(dsUid)}/api/v1/query_range?${qs}`;
    // As the browser does: a live tick says what it holds (contract/known.ts).
    const headers = known ? { [KNOWN_HEADER]: formatKnown(known) } : undefined;
    const a = await get(url, { agent, acceptEncoding, decode: true, headers });
    const text = a.body?.toString('utf8') ?? '';
    onAnswer(a.wireBytes, a.body?.length ?? 0);
    if (a.status !== 200) throw new Error(`HTTP ${a.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { data: MatrixData; warnings?: string[]; infos?: string[] };
    return {
      data: body.data,
      warnings: body.warnings ?? [],
      infos: body.infos ?? [],
      totalMs: a.latencyMs,
      delta: a.headers[DELTA_HEADER.toLowerCase()] as string | undefined,
    };
  };
}

export class Viewer {
  readonly counts: ViewerCounts = { sent: 0, errors: 0 };
  private readonly bases = new LiveBases();
  /** The last request key of each distinct query: an unmoved range is not asked again. */
  private readonly last = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly opts: ViewerOptions) {}

  /** Loads the page now, then ticks on wall-clock multiples of the refresh until stop(). */
  async start(): Promise<void> {
    await this.tick(Date.now());
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  /** use-now.ts' timer: the next wall-clock multiple, a tick never earlier than it is due. */
  private schedule(after = Date.now()): void {
    if (this.stopped) return;
    const due = after + msToNextTick(after, this.opts.refreshMs);
    this.timer = setTimeout(() => {
      const now = tickTime(Date.now(), due);
      void this.tick(now);
      this.schedule(now);
    }, due - Date.now());
  }

  async tick(nowMs: number): Promise<void> {
    const o = this.opts;
    const time = { start: nowMs - o.windowMs, end: nowMs };
    const wanted = new Map<
      string,
      { expr: string; grid: { start: number; end: number; step: number } }
    >();
    for (const panel of o.panels) {
      for (const q of planQueries(panel, time, panelWidthPx(panel), o.scrapeIntervalS)) {
        const grid = { start: q.start, end: q.end, step: q.step };
        wanted.set(JSON.stringify([q.expr, q.start, q.end, q.step]), { expr: q.expr, grid });
      }
    }
    await Promise.all(
      [...wanted].map(async ([requestKey, { expr, grid }]) => {
        const baseKey = LiveBases.key(o.dsUid, expr, grid, 0);
        if (this.last.get(baseKey) === requestKey) return;
        this.last.set(baseKey, requestKey);
        const fetchRange = proxyRangeFetch(o.serverUrl, o.dsUid, expr, o.agent, () => {
          this.counts.sent++;
        });
        try {
          await fetchSliding(this.bases, baseKey, grid, fetchRange, o.overlapS);
        } catch {
          this.counts.errors++;
        }
      }),
    );
  }
}
