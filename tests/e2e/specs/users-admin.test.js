// Browser test of user administration with JavaScript disabled: an admin creates, activates,
// edits, deactivates and deletes an account; axe-core checks every page on the way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('user administration (JavaScript off)', () => {
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

  it('create → activate → edit → deactivate → delete', async () => {
    await createAdmin(server, { username: 'chefin', email: 'chefin@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'chefin', password: PASSWORD }, checkA11y);

    await navigate(page, '/benutzer');
    await checkA11y(page, 'user list');
    await go(page, page.locator('a[href="/benutzer/neu"]'));
    await checkA11y(page, 'new user form');
    // First with mistakes: messages next to the fields and in the summary.
    await page.fill('#first_name', 'Thị Hương');
    await page.fill('#email', 'falsch');
    await go(page, page.locator('button[value=review]'));
    assert.match(await page.locator('#error-summary').innerText(), /gültige E-Mail-Adresse/);
    assert.equal(await page.inputValue('#first_name'), 'Thị Hương', 'input kept');
    await checkA11y(page, 'new user form with errors');
    await page.selectOption('#salutation', 'frau');
    await page.fill('#last_name', 'Nguyễn');
    await page.fill('#position', 'Beratung');
    await page.fill('#email', 'huong.nguyen@ahk-vietnam.example');
    await page.fill('#phone', '+84 28 3823 9775');
    await page.fill('#username', 'h.nguyen');
    await page.selectOption('#institution_id', { label: 'AHK Vietnam' });
    await page.selectOption('#role', 'ahk_staff');
    await go(page, page.locator('button[value=review]'));
    assert.match(page.url(), /\/benutzer\/neu\/pruefen$/);
    await checkA11y(page, 'review');
    // The browser's own back button returns to the form with the input.
    await page.goBack();
    assert.equal(await page.inputValue('#last_name'), 'Nguyễn');
    await go(page, page.locator('button[value=review]'));
    await go(page, page.locator('button[value=save]'));
    assert.match(page.url(), /\/benutzer\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /Thị Hương Nguyễn/);
    await checkA11y(page, 'account detail');

    await go(page, page.locator('a[href$="/aktion/aktivieren"]'));
    await checkA11y(page, 'activate confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, freischalten' }));
    assert.match(await page.locator('#account-status').innerText(), /Aktiv/);

    await go(page, page.locator('a[href$="/bearbeiten"]'));
    await checkA11y(page, 'edit form');
    await page.fill('#position', 'Teamleitung');
    await go(page, page.locator('button[value=review]'));
    await checkA11y(page, 'edit review');
    await go(page, page.locator('button[value=save]'));
    assert.match(await page.locator('main').innerText(), /Teamleitung/);

    await go(page, page.locator('a[href$="/aktion/deaktivieren"]'));
    await checkA11y(page, 'deactivate confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, deaktivieren' }));
    assert.match(await page.locator('#account-status').innerText(), /Deaktiviert/);

    await go(page, page.locator('a[href$="/aktion/loeschen"]'));
    await checkA11y(page, 'delete confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, endgültig löschen' }));
    assert.match(page.url(), /\/benutzer$/);
    assert.doesNotMatch(await page.locator('main').innerText(), /Nguyễn/);
    await checkA11y(page, 'user list after delete');

    // The outbox holds the setup mail for the activated account.
    await page.goto(new URL('/admin/postausgang', server.baseUrl).href);
    assert.match(await page.locator('main').innerText(), /huong\.nguyen@ahk-vietnam\.example/);
    await checkA11y(page, 'outbox');

    for (const path of ['/benutzeruebersicht', '/verteiler', '/profil', '/profil/bearbeiten', '/passwort/aendern', '/institutionen', '/institutionen/neu', '/institutionen/1', '/referenzdaten', '/referenzdaten/bezirke/1']) {
      await page.goto(new URL(path, server.baseUrl).href);
      await checkA11y(page, path);
    }
    // Postcode upload without JavaScript (multipart form), then the report.
    await page.goto(new URL('/referenzdaten', server.baseUrl).href);
    await page.setInputFiles('#file', { name: 'plz.csv', mimeType: 'text/csv', buffer: Buffer.from('osm_id,ort,plz,landkreis,bundesland\n1,Erfurt,99084,,Thüringen\n1,Bad Frankenhausen/Kyffhäuser,06567,Kyffhäuserkreis,Thüringen\n') });
    await go(page, page.locator('form[enctype] button[type=submit]'));
    assert.match(await page.locator('#import-result').innerText(), /Import abgeschlossen: 2 Zeilen gelesen/);
    await checkA11y(page, 'postcode import report');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
