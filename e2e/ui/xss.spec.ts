// Hostile text from every outside source, through the real Prometheus and the real server:
// label values and help text (the e2e "hostile" scrape target, e2e/hostile-target.ts) and a
// dashboard (e2e/fixtures/dashboards/e2e-faults.json) whose titles, description, variables,
// legend formats, links and text panel carry `<img onerror>`, `</script>` and `javascript:`.
// Everything shows as text or is sanitised: no payload runs (each would set window.__xss),
// nothing even tries and is stopped by the CSP, and no handler attribute reaches the DOM.
import type { Page } from '@playwright/test';
import { expect, queuedEventsRun, test } from '../fixtures.ts';
import { HOSTILE, HOSTILE_METRIC } from '../hostile-target.ts';
import { DashboardPage } from '../pages/dashboard-page.ts';
import { createDashboard } from '../pages/edit-page.ts';
import { ExplorePage } from '../pages/explore-page.ts';

const EVIL_VAR = '<img src=x onerror=window.__xss=25>'; // the custom variable's first value

/** Records CSP violations from the first script on, so a payload the CSP stopped still fails. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const el = e.target instanceof Element ? e.target.outerHTML.slice(0, 200) : '';
      w.__csp.push(
        `${e.effectiveDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber} ${el}`,
      );
    });
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** What must hold on any page: nothing ran, nothing tried, nothing hostile in the DOM. */
async function nothingRan(page: Page, dialogs: string[]) {
  await queuedEventsRun(page); // any queued error, load or toggle event has run
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp: string[] };
    const all = [...document.querySelectorAll('*')];
    return {
      xss: w.__xss,
      // Script elements, inline script, eval, javascript: URLs. Not script-src-attr: Chrome
      // reports that when DOMPurify parses a handler attribute in its inert document, before
      // removing it (nothing runs, with or without a CSP); `handlers` below covers attributes.
      scriptViolations: w.__csp.filter((v) => /^script-src(-elem)? /.test(v)),
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.toLowerCase().startsWith('on'))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
      jsUrls: all.flatMap((el) =>
        [...el.attributes]
          // aria-label and title are shown as text, never followed (a legend's full name is
          // its title): a hostile label value may sit there as characters.
          .filter(
            (a) =>
              /^\s*javascript:/i.test(a.value) && a.name !== 'aria-label' && a.name !== 'title',
          )
          .map((a) => `${el.tagName} ${a.name}=${a.value}`),
      ),
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      // The app's own images (its icon) only: nothing from a payload.
      imgs: [...document.images]
        .map((i) => i.getAttribute('src') ?? '')
        .filter((src) => !/^\/[a-z]/.test(src)),
    };
  });
  expect(state).toEqual({
    xss: undefined,
    scriptViolations: [],
    handlers: [],
    jsUrls: [],
    inlineScripts: 0,
    frames: 0,
    imgs: [],
  });
  expect(dialogs).toEqual([]);
}

test('a hostile dashboard and hostile series render as text and run nothing', async ({ page }) => {
  const dialogs = await watch(page);
  const dash = new DashboardPage(page);
  await dash.open('/d/e2e-faults');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'E2E faults <img src=x onerror=window.__xss=1>',
  );

  // Variables: a hostile label, hostile custom values, values from hostile label values.
  const bar = page.getByRole('toolbar', { name: 'Dashboard variables' });
  await expect(bar).toContainText('<img src=x onerror=window.__xss=24>');
  const payload = bar.getByRole('button', { name: /^<img src=x onerror=window.__xss=24>: / });
  await payload.click();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveText([HOSTILE.script, HOSTILE.img, HOSTILE.link].sort());
  await options.filter({ hasText: HOSTILE.script }).click();
  await expect(payload).toHaveAccessibleName(
    `<img src=x onerror=window.__xss=24>: ${HOSTILE.script}`,
  );
  await bar.getByRole('button', { name: /^Evil: / }).click();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveText([
    EVIL_VAR,
    '</script><script>window.__xss=26</script>',
    'javascript:window.__xss=27',
  ]);
  await page.keyboard.press('Escape');

  // A title interpolating a hostile variable value; legend entries from hostile label values
  // and a legend format carrying markup of its own.
  const title = `Hostile series ${EVIL_VAR}`;
  await expect(dash.panel(title).getByRole('heading')).toHaveText(title);
  await dash.drawn(title, 3);
  const legendFormat = (v: string, kind: string) =>
    `${v} <b onmouseover=window.__xss=31>${kind}</b>`;
  await expect(dash.legend(title)).toHaveText(
    [
      legendFormat(HOSTILE.img, 'img'),
      legendFormat(HOSTILE.link, 'link'),
      legendFormat(HOSTILE.script, 'script'),
    ],
    { useInnerText: true },
  );
  const tooltip = await dash.hoverChart(title, 0.98);
  await expect(tooltip).toContainText(legendFormat(HOSTILE.script, 'script'));
  await page.mouse.move(0, 0);

  // The table shows label values as cells, the stat their names.
  const table = dash.panel('Hostile table');
  for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.link]) {
    await expect(table.getByRole('cell', { name: value, exact: true })).toBeVisible();
  }
  await expect(dash.panel('Hostile stat')).toContainText(HOSTILE.script);

  // The markdown keeps its words and loses every trap.
  const text = dash.panel('Hostile markdown');
  await expect(text).toContainText('Plain words.');
  expect(await text.getByText('click trap').getAttribute('href')).toBeNull();
  expect(await text.getByText('html trap').getAttribute('href')).toBeNull();
  await text.getByText('click trap').click();
  await text.getByText('html trap').click();
  await expect(page).toHaveURL(/\/d\/e2e-faults/);

  await nothingRan(page, dialogs);
});

