// Pasting a query into the PromQL editor (the panel editor's and Explore's) must not make the
// page break its own
// Content-Security-Policy: no `securitypolicyviolation` event, no CSP error in the console.
// The paste is a real one (the clipboard, then Ctrl+V), as rich text copied from a web page
// and as plain text.
import type { Page } from '@playwright/test';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { EditDashboardPage } from '../pages/edit-page.ts';
import { ExplorePage } from '../pages/explore-page.ts';

async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const el = e.target instanceof Element ? e.target.outerHTML.slice(0, 200) : '';
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample} ${el}`);
    });
  });
  return console;
}

const QUERY = 'sum by (route) (rate(http_requests_total[5m]))';

/** The PromQL editor of query A, in the panel editor of a new dashboard or in Explore. */
async function openEditor(page: Page, where: 'panel editor' | 'Explore') {
  if (where === 'Explore') {
    const explore = new ExplorePage(page);
    await explore.open();
    return explore.editor('A');
  }
  await page.goto('/dashboard/new');
  await page.getByRole('button', { name: '+ Add visualization' }).first().click();
  await expect(page).toHaveURL(/editPanel=1/);
  return new EditDashboardPage(page).queryEditor('A');
}

for (const where of ['panel editor', 'Explore'] as const)
  for (const kind of ['rich text', 'plain text'] as const) {
    test(`pasting ${kind} into the PromQL editor (${where}) raises no CSP violation`, async ({
      page,
      context,
      baseURL,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      const consoleErrors = await watchCsp(page);
      const editor = await openEditor(page, where);
      await editor.click();
      // The clipboard is filled from another page (Prometheus' own, another origin): Chromium
      // parses HTML written to the clipboard in the writing page, which under our CSP would
      // itself count as a violation and say nothing about the paste.
      const source = await context.newPage();
      await source.goto(`${prometheusUrl()}/api/v1/status/buildinfo`);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(prometheusUrl()).origin,
      });
      await source.evaluate(
        async ([text, rich]) => {
          const items: Record<string, Blob> = {
            'text/plain': new Blob([text], { type: 'text/plain' }),
          };
          if (rich)
            items['text/html'] = new Blob(
              [`<span style="color: rgb(200, 0, 0); font-weight: bold">${text}</span>`],
              { type: 'text/html' },
            );
          await navigator.clipboard.write([new ClipboardItem(items)]);
        },
        [QUERY, kind === 'rich text'] as const,
      );
      await source.close();
      await page.bringToFront();
      await editor.click();
      // Over a selection too: the case where the browser would keep the old text's look.
      await page.keyboard.type('up');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('ControlOrMeta+v');
      await expect(editor).toContainText(QUERY);
      // And once more at the end of the text, over nothing selected.
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('ControlOrMeta+v');
      await expect(editor).toContainText(QUERY + QUERY);
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => setTimeout(done))),
      );
      const violations = await page.evaluate(
        () => (window as unknown as { __csp: string[] }).__csp,
      );
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }
