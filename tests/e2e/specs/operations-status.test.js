// The status page with JavaScript disabled (R-OPS-1): on a fresh server the administrator
// opens "Betrieb" and sees "Betrieb eingeschränkt" with the missing backup as a problem and
// the unverified audit chain as a warning, each saying what to do; after doing just that on
// the command line (`hih backup`, `hih verify-audit`) the page says "System betriebsbereit".
// axe at 1280 and 320 px for both states, and no sideways scroll at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, checkBothWidths as bothWidths, assertAllVisitedChecked, go, navigate,
} from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PAGE = '/system/status';

/** The level a check shows in the table (`ok`, `warning`, `problem`). */
async function level(page, check) {
  return page.locator(`#check-${check}`).getAttribute('data-level');
}

describe('status page (JavaScript off)', () => {
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

  it('says what is missing, and "System betriebsbereit" once it is done', async () => {
    await createAdmin(server, { username: 'betrieb', email: 'betrieb@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'betrieb', password: PASSWORD }, checkA11y);

    // "Betrieb" in the navigation leads to the status page.
    await navigate(admin, '/system/status');
    assert.equal(new URL(admin.url()).pathname, PAGE);
    assert.equal(await admin.locator('h1').innerText(), 'Systemstatus');

    // A fresh installation: no backup yet, the audit chain not verified.
    const headline = await admin.locator('#status-headline').innerText();
    assert.match(headline, /Betrieb eingeschränkt: ein Problem, eine Warnung/, await admin.locator('main').innerText());
    assert.match(await admin.locator('#finding-backup').innerText(), /Es gibt noch keine Sicherung\. Führen Sie „hih backup“ aus/);
    assert.match(await admin.locator('#finding-audit').innerText(), /Die Prüfkette wurde noch nicht geprüft/);
    assert.equal(await level(admin, 'backup'), 'problem');
    assert.equal(await level(admin, 'audit'), 'warning');
    // What works is shown as such: this server's worker beats, writes work, postcodes are built in.
    assert.equal(await level(admin, 'workers'), 'ok');
    assert.equal(await level(admin, 'write'), 'ok');
    assert.equal(await level(admin, 'postcodes'), 'ok');
    assert.match(await admin.locator('#check-version').innerText(), /Version \d+\.\d+\.\d+; Instanz mit aktivem Worker: .+ \(PID \d+\)/);
    // Problems first: the list of findings comes before the table of all checks.
    const html = await admin.content();
    assert.ok(html.indexOf('id="status-findings"') > 0);
    assert.ok(html.indexOf('id="status-findings"') < html.indexOf('id="status-checks"'));
    await bothWidths(admin, 'degraded status page');

    // Do what the page says.
    await server.run(['backup']);
    await server.run(['verify-audit']);
    await admin.reload();
    assert.match(await admin.locator('#status-headline').innerText(), /System betriebsbereit/, await admin.locator('main').innerText());
    assert.equal(await admin.locator('#status-findings').count(), 0);
    assert.match(await admin.locator('#check-backup').innerText(), /geschrieben und geprüft/);
    assert.match(await admin.locator('#check-audit').innerText(), /Intakt bis Eintrag \d+/);
    for (const row of await admin.locator('#status-checks [data-level]').all()) {
      assert.equal(await row.getAttribute('data-level'), 'ok', await row.innerText());
    }
    await bothWidths(admin, 'operational status page');

    assertAllVisitedChecked(admin);
    await admin.context().close();
  });
});
