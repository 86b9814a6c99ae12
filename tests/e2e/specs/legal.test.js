// The pages a public body must have (issue 17): accessibility statement, legal notice and
// privacy notice, public and linked from the footer, and the statement's feedback form
// "Barriere melden" — with JavaScript off, axe at 1280 and 320 px. A form sent with errors
// gives each field its error message in the field's accessible description, read from
// Chromium's accessibility tree (what a screen reader is told), not from the markup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { launch, newNoJsPage, checkA11yAtBothWidths, assertAllVisitedChecked, go } from '../lib/browser.js';

/** The accessible name and description Chromium computes for the element with this id. */
async function accessible(page, id) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes.find((n) => !n.ignored) ?? nodes[0];
  await cdp.detach();
  return { name: node.name?.value ?? '', description: node.description?.value ?? '' };
}

describe('legal pages and barrier report (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('links the statement, legal notice and privacy notice, and takes a barrier report', async () => {
    const page = await newNoJsPage(browser);
    await page.goto(new URL('/login', server.baseUrl).href);
    await checkA11yAtBothWidths(page, 'login');
    for (const [label, heading] of [
      ['Impressum', 'Impressum'],
      ['Datenschutz', 'Datenschutzhinweise'],
      ['Barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
    ]) {
      await go(page, page.locator('footer').getByRole('link', { name: label, exact: true }));
      assert.equal(await page.locator('h1').innerText(), heading);
      await checkA11yAtBothWidths(page, heading);
    }

    await go(page, page.getByRole('link', { name: 'Barriere melden' }));
    await checkA11yAtBothWidths(page, 'barrier report form');
    await page.fill('#email', 'kein-at');
    await go(page, page.getByRole('button', { name: 'Nachricht senden' }));
    await checkA11yAtBothWidths(page, 'barrier report form with errors');
    const message = await accessible(page, 'message');
    assert.equal(message.name, 'Ihre Nachricht');
    assert.match(message.description, /Was ist passiert/);
    assert.match(message.description, /Bitte beschreiben Sie die Barriere\./);
    const email = await accessible(page, 'email');
    assert.match(email.description, /Bitte geben Sie eine gültige E-Mail-Adresse an/);
    assert.equal(await page.inputValue('#email'), 'kein-at', 'input kept');

    await page.fill('#message', 'Die Tabelle lässt sich bei 320 Bildpunkten nicht lesen.');
    await page.fill('#email', '');
    await go(page, page.getByRole('button', { name: 'Nachricht senden' }));
    assert.equal(await page.locator('h1').innerText(), 'Vielen Dank für Ihre Nachricht');
    await checkA11yAtBothWidths(page, 'barrier report sent');

    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
