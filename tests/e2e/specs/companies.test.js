// Companies with JavaScript disabled: create (with a district error first) → find by free text
// (list and header search box) → edit → deactivate; the page-size choice is remembered; axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('companies (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    const out = await server.run(['import-plz', fixture]);
    assert.match(out, /13108 Einträge übernommen/);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('create → search → edit → deactivate', async () => {
    await createAdmin(server, { username: 'firmen', email: 'firmen@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'firmen', password: PASSWORD }, checkA11y);

    await navigate(page, '/unternehmen');
    await checkA11y(page, 'company list (empty)');
    await go(page, page.locator('a[href="/unternehmen/neu"]'));
    await checkA11y(page, 'company form');
    await page.fill('#name', 'Kyffhäuser Präzisionsteile GmbH');
    await page.fill('#street', 'Anger');
    await page.fill('#house_number', '12');
    await page.fill('#plz', '06567');
    await page.fill('#ort', 'Bad Frankenhause');
    await page.selectOption('#industry', 'C');
    await page.fill('#employees', '48');
    await page.check('input[name=target_occupations][value=mechatronik]');
    await page.selectOption('#outreach_format', 'persoenlich');
    await go(page, page.locator('button[value=review]'));
    assert.match(await page.locator('#error-summary').innerText(), /Der Ort passt nicht zur PLZ/);
    assert.equal(await page.inputValue('#name'), 'Kyffhäuser Präzisionsteile GmbH', 'input kept');
    assert.ok(await page.isChecked('input[name=target_occupations][value=mechatronik]'), 'checkbox kept');
    await checkA11y(page, 'company form with errors');
    await page.fill('#ort', 'Bad Frankenhausen');
    await go(page, page.locator('button[value=review]'));
    await checkA11y(page, 'company review');
    await go(page, page.locator('button[value=save]'));
    assert.match(await page.locator('h1').innerText(), /Kyffhäuser Präzisionsteile GmbH/);
    assert.match(await page.locator('main').innerText(), /Kyffhäuserkreis/);
    await checkA11y(page, 'company detail');

    // Find it by free text, without accents and in capitals.
    await page.goto(new URL('/unternehmen', server.baseUrl).href);
    await page.fill('#q', 'KYFFHAUSER PRAZISION');
    await go(page, page.locator('form[role=search][action="/unternehmen"] button[type=submit]'));
    assert.match(await page.locator('main').innerText(), /1 Eintrag/);
    await checkA11y(page, 'company search result');
    // The same through the search box in the header (R-LST-4): results page, then the hit.
    await page.fill('#site-search-q', 'kyffhauser anger');
    await go(page, page.locator('form.site-search button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/suche');
    assert.match(await page.locator('#search-company').innerText(), /Unternehmen \(1 Treffer\)/);
    assert.equal(await page.inputValue('#site-search-q'), 'kyffhauser anger', 'the box keeps the query');
    await checkA11y(page, 'global search results');
    await go(page, page.locator('.search-hits a').first());
    assert.match(await page.locator('h1').innerText(), /Kyffhäuser Präzisionsteile GmbH/);
    await page.goBack();
    await go(page, page.locator('#search-company ~ p a, .search-section p a').first());
    assert.match(await page.locator('main').innerText(), /1 Eintrag/);
    await checkA11y(page, 'company list from the global search');
    // Page size: choose 40; the next visit without parameters keeps it.
    await page.selectOption('#per', '40');
    await go(page, page.locator('.pager__size button'));
    await checkA11y(page, 'company list with 40 per page');
    await page.goto(new URL('/unternehmen', server.baseUrl).href);
    assert.equal(await page.locator('#per').inputValue(), '40');

    await go(page, page.locator('tbody a.kern-link').first());
    await go(page, page.locator('a[href$="/bearbeiten"]'));
    await checkA11y(page, 'company edit form');
    await page.selectOption('#status', 'teilnehmend');
    await go(page, page.locator('button[value=review]'));
    await checkA11y(page, 'company edit review');
    await go(page, page.locator('button[value=save]'));
    assert.match(await page.locator('main').innerText(), /teilnehmend/);

    await go(page, page.locator('a[href$="/aktion/deaktivieren"]'));
    await checkA11y(page, 'deactivate confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, deaktivieren' }));
    assert.match(await page.locator('main').innerText(), /0 Einträge/);
    await checkA11y(page, 'company list after deactivation');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
  it('the pager of a long list and the distribution list', async () => {
    await createAdmin(server, { username: 'listen', email: 'listen@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'listen', password: PASSWORD }, checkA11y);

    // 400 companies at 20 a page: the pager links a window of pages, not all twenty.
    await server.run(['demo-data', '--companies', '400', '--seed', '3']);
    await page.goto(new URL('/unternehmen?per=20&page=10', server.baseUrl).href);
    const pager = page.locator('.pager__pages');
    const links = await pager.locator('a, [aria-current=page]').allInnerTexts();
    assert.ok(links.length <= 9, `few page links: ${links.join(' ')}`);
    assert.match(await pager.innerText(), /…/);
    assert.match(await pager.locator('[aria-current=page]').innerText(), /^10$/);
    await checkA11y(page, 'long company list, page 10');

    // Distribution list of a search (R-EXP-4): addresses to copy, a mailto link for short lists.
    await page.goto(new URL('/unternehmen?q=haustechnik+kg', server.baseUrl).href);
    await checkA11y(page, 'company search before the distribution list');
    await go(page, page.locator('a[href^="/unternehmen/verteiler?"]'));
    assert.match(await page.locator('h1').innerText(), /E-Mail-Verteiler/);
    assert.match(await page.locator('main').innerText(), /Adressen? aus den gefundenen Unternehmen/);
    await checkA11y(page, 'company distribution list');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
