// Incremental live refresh on a real Prometheus: after the first load, a tick asks only for
// [last end − overlap, now], says what it already holds, gets only the later points when those
// are unchanged, and what is drawn equals what a full load of the same window gives.
import type { Request } from '@playwright/test';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

const TITLE = 'Request rate by route';
const PREFIX = 'sum by (route) (rate(http_requests_total{job="demo"}[';
const WINDOW_S = 30 * 60;
const OVERLAP_S = 600; // the default overlap

test('a live tick fetches only the newest stretch and draws what a full load would', async ({
  page,
}) => {
  const asked: {
    start: number;
    end: number;
    step: number;
    query: string;
    req: Request;
    known?: string;
    delta?: string;
    series?: number;
    points?: number;
  }[] = [];
  // Which of them are still on their way, and which were answered.
  const pending = new Set<Request>();
  const answered = new Set<Request>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    const query = url.searchParams.get('query') ?? '';
    if (url.pathname.endsWith('/api/v1/query_range') && query.startsWith(PREFIX)) {
      const n = (k: string) => Number(url.searchParams.get(k));
      const known = r.headers()['x-promscope-known'];
      const entry = { start: n('start'), end: n('end'), step: n('step'), query, req: r, known };
      asked.push(entry);
      pending.add(r);
      void r.response().then(async (res) => {
        if (!res?.ok()) return;
        // A request the page cancelled (a tick overtaken by the next) has no body to read;
        // the entry then stays without figures and the checks below skip it.
        const body = (await res.json().catch(() => null)) as {
          data: { result: { values: unknown[] }[] };
        } | null;
        if (!body) return;
        Object.assign(entry, {
          delta: res.headers()['x-promscope-delta'],
          series: body.data.result.length,
          points: body.data.result.reduce((k, s) => k + s.values.length, 0),
        });
      });
    }
  });
  page.on('requestfinished', (r) => {
    if (pending.delete(r)) answered.add(r);
  });
  page.on('requestfailed', (r) => pending.delete(r));
  const dash = new DashboardPage(page);
  await dash.open('/d/service-overview?from=now-30m&to=now&refresh=1s');
  await dash.drawn(TITLE, 3);
  // A full load comes first, and again whenever the step changes (the panel's width can
  // settle after the first draw); count the ticks after the last one.
  const isFull = (r: { start: number; end: number; step: number }) =>
    r.end - r.start >= WINDOW_S - r.step;
  const sinceFull = () => asked.length - 1 - asked.findLastIndex(isFull);
  await expect.poll(sinceFull, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  const first = asked[asked.findLastIndex(isFull)]!;
  const ticks = asked.slice(asked.indexOf(first) + 1);
  for (const t of ticks) {
    expect(t.step).toBe(first.step);
    // Each tick says what it holds: its last end, and a digest of its points.
    expect(t.known).toMatch(/^t=\d+; digest=[0-9a-f]{16}$/);
    // It asks again for the overlap before what it holds, and what came after: never the
    // window. (How much came after depends on when the tick ran, so it is bounded by what the
    // tick held, not by a fixed number of steps: a tick late on a loaded machine, or one after
    // a tick the next overtook, asks for a little more of the newest stretch.)
    const held = Number(/^t=(\d+)/.exec(t.known ?? '')?.[1]);
    expect(t.start).toBeGreaterThanOrEqual(held - OVERLAP_S - t.step);
    expect(t.start).toBeLessThanOrEqual(held - OVERLAP_S + t.step);
    expect(t.end - t.start).toBeLessThan(WINDOW_S - OVERLAP_S);
  }
  expect(first.known).toBeUndefined();
  // Held points rarely change (a scrape landing just after a tick's read can change the
  // newest one), so ticks get only the points after what they hold: a step or two per series,
  // not the overlap's hundreds.
  await expect
    .poll(() => asked.filter((t) => t.known && t.delta === 'applied').length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  for (const t of asked.filter((x) => x.delta === 'applied')) {
    const held = Number(/^t=(\d+)/.exec(t.known!)![1]);
    expect(held).toBeGreaterThan(t.start);
    expect(t.points!).toBeLessThanOrEqual(t.series! * ((t.end - held) / t.step));
  }

  // Stop the clock, then compare what is drawn with a full load of the drawn grid. A tick may
  // be on its way when the clock stops, and its answer drawn a moment later: wait until none
  // is, and the chart ends where the last answered one did.
  await dash.autoRefresh.selectOption('off');
  const chart = dash.chart(TITLE);
  let last = asked.at(-1)!;
  await expect
    .poll(async () => {
      if (pending.size > 0) return `${pending.size} on the way`;
      last = asked.filter((a) => answered.has(a.req)).at(-1)!;
      const end = Number(await chart.getAttribute('data-end'));
      return end === last.end ? 'drawn' : `drawn to ${end}, last answer to ${last.end}`;
    })
    .toBe('drawn');
  const end = last.end;
  const url = new URL(`${prometheusUrl()}/api/v1/query_range`);
  url.searchParams.set('query', last.query);
  url.searchParams.set('start', String(end - (first.end - first.start)));
  url.searchParams.set('end', String(end));
  url.searchParams.set('step', String(last.step));
  const full = (await (await fetch(url)).json()) as {
    data: { result: { metric: { route: string }; values: [number, string][] }[] };
  };
  const fullSamples = full.data.result.reduce((n, s) => n + s.values.length, 0);
  const drawn = await chart.evaluate((el) => ({
    series: Number((el as HTMLElement).dataset.series),
    samples: Number((el as HTMLElement).dataset.samples),
    end: Number((el as HTMLElement).dataset.end),
  }));
  expect(drawn.end).toBe(end); // the clock is stopped: nothing was drawn since
  expect(drawn.series).toBe(full.data.result.length);
  // A scrape landing between the two reads may add the newest point to one side only.
  expect(Math.abs(drawn.samples - fullSamples)).toBeLessThanOrEqual(full.data.result.length);
});
