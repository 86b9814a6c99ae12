// Reactivation with JavaScript disabled (issue 19): an administrator deactivates a company and
// an applicant, finds each again with "deaktivierte anzeigen", opens it, chooses "Reaktivieren",
// confirms on the confirmation page and sees the flash message; the record is back in the
// list. axe at 1280 and 320 px on the detail and confirmation pages, no sideways scrolling.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, checkA11yAtBothWidths, assertAllVisitedChecked, go } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** Deactivates the record open in `page`, finds it among the deactivated ones of `list`,
 * reactivates it and checks it is back. */
async function deactivateAndReactivate(page, baseUrl, { list, what, flash }) {
  const detail = new URL(page.url()).pathname;
  const name = (await page.locator('h1').innerText()).trim();
  await go(page, page.locator(`a[href="${detail}/aktion/deaktivieren"]`));
  await checkA11y(page, `${what} deactivation confirmation`);
  await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, deaktivieren' }));
  assert.equal(await page.locator(`tbody a[href="${detail}"]`).count(), 0, `${what} gone from the list (${name})`);
  await checkA11y(page, `${what} list after deactivation`);

  await page.goto(new URL(`${list}?inactive=on`, baseUrl).href);
  await checkA11y(page, `${what} list with deactivated records`);
  await go(page, page.locator(`tbody a[href="${detail}"]`).first());
  assert.match(await page.locator('#deactivated-note').innerText(), /deaktiviert/);
  await checkA11yAtBothWidths(page, `deactivated ${what}`);
  await go(page, page.locator(`a[href="${detail}/aktion/reaktivieren"]`));
  assert.match(await page.locator('main').innerText(), /wieder aktiviert werden\?/);
  await checkA11yAtBothWidths(page, `${what} reactivation confirmation`);
  await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, reaktivieren' }));
  assert.equal(new URL(page.url()).pathname, detail);
  assert.match(await page.locator('main').innerText(), flash);
  assert.equal(await page.locator('#deactivated-note').count(), 0, 'no longer marked');
  assert.equal(await page.locator(`a[href="${detail}/aktion/reaktivieren"]`).count(), 0);
  await checkA11y(page, `${what} after reactivation`);

  await page.goto(new URL(list, baseUrl).href);
  assert.equal(await page.locator(`tbody a[href="${detail}"]`).count(), 1, `${what} back in the list`);
  await checkA11y(page, `${what} list after reactivation`);
}

describe('reactivation (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    await server.run(['demo-data', '--companies', '2', '--applicants', '2', '--seed', '7']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator reactivates a deactivated company and applicant', async () => {
    await createAdmin(server, { username: 'reaktiv', email: 'reaktiv@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'reaktiv', password: PASSWORD }, checkA11y);

    await page.goto(new URL('/unternehmen', server.baseUrl).href);
    await checkA11y(page, 'company list');
    await go(page, page.locator('tbody a.kern-link').first());
    await deactivateAndReactivate(page, server.baseUrl, {
      list: '/unternehmen',
      what: 'company',
      flash: /Das Unternehmen wurde reaktiviert\./,
    });

    await page.goto(new URL('/bewerber', server.baseUrl).href);
    await checkA11y(page, 'applicant list');
    await go(page, page.locator('tbody a.kern-link').first());
    await deactivateAndReactivate(page, server.baseUrl, {
      list: '/bewerber',
      what: 'applicant',
      flash: /Der Datensatz wurde reaktiviert\./,
    });
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
