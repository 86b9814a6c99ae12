// The designed staff interface (issue 17), on synthetic demo data:
// - screenshots of the main page kinds (start, list, detail, form with errors, review,
//   statistics) at 1280 and 320 px, written to tests/e2e/artifacts/ (git-ignored);
// - no sideways scrolling and no word broken inside a table cell on each of them at both widths;
// - axe with JavaScript ON for the same pages (the other specs check them with it off);
// - every error message of a form with errors is part of its field's accessible description,
//   read from Chromium's accessibility tree through the DevTools protocol
//   (Accessibility.getPartialAXTree), so a screen reader announces why a field is invalid.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { brokenWordsInTables, launch, newNoJsPage, checkA11y, go, sidewaysScroll } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const ARTIFACTS = path.join(E2E_DIR, 'artifacts');

/** The accessible description of the element `selector` as the browser computes it. */
async function accessibleDescription(page, cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `${selector} exists`);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  return nodes[0]?.description?.value ?? '';
}

describe('designed pages: screenshots, axe with JavaScript on, errors in the accessibility tree', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    await server.run(['import-plz', fixture]);
    await server.run(['demo-data', '--companies', '30', '--applicants', '30']);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('main page kinds at both widths, with JavaScript on and off', async () => {
    await createAdmin(server, { username: 'gestaltung', email: 'gestaltung@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'gestaltung', password: PASSWORD }, checkA11y);
    const url = (p) => new URL(p, server.baseUrl).href;

    // The pages, each reached the way a person does (JavaScript off).
    await page.goto(url('/unternehmen'));
    const detail = await page.locator('main table a[href^="/unternehmen/"]').first().getAttribute('href');
    await page.goto(url('/unternehmen/neu'));
    await go(page, page.locator('button[value=review]'));
    const formWithErrors = page.url();
    // The error summary names every message; each one is in its field's description.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })));
    assert.ok(links.length >= 3, `several errors: ${JSON.stringify(links)}`);
    for (const { href, text } of links) {
      const description = await accessibleDescription(page, cdp, href);
      assert.ok(description.includes(text), `${href}: "${text}" not in the description "${description}"`);
    }
    // The summary lists the messages in the order of the fields on the page.
    const order = await page.evaluate((ids) => ids.map((id) => {
      const all = [...document.querySelectorAll('main form [id]')];
      return all.indexOf(document.getElementById(id));
    }), links.map((l) => l.href.slice(1)));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `summary in field order: ${JSON.stringify(links)}`);
    await cdp.detach();

    await page.goto(url('/admin/texte/de/admin-texts-intro'));
    await page.fill('#value', 'Alle Texte der Projektdatenbank.');
    await go(page, page.locator('button[value=review]'));
    const review = page.url();

    // How to reach each page kind; the form's errors show once, so it is submitted anew.
    const open = (address) => (p) => p.goto(address);
    const pages = [
      ['start', open(url('/'))],
      ['list', open(url('/unternehmen'))],
      ['detail', open(url(detail))],
      ['form-with-errors', async (p) => {
        await p.goto(url('/unternehmen/neu'));
        await go(p, p.locator('button[value=review]'));
        assert.equal(p.url(), formWithErrors);
        assert.ok(await p.locator('#error-summary').count(), 'the form shows its errors');
      }],
      ['review', open(review)],
      ['statistics', open(url('/statistik'))],
    ];
    // Screenshots at both widths (JavaScript off, as people without it see the pages); no
    // page scrolls sideways and no word breaks inside a table cell at either width.
    for (const [name, address] of pages) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
        await address(page);
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
        const sideways = await sidewaysScroll(page);
        assert.ok(sideways <= 0, `${name} scrolls sideways by ${sideways}px at ${width} px`);
        assert.deepEqual(await brokenWordsInTables(page), [], `${name}: words broken inside table cells at ${width} px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // axe with JavaScript on, at both widths, in a context with the same session.
    const state = await page.context().storageState();
    const context = await browser.newContext({ storageState: state });
    const js = await context.newPage();
    for (const [name, address] of pages) {
      for (const width of [1280, 320]) {
        await js.setViewportSize({ width, height: width === 320 ? 640 : 900 });
        await address(js);
        await checkA11y(js, `${name} with JavaScript at ${width} px`);
      }
    }
    await context.close();
    await page.context().close();
  });
});
