// Headless Chromium (Debian's build), pages without JavaScript, and axe-core checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Command-line switches passed to Chromium. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** axe-core tags every page is checked against (WCAG 2.1 A and AA). */
export const A11Y_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

/**
 * Per-page state of pages made by newNoJsPage.
 * @type {WeakMap<import('playwright-core').Page, {cdp: import('playwright-core').CDPSession, visited: string[]}>}
 */
const pageState = new WeakMap();

/** @type {{url: string, label: string}[]} every checkA11y call, in order */
const checks = [];

let axeSource = null;
function loadAxeSource() {
  axeSource ??= readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  return axeSource;
}

function withoutHash(url) {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * Launch headless Chromium from env `CHROMIUM_PATH` (default /usr/bin/chromium).
 * @param {import('playwright-core').LaunchOptions} [options] merged over the defaults
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...options,
  });
}

/**
 * Open a page, in a new browser context, whose documents load with
 * JavaScript disabled (via CDP `Emulation.setScriptExecutionDisabled`, not
 * the context option `javaScriptEnabled: false`, under which axe hangs).
 * Playwright's own actions (fill, click, evaluate) still work. Main-frame
 * navigations are recorded for assertAllVisitedChecked. Close it with
 * `page.context().close()`.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function newNoJsPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  const visited = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== 'about:blank') visited.push(frame.url());
  });
  pageState.set(page, { cdp, visited });
  return page;
}

/**
 * Clicks a link or button and waits for the next page to load.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<void>}
 */
