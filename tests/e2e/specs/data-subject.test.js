// Data-subject requests with JavaScript disabled (R-RET-2): the admin creates a dpo account
// and an applicant (HIH-VN-0001) with a contact entry; the dpo finds the applicant under
// "Auskunft", opens the report, downloads it as XLSX and JSON and is not offered the erasure;
// the admin erases the applicant through the confirmation page (a missing reason first) and
// the search no longer finds it. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { accountSetupLink, completeSetup } from '../lib/accounts.js';
import { firstLogin, submitForm } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** Searches under /auskunft (the page is open) and checks the result page. */
async function search(page, query, label) {
  await page.fill('#q', query);
  await submitForm(page, '#q');
  assert.match(page.url(), /\/auskunft\?q=/);
  await checkA11y(page, label);
}

describe('data-subject report and erasure (JavaScript off)', () => {
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

  it('dpo: search, report, downloads; admin: erasure with confirmation', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);
    const dpoLink = await accountSetupLink(admin, server.baseUrl, {
      first: 'Dana', last: 'Schutz', email: 'dsb@dihk.example', username: 'd.schutz',
      institution: 'HiH-Projektteam', role: 'dpo', position: 'Datenschutz', phone: '+49 30 20308',
    });

    // The applicant HIH-VN-0001 with one contact entry, entered by the admin.
    await admin.goto(new URL('/bewerber/neu', server.baseUrl).href);
    await admin.selectOption('#salutation', 'herr');
    await admin.fill('#first_names', 'Văn Minh');
    await admin.fill('#last_name', 'Lê');
    await admin.fill('#birth_date', '1997-02-03');
    await admin.selectOption('#country', 'VN');
    await admin.selectOption('#status', 'bewerber');
    await admin.fill('#email', 'minh.le@example.org');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/bewerber\/neu\/pruefen$/, await admin.locator('main').innerText());
    await go(admin, admin.locator('button[value=save]'));
    assert.match(await admin.locator('#applicant-id').innerText(), /HIH-VN-0001/);
    await go(admin, admin.locator('a[href$="/kontakte"]'));
    await go(admin, admin.locator('main a[href$="/kontakte/neu"]'));
    await admin.fill('#contact_date', '2026-11-02');
    await admin.selectOption('#contact_type', 'telefon');
    await admin.selectOption('#topic', 'beratung');
    await admin.fill('#remarks', 'Fragen zum Visum besprochen');
    await go(admin, admin.locator('button[value=review]'));
    await go(admin, admin.locator('button[value=save]'));

    // The dpo: activate, then find, read and download.
    const dpo = await newNoJsPage(browser);
    await completeSetup(dpo, server.baseUrl, dpoLink, PASSWORD, checkA11y, 'dpo ');
    await checkA11y(dpo, 'dpo start page');
    await navigate(dpo, '/auskunft');
    await checkA11y(dpo, 'data-subject search');
    await search(dpo, 'minh.le@example.org', 'data-subject search results');
    const hit = dpo.locator('#subject-applicants a').filter({ hasText: 'HIH-VN-0001' });
    assert.equal(await hit.count(), 1);
    await go(dpo, hit);
    assert.match(dpo.url(), /\/auskunft\/bewerber\/\d+$/);
    const report = await dpo.locator('main').innerText();
    assert.match(report, /Văn Minh/);
    assert.match(report, /Fragen zum Visum besprochen/);
    assert.match(report, /Änderungsprotokoll/);
    assert.equal(await dpo.locator('a[href$="/loeschen"]').count(), 0, 'no erasure for the dpo');
    await checkA11y(dpo, 'data-subject report');

    const [xlsx] = await Promise.all([
      dpo.waitForEvent('download'),
      dpo.locator('a[href$="/auskunft.xlsx"]').click(),
    ]);
    const xlsxBytes = await fs.readFile(await xlsx.path());
    assert.equal(xlsxBytes.subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
    assert.match(xlsx.suggestedFilename(), /^auskunft-bewerber-\d+\.xlsx$/);
    const [json] = await Promise.all([
      dpo.waitForEvent('download'),
      dpo.locator('a[href$="/auskunft.json"]').click(),
    ]);
    const doc = JSON.parse(await fs.readFile(await json.path(), 'utf8'));
    assert.equal(doc.sections.record.applicant_id, 'HIH-VN-0001');
    assert.equal(doc.sections.record.last_name, 'Lê');
    assert.equal(doc.sections.contact_entries.length, 1);

    // The admin erases: the confirmation page, a missing reason, then the erasure.
    await admin.goto(new URL('/auskunft', server.baseUrl).href);
    await checkA11y(admin, 'data-subject search as admin');
    await search(admin, 'HIH-VN-0001', 'data-subject search results as admin');
    await go(admin, admin.locator('#subject-applicants a').filter({ hasText: 'HIH-VN-0001' }));
    await checkA11y(admin, 'data-subject report as admin');
    await go(admin, admin.locator('a[href$="/loeschen"]'));
    assert.match(await admin.locator('#erase-counts').innerText(), /Kontakthistorie\s+1/);
    await checkA11y(admin, 'erasure confirmation');
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Endgültig löschen' }));
    assert.match(await admin.locator('#error-summary').innerText(), /Grund der Löschung/);
    assert.equal(await admin.locator('#reason').getAttribute('aria-invalid'), 'true');
    await checkA11y(admin, 'erasure confirmation without a reason');
    await admin.fill('#reason', 'Antrag vom 12.11.2026, Az. DS-17');
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Endgültig löschen' }));
    assert.match(admin.url(), /\/auskunft$/);
    assert.match(await admin.locator('body').innerText(), /endgültig gelöscht/);
    await checkA11y(admin, 'search after the erasure');
    await search(admin, 'HIH-VN-0001', 'search for the erased applicant');
    assert.equal(await admin.locator('#subject-applicants a').count(), 0, 'nothing found any more');

    for (const p of [dpo]) assertAllVisitedChecked(p);
    for (const p of [dpo, admin]) await p.context().close();
  });
});
