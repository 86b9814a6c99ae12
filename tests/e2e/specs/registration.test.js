// Self-registration with JavaScript disabled (R-REG): an AHK Vietnam user creates an
// invitation and copies the link shown once; a guest (no login) accepts the consent, fills
// person / qualification / languages — using the browser's back button once — reviews and
// submits; the link then shows the neutral page. The AHK user sees the bell, opens the
// notification, approves, and the applicant has HIH-VN-0001. axe on every page, the public
// ones included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('self-registration (JavaScript off)', () => {
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

  it('invitation → guest steps with browser back → submit → notification → approve → HIH-VN-0001', async () => {
    // An admin, and an AHK Vietnam account the admin creates and activates.
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);

    // The invitation: form language German, the link shown once.
    await navigate(ahk, '/bewerber/registrierungen');
    await checkA11y(ahk, 'registrations to review (empty)');
    await go(ahk, ahk.locator('main a[href="/bewerber/einladungen"]'));
    await checkA11y(ahk, 'invitations (empty)');
    await go(ahk, ahk.locator('a[href="/bewerber/einladungen/neu"]'));
    await checkA11y(ahk, 'new invitation');
    await ahk.fill('#name', 'Nguyễn Thị Hương');
    await ahk.selectOption('#locale', 'de');
    await go(ahk, ahk.locator('button[value=review]'));
    assert.match(await ahk.locator('main').innerText(), /Nguyễn Thị Hương/);
    await checkA11y(ahk, 'new invitation review');
    await go(ahk, ahk.locator('button[value=save]'));
    assert.match(ahk.url(), /\/bewerber\/einladungen\/erstellt$/);
    await checkA11y(ahk, 'invitation link');
    const link = await ahk.inputValue('#invitation-link');
    assert.match(link, /\/registrierung\/[A-Za-z0-9_-]{22,}$/);
    await go(ahk, ahk.locator('main a[href="/bewerber/einladungen"]'));
    assert.match(await ahk.locator('tbody').innerText(), /Nguyễn Thị Hương[\s\S]*offen/);
    await checkA11y(ahk, 'invitations with an open one');

    // The guest: no login, no staff navigation.
    const guest = await newNoJsPage(browser);
    const path = new URL(link).pathname;
    await guest.goto(new URL(path, server.baseUrl).href);
    assert.equal(await guest.locator('nav.site-nav').count(), 0, 'no staff navigation');
    // The guest header is neutral: the programme, not the internal product name, and the
    // privacy notice.
    assert.doesNotMatch(await guest.locator('header').innerText(), /Projektdatenbank/);
    assert.equal(await guest.locator('header a[href="/datenschutz"]').count(), 1, 'privacy notice in the header');
    await checkA11y(guest, 'consent page');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(await guest.locator('#error-summary').innerText(), /Einwilligung/);
    await checkA11y(guest, 'consent page with error');
    await guest.check('#consent');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(guest.url(), /\/person$/);
    await checkA11y(guest, 'step person');
    await guest.selectOption('#salutation', 'frau');
    await guest.fill('#first_names', 'Thị Hương');
    await guest.fill('#last_name', 'Nguyễn');
    await guest.fill('#birth_date', '1998-04-12');
    await guest.fill('#nationality', 'vietnamesisch');
    await guest.fill('#residence', 'Hà Nội');
    await guest.fill('#email', 'huong@example.org');
    await guest.fill('#phone', '+84 24 3826 1234');
    await go(guest, guest.locator('button[value=next]'));
    assert.match(guest.url(), /\/qualifikation$/);
    await checkA11y(guest, 'step qualification');
    await guest.selectOption('#target_occupation', 'koch');
    await guest.fill('#qualification', 'Ausbildung als Köchin');
    await guest.fill('#experience_years', '4');
    await go(guest, guest.locator('button[value=next]'));
    assert.match(guest.url(), /\/sprachen$/);

    // The browser's back button: the qualification step with what was entered.
    await guest.goBack({ waitUntil: 'load' });
    assert.match(guest.url(), /\/qualifikation$/);
    assert.equal(await guest.inputValue('#qualification'), 'Ausbildung als Köchin');
    await go(guest, guest.locator('button[value=next]'));
    assert.match(guest.url(), /\/sprachen$/);
    await checkA11y(guest, 'step languages');
    await guest.selectOption('#german_level', 'B1');
    await go(guest, guest.locator('button[value=next]'));
    assert.match(guest.url(), /\/pruefen$/);
    assert.match(await guest.locator('main').innerText(), /Ausbildung als Köchin/);
    await checkA11y(guest, 'registration review');
    await go(guest, guest.locator('button[value=submit]'));
    assert.match(guest.url(), /\/registrierung\/danke$/);
    assert.match(await guest.locator('main').innerText(), /Vielen Dank/);
    assert.doesNotMatch(await guest.locator('main').innerText(), /nicht \(?mehr\)? verwendet/);
    await checkA11y(guest, 'thank-you page after submission');
    // The used link shows the neutral page.
    await guest.goto(new URL(path, server.baseUrl).href);
    assert.match(await guest.locator('#registration-closed').innerText(), /nicht \(mehr\) verwendet/);
    await checkA11y(guest, 'neutral page of a used link');

    // Staff: the bell, the notification, the review, the approval.
    await ahk.goto(new URL('/', server.baseUrl).href);
    assert.equal(await ahk.locator('.site-bell--unread').count(), 1, 'the bell shows it');
    await go(ahk, ahk.locator('a.site-bell'));
    assert.match(await ahk.locator('.notices').innerText(), /Selbstregistrierung \(VN\)/);
    await checkA11y(ahk, 'notifications');
    await go(ahk, ahk.locator('.notice__actions button[type=submit]').first());
    assert.match(ahk.url(), /\/bewerber\/registrierungen\/\d+$/);
    assert.equal(await ahk.inputValue('#residence'), 'Hà Nội');
    await checkA11y(ahk, 'registration detail');
    await go(ahk, ahk.locator('a[href$="/freigeben"]'));
    await checkA11y(ahk, 'approve confirmation');
    await go(ahk, ahk.locator('main button[type=submit]'));
    assert.match(await ahk.locator('#applicant-id').innerText(), /HIH-VN-0001/);
    assert.match(await ahk.locator('main').innerText(), /Interessent/);
    await checkA11y(ahk, 'approved applicant');
    await ahk.goto(new URL('/bewerber/einladungen', server.baseUrl).href);
    assert.match(await ahk.locator('tbody').innerText(), /freigegeben/);
    await checkA11y(ahk, 'invitations after approval');

    // The used link accepts nothing.
    const late = await newNoJsPage(browser);
    const resp = await late.goto(new URL(path, server.baseUrl).href);
    assert.equal(resp.status(), 410);
    await checkA11y(late, 'used link');

    assertAllVisitedChecked(ahk);
    assertAllVisitedChecked(guest);
    await late.context().close();
    await guest.context().close();
    await ahk.context().close();
    await admin.context().close();
  });
});
