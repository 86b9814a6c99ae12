// Reference data with JavaScript disabled: the overview, a checked postcode upload (dry run)
// with its report, an IHK district, and a selection-list entry through review whose new entry
// the company form offers at once; axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('reference data (JavaScript off)', () => {
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

  it('postcode dry run and a district', async () => {
    await createAdmin(server, { username: 'referenz', email: 'referenz@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'referenz', password: PASSWORD }, checkA11y);

    await navigate(page, '/referenzdaten');
    assert.match(await page.locator('#plz-count').innerText(), /13108 Postleitzahl-Einträge geladen/);
    await checkA11y(page, 'reference data');
    await page.setInputFiles('#file', path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv'));
    await page.check('#dry_run');
    await go(page, page.locator('form[action="/referenzdaten/postleitzahlen"] button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/referenzdaten/postleitzahlen/bericht');
    assert.match(await page.locator('#import-result').innerText(), /Prüfung ohne Speichern: 13108 Zeilen gelesen/);
    await checkA11y(page, 'postcode import report');

    await page.goto(new URL('/referenzdaten', server.baseUrl).href);
    await go(page, page.locator('a[href^="/referenzdaten/bezirke/"]').first());
    await checkA11y(page, 'district form');
    const districtForm = new URL(page.url()).pathname;
    const areas = await page.inputValue('#areas');
    // Cancel asks first; "no" returns to the form with the input kept.
    await page.fill('#areas', areas + '\nUnbekanntland');
    await go(page, page.locator('button[value=cancel]'));
    assert.equal(new URL(page.url()).pathname, districtForm + '/abbrechen');
    await checkA11y(page, 'district cancel confirmation');
    await go(page, page.locator(`a[href="${districtForm}"]`));
    assert.match(await page.inputValue('#areas'), /Unbekanntland/, 'input kept after declining');
    await page.fill('#areas', areas);
    // Saving goes through the review page.
    await go(page, page.locator('button[value=review]'));
    assert.equal(new URL(page.url()).pathname, districtForm + '/pruefen');
    await checkA11y(page, 'district review');
    await go(page, page.locator('button[value=save]'));
    assert.equal(new URL(page.url()).pathname, '/referenzdaten');
    assert.match(await page.locator('main').innerText(), /Der Bezirk wurde gespeichert/);
    assertAllVisitedChecked(page);
    await page.context().close();
  });

  it('a selection-list entry through review, offered in the company form', async () => {
    await createAdmin(server, { username: 'listen', email: 'listen@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'listen', password: PASSWORD }, checkA11y);

    await page.goto(new URL('/referenzdaten', server.baseUrl).href);
    await checkA11y(page, 'reference data with selection lists');
    await go(page, page.locator('a[href="/referenzdaten/listen/occupation"]'));
    await checkA11y(page, 'selection list entries');
    await go(page, page.locator('a[href="/referenzdaten/listen/occupation/neu"]'));
    await checkA11y(page, 'new list entry form');
    await page.fill('#code', 'Pflege Fach');
    await page.fill('#label_en', 'Nursing professional');
    await go(page, page.locator('button[value=review]'));
    const summary = await page.locator('#error-summary').innerText();
    assert.match(summary, /Code aus Kleinbuchstaben/);
    assert.match(summary, /Bezeichnung ein/);
    assert.equal(await page.inputValue('#label_en'), 'Nursing professional', 'input kept');
    await checkA11y(page, 'new list entry with errors');
    await page.fill('#code', 'pflegefachkraft');
    await page.fill('#label_de', 'Pflegefachkraft');
    await go(page, page.locator('button[value=review]'));
    await checkA11y(page, 'list entry review');
    await go(page, page.locator('button[value=save]'));
    assert.match(await page.locator('main').innerText(), /Der Eintrag wurde gespeichert/);
    assert.match(await page.locator('tbody').innerText(), /Pflegefachkraft/);

    // The new occupation is offered in the company form.
    await page.goto(new URL('/unternehmen/neu', server.baseUrl).href);
    assert.equal(await page.locator('input[name=target_occupations][value=pflegefachkraft]').count(), 1);
    await checkA11y(page, 'company form with the new occupation');
    await go(page, page.locator('button[value=cancel]'));
    await checkA11y(page, 'cancel confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'verwerfen' }));
    assert.equal(new URL(page.url()).pathname, '/unternehmen');
    await checkA11y(page, 'company list after cancelling');

    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