test('hostile help text and label values in Explore render as text', async ({ page }) => {
  const dialogs = await watch(page);
  const ex = new ExplorePage(page);
  await ex.open();
  await ex.tab('Metrics').click();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill(HOSTILE_METRIC);
  const metrics = page.getByRole('list', { name: 'Metrics' });
  await expect(metrics).toContainText(HOSTILE.help);

  await ex.run(HOSTILE_METRIC);
  await ex.drawn(3);
  await expect(page.getByRole('list', { name: 'legend' })).toContainText(HOSTILE.script);
  await ex.tab('Table').click();
  for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.link]) {
    await expect(ex.table.getByText(value, { exact: true })).toBeVisible();
  }
  await nothingRan(page, dialogs);
});

// DOM clobbering and spoofing from a text panel's HTML: ids and names that would shadow
// document or window properties, or the app's own elements, and the app's own class names
// dressing the panel's words as the app's dialog.
const CLOBBER_HTML = [
  '<img name="getElementById" src="/favicon.svg"><img name="cookie" src="/favicon.svg"><form id="createElement"><input name="x"></form>',
  '<a id="app" href="#setup">to setup</a> <a id="clobbered" name="clobberedName">x</a>',
  '<img name="clobberedImg" src="/favicon.svg"><p id="setup">setup</p>',
  '<div class="modal" id="spoof">Session expired, paste your token</div>',
  '<dialog open class="modal">An open dialog</dialog>',
  '<div popover class="panel-menu">A popover</div>',
  '<pre><code class="language-promql modal">up</code></pre>',
].join('\n');

test('a text panel cannot clobber document or window properties, nor wear the app’s classes', async ({
  page,
  request,
}, testInfo) => {
  const uid = `xss-clobber-${testInfo.workerIndex}`;
  await createDashboard(request, {
    uid,
    title: 'Clobbering',
    panels: [
      {
        id: 1,
        type: 'text',
        title: 'Clobber',
        gridPos: { x: 0, y: 0, w: 24, h: 10 },
        options: { mode: 'html', content: CLOBBER_HTML },
      },
    ],
  });
  const dialogs = await watch(page);
  const dash = new DashboardPage(page);
  await dash.open(`/d/${uid}`);
  const text = dash.panel('Clobber');
  await expect(text).toContainText('Session expired, paste your token');

  const state = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const spoof = [...document.querySelectorAll('.markdown div')].find((d) =>
      d.textContent?.startsWith('Session expired'),
    )!;
    const style = getComputedStyle(spoof);
    const panel = document.querySelector('.markdown')!;
    // For contrast, an element that does carry the class: the app's modal style applies.
    const probe = document.createElement('div');
    probe.className = 'modal';
    document.body.append(probe);
    const real = getComputedStyle(probe).boxShadow;
    probe.remove();
    return {
      getElementById: typeof document.getElementById,
      cookie: typeof document.cookie,
      createElement: typeof document.createElement,
      app: document.getElementById('app')?.tagName,
      windowApp: w.app instanceof HTMLAnchorElement,
      clobbered: [w.clobbered, w.clobberedName, w.clobberedImg].map((v) => typeof v),
      documentNamed: typeof (document as unknown as Record<string, unknown>).clobberedImg,
      ids: [...panel.querySelectorAll('[id]')].map((e) => e.id),
      names: [...panel.querySelectorAll('[name]')].map((e) => e.getAttribute('name')),
      hrefs: [...panel.querySelectorAll('a[href]')].map((e) => e.getAttribute('href')),
      classes: [...panel.querySelectorAll('[class]')].map((e) => e.className),
      spoof: { boxShadow: style.boxShadow, borderRadius: style.borderRadius },
      realModalShadow: real !== 'none',
      dialogs: panel.querySelectorAll('dialog').length,
      openDialogs: document.querySelectorAll('dialog[open]').length,
      popovers: panel.querySelectorAll('[popover]').length,
    };
  });
  expect(state).toEqual({
    getElementById: 'function',
    cookie: 'string',
    createElement: 'function',
    app: 'DIV',
    windowApp: false,
    clobbered: ['undefined', 'undefined', 'undefined'],
    documentNamed: 'undefined',
    ids: ['user-content-app', 'user-content-clobbered', 'user-content-setup', 'user-content-spoof'],
    names: [
      'user-content-getElementById',
      'user-content-cookie',
      'user-content-clobberedName',
      'user-content-clobberedImg',
    ],
    hrefs: ['#user-content-setup'],
    classes: ['language-promql'],
    spoof: { boxShadow: 'none', borderRadius: '0px' },
    realModalShadow: true,
    dialogs: 0,
    openDialogs: 0,
    popovers: 0,
  });
  // The app's own dialog, for contrast: it does wear the modal's styles.
  await dash
    .panel('Clobber')
    .getByRole('button', { name: /^Menu for panel/ })
    .isVisible();
  await nothingRan(page, dialogs);
});
