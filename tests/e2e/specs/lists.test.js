// Lists derived from one ListSpec, with JavaScript disabled: the company list's IHK-district
// filter and column (admins), the contact history's filters (type, topic, author, date range,
// company and applicant by name), a malformed date or an unknown company explained next to its
// field, free text finding type labels ("persönlich"),
// and the export link of the filtered result; axe at 1280 and 320 px on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, checkBothWidths as bothWidths, assertAllVisitedChecked, go } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** The count the list reports ("N Einträge"). */
async function total(page) {
  return Number(await page.locator('[data-total]').getAttribute('data-total'));
}

describe('list filters (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    await server.run(['import-plz', fixture]);
    await server.run(['demo-data', '--companies', '60', '--applicants', '20', '--contacts', '80', '--seed', '7']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('companies by IHK district, contact history by type, topic, author and dates, with export', async () => {
    await createAdmin(server, { username: 'listen-admin', email: 'listen-admin@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'listen-admin', password: PASSWORD }, checkA11y);

    // Companies: the district filter narrows the list; the district column is shown.
    await page.goto(new URL('/unternehmen?per=0', server.baseUrl).href);
    const all = await total(page);
    assert.ok(all > 0, 'demo companies listed');
    await bothWidths(page, 'company list with district column');
    const districts = await page.locator('#district option').evaluateAll(
      (os) => os.map((o) => ({ value: o.value, text: o.textContent.trim() })).filter((o) => o.value),
    );
    assert.ok(districts.length > 0, 'districts to choose from');
    let narrowed = false;
    for (const d of districts) {
      await page.selectOption('#district', d.value);
      await go(page, page.locator('form[role=search][action="/unternehmen"] button[type=submit]'));
      const n = await total(page);
      assert.ok(n <= all, `${d.text}: ${n} of ${all}`);
      if (n > 0 && n < all) {
        narrowed = true;
        const cells = await page.locator('tbody tr td:nth-child(5)').allInnerTexts();
        assert.ok(cells.every((c) => c.trim() === d.text), `only ${d.text}: ${cells.join(', ')}`);
        await bothWidths(page, 'company list filtered by district');
        // Sorting by the district column keeps the filter.
        await go(page, page.locator('thead a').filter({ hasText: 'IHK-Bezirk' }));
        assert.equal(await total(page), n);
        assert.equal(await page.locator('#district').inputValue(), d.value);
        await checkA11y(page, 'company list sorted by district');
        break;
      }
    }
    assert.ok(narrowed, 'some district narrows the list');

    // Contact history: free text finds the type label, filters narrow, export follows.
    await page.goto(new URL('/kontakte?per=0', server.baseUrl).href);
    const entries = await total(page);
    assert.ok(entries > 0, 'demo entries listed');
    await bothWidths(page, 'contact history');
    await page.fill('#q', 'persönlich');
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    const personal = await total(page);
    assert.ok(personal > 0 && personal < entries, `"persönlich" finds ${personal} of ${entries}`);
    await checkA11y(page, 'contact history searched for a type label');
    await page.fill('#q', '');
    await page.selectOption('#type', 'persoenlich');
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    assert.equal(await total(page), personal, 'the type filter finds what the label search finds');
    await checkA11y(page, 'contact history filtered by type');
    await page.selectOption('#topic', { index: 1 });
    await page.selectOption('#author', { index: 1 });
    await page.fill('#from', '2000-01-01');
    await page.fill('#to', '2999-12-31');
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    const filtered = await total(page);
    assert.ok(filtered <= personal);
    await bothWidths(page, 'contact history with filters');
    const href = await page.locator('a[href^="/kontakte/export/export.csv?"]').getAttribute('href');
    assert.match(href, /type=persoenlich/);
    assert.match(href, /from=2000-01-01/);
    const csv = await page.request.get(new URL(href, server.baseUrl).href);
    assert.equal(csv.status(), 200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines.length - 1, filtered, 'export rows = list count');

    // A malformed date is explained next to its field, the rest of the filter still applies.
    // (A date field takes no such text in the browser; a typed or old link can carry it.)
    await page.goto(new URL('/kontakte?type=persoenlich&from=gestern', server.baseUrl).href);
    assert.equal(await total(page), personal, 'the type filter still applies');
    assert.match(await page.locator('main').innerText(), /Bitte geben Sie ein Datum/);
    assert.equal(await page.locator('#from').getAttribute('aria-invalid'), 'true');
    await bothWidths(page, 'contact history with a malformed date');

    // Company and applicant filters: a text field takes the record's name (or number or
    // Bewerberkennung); the list shows that record's entries, as its own tab does.
    await page.goto(new URL('/unternehmen?per=0', server.baseUrl).href);
    const companies = await page.locator('tbody tr td:first-child a').evaluateAll(
      (as) => as.map((a) => ({ href: a.getAttribute('href'), name: a.textContent.trim() })),
    );
    let named = null;
    for (const c of companies.slice(0, 30)) {
      await page.goto(new URL(`${c.href}/kontakte?per=0`, server.baseUrl).href);
      await checkA11y(page, 'a company\'s contact history');
      const n = await total(page);
      if (n > 0) {
        named = { ...c, n };
        break;
      }
    }
    assert.ok(named, 'a company with contact entries');
    await page.goto(new URL('/kontakte?per=0', server.baseUrl).href);
    await page.fill('#company', named.name);
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    assert.equal(await total(page), named.n, `${named.name}: the entries its tab shows`);
    assert.equal(await page.locator('#company').inputValue(), named.name);
    assert.equal(await page.locator('#company').getAttribute('aria-invalid'), null);
    await bothWidths(page, 'contact history filtered by company');
    // Sorting keeps the filter.
    await go(page, page.locator('thead a').first());
    assert.equal(await total(page), named.n);
    assert.equal(await page.locator('#company').inputValue(), named.name);
    await checkA11y(page, 'contact history filtered by company, sorted');
    const companyExport = await page.locator('a[href^="/kontakte/export/export.csv?"]').getAttribute('href');
    assert.match(companyExport, /company=/);
    // A name that matches no company in scope is explained next to the field; nothing is found.
    await page.fill('#company', 'Zzz kein solches Unternehmen');
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    assert.equal(await total(page), 0);
    assert.equal(await page.locator('#company').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('main').innerText(), /Kein Unternehmen in Ihrem Zuständigkeitsbereich/);
    await bothWidths(page, 'contact history with an unknown company');
    await page.fill('#company', '');
    await page.fill('#applicant', 'Zzz niemand');
    await go(page, page.locator('form[role=search][action="/kontakte"] button[type=submit]'));
    assert.equal(await total(page), 0);
    assert.equal(await page.locator('#applicant').getAttribute('aria-invalid'), 'true');
    await checkA11y(page, 'contact history with an unknown applicant');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});
