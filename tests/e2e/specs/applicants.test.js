// Applicants with JavaScript disabled: an admin creates an AHK Vietnam account; the AHK user
// creates an applicant with a Vietnamese name (a plausibility error first), sees HIH-VN-0001,
// finds the record by "nguyen" (list and header search box), edits it and deactivates it.
// axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { launch, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('applicants (JavaScript off)', () => {
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

  it('AHK account → create with review → search "nguyen" → edit → deactivate', async () => {
    // An admin, and an AHK Vietnam account the admin creates and activates.
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);

    await navigate(ahk, '/bewerber');
    await checkA11y(ahk, 'applicant list (empty)');
    await go(ahk, ahk.locator('a[href="/bewerber/neu"]'));
    await checkA11y(ahk, 'applicant form');
    assert.equal(await ahk.inputValue('#country'), 'VN', 'own country preselected');
    await ahk.selectOption('#salutation', 'frau');
    await ahk.fill('#first_names', 'Thị Hương');
    await ahk.fill('#last_name', 'Nguyễn');
    await ahk.fill('#birth_date', '1998-04-12');
    await ahk.fill('#nationality', 'vietnamesisch');
    await ahk.fill('#residence', 'Hà Nội');
    await ahk.fill('#email', 'huong@example.org');
    await ahk.fill('#phone', '+84 24 3826 1234');
    await ahk.selectOption('#status', 'bewerber');
    await ahk.selectOption('#target_occupation', 'koch');
    await ahk.selectOption('#german_level', 'B1');
    await ahk.fill('#visa_applied', '2026-08-01');
    await ahk.fill('#visa_granted', '2026-07-01');
    await ahk.check('input[name=consent_partners][value=sprachkurs]');
    await go(ahk, ahk.locator('button[value=review]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /nicht vor dem Antrag erteilt/);
    assert.equal(await ahk.locator('#visa_granted').getAttribute('aria-invalid'), 'true');
    assert.equal(await ahk.inputValue('#first_names'), 'Thị Hương', 'input kept');
    assert.ok(await ahk.isChecked('input[name=consent_partners][value=sprachkurs]'), 'checkbox kept');
    await checkA11y(ahk, 'applicant form with errors');
    await ahk.fill('#visa_granted', '2026-08-20');
    await go(ahk, ahk.locator('button[value=review]'));
    assert.match(ahk.url(), /\/bewerber\/neu\/pruefen$/);
    await checkA11y(ahk, 'applicant review');
    await go(ahk, ahk.locator('button[value=save]'));
    assert.match(await ahk.locator('h1').innerText(), /Thị Hương Nguyễn/);
    assert.match(await ahk.locator('#applicant-id').innerText(), /HIH-VN-0001/);
    await checkA11y(ahk, 'applicant detail');

    // Found without diacritics, in the list and through the header search box.
    await ahk.goto(new URL('/bewerber', server.baseUrl).href);
    await ahk.fill('#q', 'nguyen');
    await go(ahk, ahk.locator('form[role=search][action="/bewerber"] button[type=submit]'));
    assert.match(await ahk.locator('main').innerText(), /1 Eintrag/);
    assert.match(await ahk.locator('tbody').innerText(), /HIH-VN-0001/);
    await checkA11y(ahk, 'applicant search result');
    await ahk.fill('#site-search-q', 'nguyen');
    await go(ahk, ahk.locator('form.site-search button[type=submit]'));
    assert.match(await ahk.locator('#search-applicant').innerText(), /\(1 Treffer\)/);
    await checkA11y(ahk, 'global search with an applicant');
    await go(ahk, ahk.locator('.search-hits a').first());

    // Edit: the status becomes "Abbrecher/in" — the reason is required.
    await go(ahk, ahk.locator('a[href$="/bearbeiten"]'));
    await checkA11y(ahk, 'applicant edit form');
    await ahk.selectOption('#status', 'abbrecher');
    await go(ahk, ahk.locator('button[value=review]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /Abbruchgrund/);
    await ahk.fill('#dropout_reason', 'Familiäre Gründe');
    await go(ahk, ahk.locator('button[value=review]'));
    await checkA11y(ahk, 'applicant edit review');
    await go(ahk, ahk.locator('button[value=save]'));
    assert.match(await ahk.locator('main').innerText(), /Familiäre Gründe/);
    assert.match(await ahk.locator('#applicant-id').innerText(), /HIH-VN-0001/, 'the ID never changes');

    await go(ahk, ahk.locator('a[href$="/aktion/deaktivieren"]'));
    await checkA11y(ahk, 'deactivate confirmation');
    await go(ahk, ahk.locator('button[type=submit]').filter({ hasText: 'Ja, deaktivieren' }));
    assert.match(await ahk.locator('main').innerText(), /0 Einträge/);
    await checkA11y(ahk, 'applicant list after deactivation');
    assertAllVisitedChecked(ahk);
    await ahk.context().close();
    await admin.context().close();
  });
});
