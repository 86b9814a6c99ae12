// Misuse alerts with JavaScript disabled (R-SEC-1): the admin creates a dpo account; somebody
// at 127.0.0.1 tries six invalid single-use links; the scan job (every minute) raises one
// alert. The dpo sees it on the start page, opens the alerts list and the alert with its
// evidence, acknowledges it through the confirmation page, and the start page no longer shows
// it. axe on every page at 1280 and at 320 px, and no page scrolls sideways at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, checkInPlaceAtBothWidths as checkBoth, assertAllVisitedChecked, go,
} from '../lib/browser.js';
import { accountSetupLink, completeSetup } from '../lib/accounts.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('misuse alerts (JavaScript off)', () => {
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

  it('dpo: start-page tile, list, evidence, acknowledgement', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);
    const dpoLink = await accountSetupLink(admin, server.baseUrl, {
      first: 'Dana', last: 'Schutz', email: 'dsb@dihk.example', username: 'd.schutz',
      institution: 'HiH-Projektteam', role: 'dpo', position: 'Datenschutz', phone: '+49 30 20308',
    });

    const dpo = await newNoJsPage(browser);
    await completeSetup(dpo, server.baseUrl, dpoLink, PASSWORD, checkA11y, 'dpo ');
    await checkBoth(dpo, 'dpo start page without alerts');
    assert.doesNotMatch(await dpo.locator('main').innerText(), /offene Auffälligkeit/);

    // Six invalid single-use links from one address (outside the browser).
    for (const path of [
      '/konto/einrichten/erraten-1', '/konto/einrichten/erraten-2', '/passwort/zuruecksetzen/erraten-3',
      '/registrierung/erraten-4', '/download/erraten-5', '/registrierung/erraten-6',
    ]) {
      const res = await fetch(new URL(path, server.baseUrl));
      await res.arrayBuffer();
      assert.equal(res.status, 410, path);
    }

    // The scan runs every minute: the tile appears on the start page.
    const tile = dpo.locator('main a[href="/protokoll/auffaelligkeiten?status=open"]');
    const deadline = Date.now() + 150_000;
    for (;;) {
      await dpo.goto(new URL('/', server.baseUrl).href);
      if ((await tile.count()) > 0) break;
      assert.ok(Date.now() < deadline, 'no alert within 150 s');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    assert.match(await tile.innerText(), /1 offene Auffälligkeit/);
    await checkBoth(dpo, 'dpo start page with the alert tile');

    await go(dpo, tile);
    assert.match(dpo.url(), /\/protokoll\/auffaelligkeiten\?status=open$/);
    const rows = dpo.locator('#alerts tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Ungültige Einmal-Links/);
    assert.match(await rows.first().innerText(), /127\.0\.0\.1/);
    await checkBoth(dpo, 'alerts list');

    await go(dpo, rows.first().locator('a'));
    assert.match(dpo.url(), /\/protokoll\/auffaelligkeiten\/\d+$/);
    assert.match(
      await dpo.locator('#alert-summary').innerText(),
      /6 Aufrufe ungültiger oder bereits benutzter Einmal-Links von der Adresse 127\.0\.0\.1/,
    );
    assert.equal(await dpo.locator('#alert-count').innerText(), '6');
    assert.ok((await dpo.locator('#alert-links a').count()) >= 3, 'links into the access log');
    assert.equal(await dpo.locator('#alert-samples tbody tr').count(), 6);
    await checkBoth(dpo, 'alert with evidence');

    await go(dpo, dpo.locator('main a[href$="/bestaetigen"]'));
    await checkBoth(dpo, 'acknowledgement confirmation');
    await go(dpo, dpo.locator('button[type=submit]').filter({ hasText: 'Ja, als geprüft bestätigen' }));
    assert.match(dpo.url(), /\/protokoll\/auffaelligkeiten\/\d+$/);
    assert.match(await dpo.locator('body').innerText(), /Die Auffälligkeit wurde bestätigt\./);
    assert.match(await dpo.locator('#alert-status').innerText(), /bestätigt von Dana Schutz/);
    assert.equal(await dpo.locator('main a[href$="/bestaetigen"]').count(), 0);
    await checkBoth(dpo, 'acknowledged alert');

    await go(dpo, dpo.locator('main a[href="/protokoll/auffaelligkeiten"]').first());
    assert.match(await dpo.locator('#alerts tbody').innerText(), /bestätigt/);
    await checkBoth(dpo, 'alerts list after the acknowledgement');
    await dpo.goto(new URL('/', server.baseUrl).href);
    assert.equal(await tile.count(), 0, 'the tile is gone');
    await checkBoth(dpo, 'dpo start page after the acknowledgement');

    assertAllVisitedChecked(dpo);
    for (const p of [dpo, admin]) await p.context().close();
  });
});