export async function go(page, locator) {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

/**
 * Follows a header link the way a person does: the navigation is grouped by task and the
 * user's own pages sit in the user menu, each a closed <details>; opens the disclosure the
 * link sits in (if it is closed) and follows the link.
 * @param {import('playwright-core').Page} page
 * @param {string} href the link's exact href, e.g. "/unternehmen"
 * @returns {Promise<void>}
 */
export async function navigate(page, href) {
  const link = page.locator(`header a[href="${href}"]`).first();
  assert.equal(await link.count(), 1, `the header links to ${href}`);
  if (!(await link.isVisible())) {
    await link.locator('xpath=ancestor::details[1]/summary').click();
  }
  await go(page, link);
}

/**
 * Opens the header's user menu (a <details>: profile, language, log-out) if it is closed.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<void>}
 */
export async function openUserMenu(page) {
  const menu = page.locator('header details.site-usermenu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/**
 * Turn page scripting on or off for a page from newNoJsPage (no-op for
 * other pages). Affects documents loaded afterwards and timers/handlers of
 * the current one; scripts skipped while it was off do not run later.
 * @param {import('playwright-core').Page} page
 * @param {boolean} enabled
 * @returns {Promise<void>}
 */
export async function setScriptingEnabled(page, enabled) {
  const state = pageState.get(page);
  if (state) await state.cdp.send('Emulation.setScriptExecutionDisabled', { value: !enabled });
}

/**
 * How far the page scrolls sideways, in CSS pixels (scripting on for just that moment).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
export async function sidewaysScroll(page) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  } finally {
    await setScriptingEnabled(page, false);
  }
}

/**
 * The words, dates and numbers broken inside a table cell (issue 17): every word's glyphs must
 * stand on one line; a break after a hyphen is a normal break, not a broken word. Scripting on
 * for just that moment.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>} the broken words
 */
export async function brokenWordsInTables(page) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(() => {
      const out = [];
      for (const cell of document.querySelectorAll('.data-table th, .data-table td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest('.visually-hidden')) continue;
          for (const m of node.data.matchAll(/[^\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
  } finally {
    await setScriptingEnabled(page, false);
  }
}

/**
 * Axe at 1280 and 320 px and no sideways scrolling at 320 px, on the page's current GET
 * address (reloaded after each width change); leaves the page at 1280 px.
 * @param {import('playwright-core').Page} page
 * @param {string} label
 * @returns {Promise<void>}
 */
export async function checkA11yAtBothWidths(page, label) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page, `${label} at 1280 px`);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  const sideways = await sidewaysScroll(page);
  assert.ok(sideways <= 0, `${label} scrolls sideways by ${sideways}px at 320px`);
  await checkA11y(page, `${label} at 320 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
}

/**
 * Run axe-core (WCAG 2.0/2.1 A+AA tags) on the page's current document and
 * record its URL as checked. For a no-JS page, scripting is re-enabled only
 * for the check. The axe source is evaluated through the DevTools protocol,
 * so a strict Content-Security-Policy does not block it.
 * @param {import('playwright-core').Page} page
 * @param {string} label a name for the page in messages, e.g. "login form"
 * @param {{tags?: string[], timeoutMs?: number}} [options] timeoutMs default 30000
 * @returns {Promise<void>}
 * @throws {assert.AssertionError} listing each violation's id, impact, help and target nodes
 */
export async function checkA11y(page, label, { tags = [...A11Y_TAGS], timeoutMs = 30_000 } = {}) {
  const url = page.url();
  checks.push({ url, label });
  await setScriptingEnabled(page, true);
  let violations;
  try {
    const hasAxe = await page.evaluate(() => typeof (/** @type {any} */ (window).axe) === 'object');
    if (!hasAxe) await page.evaluate(`${loadAxeSource()}\n;void 0;`);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`axe.run did not finish within ${timeoutMs} ms on ${label} (${url}): are page timers running?`)),
        timeoutMs,
      );
    });
    const run = page.evaluate(async (values) => {
      const axe = /** @type {any} */ (window).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
    }, tags);
    try {
      violations = await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
      run.catch(() => {});
    }
  } finally {
    await setScriptingEnabled(page, false);
  }
  if (violations.length > 0) {
    const lines = violations.map((v) => {
      const nodes = v.nodes.map((n) => `      ${JSON.stringify(n.target)}`).join('\n');
      return `  - ${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})\n${nodes}`;
    });
    throw new assert.AssertionError({
      message: `${violations.length} accessibility violation(s) on ${label} (${url}):\n${lines.join('\n')}`,
      actual: violations.map((v) => v.id),
      expected: [],
      operator: 'checkA11y',
      stackStartFn: checkA11y,
    });
  }
}

/**
 * URLs passed to checkA11y so far in this process, de-duplicated, in order.
 * @returns {string[]}
 */
export function checkedUrls() {
  return [...new Set(checks.map((c) => c.url))];
}

/**
 * Main-frame URLs a newNoJsPage page has committed so far, in order.
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function visitedUrls(page) {
  const state = pageState.get(page);
  assert.ok(state, 'visitedUrls: page was not created by newNoJsPage');
  return [...state.visited];
}

/**
 * Assert that every URL the page visited (ignoring #fragments) was checked
 * with checkA11y.
 * @param {import('playwright-core').Page} page a page from newNoJsPage
 * @returns {void}
 * @throws {assert.AssertionError} naming the unchecked URLs
 */
export function assertAllVisitedChecked(page) {
  const checked = new Set(checks.map((c) => withoutHash(c.url)));
  const unchecked = [...new Set(visitedUrls(page).map(withoutHash))].filter((u) => !checked.has(u));
  assert.deepEqual(unchecked, [], `pages visited but never checked with checkA11y:\n  ${unchecked.join('\n  ')}`);
}

/**
 * Forget all recorded checkA11y calls (for tests of the harness itself).
 * @returns {void}
 */
export function resetA11yRecord() {
  checks.length = 0;
}

/**
 * Axe at 1280 and 320 px (the page reloaded at each width), and no sideways scrolling of the
 * page at 320 px; the viewport is 1280 px again afterwards.
 * @param {import('playwright-core').Page} page
 * @param {string} label a name for the page in messages
 */
export async function checkBothWidths(page, label) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await checkA11y(page, `${label} at 1280 px`);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  const sideways = await sidewaysScroll(page);
  assert.ok(sideways <= 0, `${label} scrolls sideways by ${sideways}px at 320px`);
  await checkA11y(page, `${label} at 320 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Axe at 1280 px, then at 320 px (where nothing may scroll sideways) on the page as it is,
 * without reloading (for the answer to a POST); leaves the page at 1280 px.
 * @param {import('playwright-core').Page} page
 * @param {string} label a name for the page in messages
 */
export async function checkInPlaceAtBothWidths(page, label) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page, `${label} (1280 px)`);
  await page.setViewportSize({ width: 320, height: 640 });
  await checkA11y(page, `${label} (320 px)`);
  const overflow = await sidewaysScroll(page);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px at 320 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
