// Contact history and matching with JavaScript disabled: an admin creates an IHK Erfurt and an
// AHK Vietnam account and a Vietnamese applicant (HIH-VN-0001); the IHK user creates a company,
// records two contacts in its history, sorts the history by contact type, matches the
// applicant by typing its ID (a wrong ID first), and opens the applicant record; the AHK user
// sees the notification and, on the applicant, the company's name. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { accountSetupLink } from '../lib/accounts.js';
import { firstLogin, enrolTotp, submitForm } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** Opens a setup link in a fresh page, sets the password, enrols TOTP; returns the page. */
async function activate(browser, baseUrl, link, label) {
  const page = await newNoJsPage(browser);
  await page.goto(new URL(link, baseUrl).href);
  await checkA11y(page, `${label} setup link`);
  await page.fill('#password', PASSWORD);
  await page.fill('#password_repeat', PASSWORD);
  await submitForm(page, '#password');
  await checkA11y(page, `${label} TOTP enrolment`);
  await enrolTotp(page);
  await checkA11y(page, `${label} recovery codes`);
  await go(page, page.locator('main a.kern-btn'));
  await checkA11y(page, `${label} start page`);
  return page;
}

describe('contact history and matching (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    await server.run(['import-plz', fixture]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('IHK: contacts, sort by type, match by typed ID, open the applicant; AHK: notified', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);
    const ihkLink = await accountSetupLink(admin, server.baseUrl, {
      first: 'Katrin', last: 'Vogt', email: 'vogt@ihk-erfurt.example', username: 'k.vogt',
      institution: 'IHK Erfurt', role: 'ihk_staff',
    });
    const ahkLink = await accountSetupLink(admin, server.baseUrl, {
      first: 'Mai', last: 'Đặng', email: 'mai@ahk-vietnam.example', username: 'm.dang',
      institution: 'AHK Vietnam', role: 'ahk_staff',
    });

    // The applicant HIH-VN-0001, entered by the admin.
    await admin.goto(new URL('/bewerber/neu', server.baseUrl).href);
    await admin.selectOption('#salutation', 'herr');
    await admin.fill('#first_names', 'Văn Minh');
    await admin.fill('#last_name', 'Lê');
    await admin.fill('#birth_date', '1997-02-03');
    await admin.selectOption('#country', 'VN');
    await admin.selectOption('#status', 'bewerber');
    await admin.selectOption('#target_occupation', 'koch');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/bewerber\/neu\/pruefen$/, await admin.locator('main').innerText());
    await go(admin, admin.locator('button[value=save]'));
    assert.match(await admin.locator('#applicant-id').innerText(), /HIH-VN-0001/);

    const ihk = await activate(browser, server.baseUrl, ihkLink, 'IHK');
    const ahk = await activate(browser, server.baseUrl, ahkLink, 'AHK');

    // The IHK user's company.
    await navigate(ihk, '/unternehmen');
    await checkA11y(ihk, 'company list');
    await go(ihk, ihk.locator('a[href="/unternehmen/neu"]'));
    await checkA11y(ihk, 'company form');
    await ihk.fill('#name', 'Thüringer Gasthaus Zur Linde');
    await ihk.fill('#street', 'Markt');
    await ihk.fill('#house_number', '3');
    await ihk.fill('#plz', '06567');
    await ihk.fill('#ort', 'Bad Frankenhausen');
    await ihk.selectOption('#industry', 'I');
    await ihk.selectOption('#outreach_format', 'persoenlich');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(ihk.url(), /\/unternehmen\/neu\/pruefen$/, await ihk.locator('main').innerText());
    await checkA11y(ihk, 'company review');
    await go(ihk, ihk.locator('button[value=save]'));
    assert.match(await ihk.locator('h1').innerText(), /Zur Linde/);
    await checkA11y(ihk, 'company detail with tabs');

    // Contact history: two entries, newest first, then sorted by contact type.
    await go(ihk, ihk.locator('a[href$="/kontakte"]'));
    await checkA11y(ihk, 'contact history (empty)');
    const contact = async (date, type, topic, text) => {
      await go(ihk, ihk.locator('main a[href$="/kontakte/neu"]'));
      await ihk.fill('#contact_date', date);
      await ihk.selectOption('#contact_type', type);
      await ihk.selectOption('#topic', topic);
      await ihk.fill('#remarks', text);
      await go(ihk, ihk.locator('button[value=review]'));
      await go(ihk, ihk.locator('button[value=save]'));
    };
    await go(ihk, ihk.locator('main a[href$="/kontakte/neu"]'));
    assert.match(await ihk.locator('#author').innerText(), /Katrin Vogt/, 'staff member prefilled');
    await checkA11y(ihk, 'new contact form');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(await ihk.locator('#error-summary').innerText(), /Kontaktart/);
    await checkA11y(ihk, 'new contact form with errors');
    // The review page shows the entry before it is saved; back keeps the input.
    await ihk.selectOption('#contact_type', 'telefon');
    await ihk.selectOption('#topic', 'erstkontakt');
    await ihk.fill('#remarks', 'Entwurf, der verworfen wird');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(ihk.url(), /\/kontakte\/neu\/pruefen$/, await ihk.locator('main').innerText());
    assert.match(await ihk.locator('main').innerText(), /Entwurf, der verworfen wird/);
    await checkA11y(ihk, 'new contact review');
    await go(ihk, ihk.locator('button[value=edit]'));
    assert.equal(await ihk.inputValue('#remarks'), 'Entwurf, der verworfen wird');
    // Cancelling asks first; declining keeps the input, confirming discards it.
    await go(ihk, ihk.locator('button[value=cancel]'));
    assert.match(ihk.url(), /\/kontakte\/neu\/abbrechen$/);
    await checkA11y(ihk, 'cancel confirmation');
    await go(ihk, ihk.locator('main a.kern-btn--secondary'));
    assert.equal(await ihk.inputValue('#remarks'), 'Entwurf, der verworfen wird');
    await go(ihk, ihk.locator('button[value=cancel]'));
    await go(ihk, ihk.locator('main button[type=submit]'));
    assert.match(ihk.url(), /\/kontakte$/);
    assert.doesNotMatch(await ihk.locator('main').innerText(), /Entwurf, der verworfen wird/);
    await contact('2026-01-12', 'telefon', 'erstkontakt', 'Telefonat mit der Inhaberin');
    await contact('2026-02-03', 'email', 'beratung', 'Unterlagen zum Verfahren geschickt');
    let rows = await ihk.locator('#contacts tbody tr').allInnerTexts();
    assert.match(rows[0], /Unterlagen/, 'newest first');
    await checkA11y(ihk, 'contact history');
    await go(ihk, ihk.locator('#contacts th a').filter({ hasText: 'Kontaktart' }));
    rows = await ihk.locator('#contacts tbody tr').allInnerTexts();
    assert.match(rows[0], /E-Mail/);
    await checkA11y(ihk, 'contact history sorted by type, ascending');
    await go(ihk, ihk.locator('#contacts th a').filter({ hasText: 'Kontaktart' }));
    rows = await ihk.locator('#contacts tbody tr').allInnerTexts();
    assert.match(rows[0], /Telefon/, 'descending on the second click');
    await checkA11y(ihk, 'contact history sorted by type');
    await go(ihk, ihk.locator('#contacts tbody a').first());
    await checkA11y(ihk, 'contact entry');

    // Matching by typing the ID: an unknown ID first, then the right one in lower case.
    await go(ihk, ihk.locator('a').filter({ hasText: 'Zurück zur Kontakthistorie' }));
    await go(ihk, ihk.locator('a').filter({ hasText: 'Zurück zum Datensatz' }));
    await go(ihk, ihk.locator('main a[href$="/vermittlungen"]'));
    await checkA11y(ihk, 'company matches (empty)');
    await go(ihk, ihk.locator('a[href$="/vermittlungen/neu"]'));
    await checkA11y(ihk, 'match form');
    await ihk.fill('#applicant_code', 'HIH-VN-0002');
    await go(ihk, ihk.locator('button[value=review]'));
    // IHK staff cannot see unknown applicants: one neutral message (security finding 6).
    assert.match(await ihk.locator('#error-summary').innerText(), /keine Vermittlung möglich/);
    assert.equal(await ihk.locator('#applicant_code').getAttribute('aria-invalid'), 'true');
    await checkA11y(ihk, 'match form with an unknown ID');
    await ihk.fill('#applicant_code', ' hih-vn-0001 ');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(ihk.url(), /\/vermittlungen\/neu\/pruefen$/, await ihk.locator('main').innerText());
    const confirmation = await ihk.locator('main').innerText();
    assert.match(confirmation, /HIH-VN-0001/);
    assert.doesNotMatch(confirmation, /Văn Minh|Lê/, 'no name before the match opens the record');
    await checkA11y(ihk, 'match confirmation');
    await go(ihk, ihk.locator('button[value=save]'));
    assert.match(await ihk.locator('main').innerText(), /HIH-VN-0001/);
    await checkA11y(ihk, 'company matches');
    await go(ihk, ihk.locator('tbody a[href^="/bewerber/"]').filter({ hasText: 'HIH-VN-0001' }));
    assert.match(await ihk.locator('#applicant-id').innerText(), /HIH-VN-0001/);
    await checkA11y(ihk, 'matched applicant as IHK');
    await go(ihk, ihk.locator('a[href$="/prozess"]'));
    await checkA11y(ihk, 'process fields');
    await ihk.fill('#entry_date', '2026-03-01');
    await ihk.fill('#work_start', '2026-03-15');
    await ihk.fill('#integration_measures', 'Patenschaft in der Küche');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(ihk.url(), /\/prozess\/pruefen$/, await ihk.locator('main').innerText());
    await checkA11y(ihk, 'process fields review');
    await go(ihk, ihk.locator('button[value=save]'));
    assert.match(await ihk.locator('main').innerText(), /Patenschaft in der Küche/);
    assert.equal(await ihk.locator('a[href$="/bearbeiten"]').count(), 0, 'no full edit for IHK staff');

    // The AHK user: the bell, the notice, the company's name on the applicant.
    await ahk.reload();
    assert.equal(await ahk.locator('.site-bell--unread').count(), 1, 'the bell shows an unread notice');
    await go(ahk, ahk.locator('a.site-bell'));
    assert.match(await ahk.locator('main').innerText(), /HIH-VN-0001 wurde an Thüringer Gasthaus Zur Linde vermittelt/);
    await checkA11y(ahk, 'notifications');
    await go(ahk, ahk.locator('form[action$="/oeffnen"] button[type=submit]').first());
    assert.match(await ahk.locator('main').innerText(), /Thüringer Gasthaus Zur Linde/);
    assert.doesNotMatch(await ahk.locator('main').innerText(), /Markt|06567/);
    await checkA11y(ahk, 'applicant matches as AHK');
    await navigate(ahk, '/vermittlungen');
    await checkA11y(ahk, 'match list as AHK');

    for (const p of [ihk, ahk]) assertAllVisitedChecked(p);
    for (const p of [ihk, ahk, admin]) await p.context().close();
  });
});
