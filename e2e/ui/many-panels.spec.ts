// A dashboard of 2000 panels (e2e/many-panels.ts) on the real Prometheus: only the panels near
// the viewport query and draw; scrolling down makes the next ones query and draw; panels
// scrolled away hold still (a time range change does not reach them) and catch up when they
// come back, as Grafana's refreshWhenInView; and the page keeps answering. Every check counts
// the requests the page sends (each panel asks its own `vector(<n>)`) or reads what is drawn.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { MANY_COUNT, MANY_UID, manyPanelOf } from '../many-panels.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';

interface Asked {
  panel: number;
  rangeS: number;
}

/** Records each panel query the page sends: which panel, and over how long a range. */
function record(page: Page): Asked[] {
  const asked: Asked[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('/api/v1/query_range')) return;
    const panel = manyPanelOf(url.searchParams.get('query') ?? '');
    const rangeS = Number(url.searchParams.get('end')) - Number(url.searchParams.get('start'));
    if (panel !== null) asked.push({ panel, rangeS });
  });
  return asked;
}

const panelsAsked = (asked: Asked[]) =>
  [...new Set(asked.map((a) => a.panel))].sort((a, b) => a - b);

/** The panels drawn so far (they came near the viewport once), by number, and how many drew. */
async function loaded(page: Page): Promise<{ panels: number[]; drawn: number }> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.lazy-panel:not([data-near="never"])')];
    const panels = boxes
      .map((b) =>
        Number(
          /^Panel (\d+)$/.exec(b.querySelector('section')?.getAttribute('aria-label') ?? '')?.[1],
        ),
      )
      .sort((a, b) => a - b);
    const drawn = boxes.filter((b) => {
      const chart = b.querySelector<HTMLElement>('.uplot');
      return Number(chart?.dataset.series) >= 1 && Number(chart?.dataset.samples) > 0;
    }).length;
    return { panels, drawn };
  });
}

/** Waits until every panel that came near has drawn its answer; returns their numbers. */
async function settled(page: Page): Promise<number[]> {
  let now = { panels: [] as number[], drawn: -1 };
  await expect
    .poll(async () => {
      now = await loaded(page);
      return now.panels.length > 0 && now.drawn === now.panels.length;
    })
    .toBe(true);
  return now.panels;
}

/** `dash.drawn`, with room for a page of 2000 cells on a shared, busy machine. */
async function drawnSlowly(dash: DashboardPage, title: string) {
  await expect(dash.chart(title)).toHaveAttribute('data-series', '1', { timeout: 120_000 });
  await expect(dash.chart(title)).not.toHaveAttribute('data-samples', '0', { timeout: 60_000 });
  await dash.drawn(title);
}

test('2000 panels: only those near the viewport query and draw, the rest when scrolled near', async ({
  page,
}) => {
  // A page of 2000 grid cells takes a while to open on the shared 2-core machine; nothing
  // below is timed, every step waits for a state.
  test.setTimeout(300_000);
  const asked = record(page);
  const dash = new DashboardPage(page);
  await dash.open(`/d/${MANY_UID}`);
  await expect(page.locator('.grid-item')).toHaveCount(MANY_COUNT, { timeout: 60_000 });

  // Opening: a few screens' worth queried, and exactly those drew. The first draw may take
  // long on the shared machine: waited for, not timed.
  await drawnSlowly(dash, 'Panel 1');
  const first = await settled(page);
  expect(first.length).toBeGreaterThanOrEqual(8);
  expect(first.length).toBeLessThan(100);
  expect(panelsAsked(asked)).toEqual(first);

  // Scrolled down to panel 1000: it and its neighbours query and draw; the ones above do not
  // query again.
  const before = asked.length;
  await page.locator('.grid-item').nth(999).scrollIntoViewIfNeeded();
  await drawnSlowly(dash, 'Panel 1000');
  const second = await settled(page);
  expect(second).toContain(1000);
  expect(second.length).toBeLessThan(200);
  expect(panelsAsked(asked)).toEqual(second);
  const newly = asked.slice(before).map((a) => a.panel);
  expect(newly.every((n) => !first.includes(n))).toBe(true);

  // The page answers: a new time range is taken at once. The panels near ask for it; those
  // scrolled away do not (they hold what they drew) until they come near again.
  const atChange = asked.length;
  await dash.timeRange.selectOption({ label: 'Last 1 hour' });
  await expect(page).toHaveURL(/from=now-1h/);
  const hourly = (n: number) => asked.slice(atChange).some((a) => a.panel === n && a.rangeS > 3000);
  await expect.poll(() => hourly(1000)).toBe(true);
  await dash.drawn('Panel 1000');
  expect(asked.slice(atChange).filter((a) => a.panel === 1)).toEqual([]);
  await page.locator('.grid-item').first().scrollIntoViewIfNeeded();
  await expect.poll(() => hourly(1)).toBe(true);
  await dash.drawn('Panel 1');
  expect(panelsAsked(asked).length).toBeLessThan(200);
  test.info().annotations.push({
    type: 'figures',
    description: `of ${MANY_COUNT}: ${first.length} queried at open, ${second.length} after scrolling to 1000, ${panelsAsked(asked).length} in all`,
  });
});
